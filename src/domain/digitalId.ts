import { yearOf, type Day } from './calendar';
import {
  knownAge,
  sortBy,
  liveMembers,
  type HouseholdFacts,
  type MemberFacts,
} from './modelInputs';

/**
 * "Mỗi công dân – Một danh tính số" (seeds 000 §6.4, 002 row 4, 004 §6.4): every citizen aged 16
 * or more has a digital identity (VNeID, counted complete at level 2) and a digital bank account.
 * Only birth years are stored, so "aged 16 or more" means turning 16 during the reference day's year.
 */
export const DIGITAL_ID_MIN_AGE = 16;

export const DIGITAL_ID_GAPS = ['vneid', 'vneid_level2', 'bank_account'] as const;
export type DigitalIdGap = (typeof DIGITAL_ID_GAPS)[number];

export const DIGITAL_ID_GAP_LABELS: Record<DigitalIdGap, string> = {
  vneid: 'Chưa có tài khoản VNeID',
  vneid_level2: 'Chưa kích hoạt VNeID mức độ 2',
  bank_account: 'Chưa có tài khoản ngân hàng số',
};

export function digitalIdGaps(m: Pick<MemberFacts, 'vneid' | 'cashless'>): DigitalIdGap[] {
  const gaps: DigitalIdGap[] = [];
  if (!m.vneid || m.vneid === 'none') gaps.push('vneid');
  else if (m.vneid !== 'level2') gaps.push('vneid_level2');
  if (m.cashless !== true) gaps.push('bank_account');
  return gaps;
}

export interface DigitalIdEntry {
  memberId: string;
  householdId: string;
  villageId: string;
  name: string;
  age: number;
  gaps: DigitalIdGap[];
}

export interface DigitalIdSummary {
  /** Live residents turning 16 or more in the reference year. */
  eligible: number;
  complete: number;
  /** Those still missing something, by village then name. */
  missing: DigitalIdEntry[];
  /** Live residents whose birth year is unknown: not counted, listed so someone asks. */
  unknownAge: { memberId: string; householdId: string; name: string }[];
}

export function digitalIdSummary(
  households: readonly HouseholdFacts[],
  members: readonly MemberFacts[],
  today: Day,
): DigitalIdSummary {
  const year = yearOf(today);
  const out: DigitalIdSummary = { eligible: 0, complete: 0, missing: [], unknownAge: [] };
  for (const m of liveMembers(households, members)) {
    const age = knownAge(m.birthYear, year);
    if (age === null) {
      out.unknownAge.push({ memberId: m.id, householdId: m.householdId, name: m.name ?? '' });
      continue;
    }
    if (age < DIGITAL_ID_MIN_AGE) continue;
    out.eligible++;
    const gaps = digitalIdGaps(m);
    if (gaps.length === 0) out.complete++;
    else
      out.missing.push({
        memberId: m.id,
        householdId: m.householdId,
        villageId: m.villageId,
        name: m.name ?? '',
        age,
        gaps,
      });
  }
  return {
    ...out,
    missing: sortBy(out.missing, (e) => [e.villageId, e.name, e.memberId]),
    unknownAge: sortBy(out.unknownAge, (e) => [e.memberId]),
  };
}
