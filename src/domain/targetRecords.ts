import { INDICATOR_KEYS, type IndicatorKey, type TargetOverrides } from './indicators';

/**
 * Targets (chỉ tiêu) travel as synced `target` records, one per commune and year, with one field per
 * indicator (a percentage), so two officers editing different indicators offline both keep theirs.
 * The record id is derived from the year, so every device and the server address the same record.
 */
export interface TargetFields extends Partial<Record<IndicatorKey, number>> {
  year?: number;
  deleted?: boolean;
}

/** A fixed UUID (version 7 layout) per year: `7a126e70-0000-7000-8000-00000000YYYY`. */
export function targetRecordId(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`bad year ${year}`);
  return `7a126e70-0000-7000-8000-${String(year).padStart(12, '0')}`;
}

export function isValidTargetPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** The overrides a year's record sets; the indicators' defaults apply to the rest. */
export function targetOverrides(
  records: readonly ({ id: string } & TargetFields)[],
  year: number,
): TargetOverrides {
  const id = targetRecordId(year);
  const record = records.find((r) => r.id === id && !r.deleted);
  const out: TargetOverrides = {};
  if (!record) return out;
  for (const key of INDICATOR_KEYS) {
    const v = record[key];
    if (isValidTargetPercent(v)) out[key] = v;
  }
  return out;
}
