import { ageIn, type Member } from './entities';

/**
 * A member's digital readiness, derived from their record (never typed by hand): which of the
 * movement's basics they still lack. Gaps are counted for people aged 16 and over (the age of the
 * digital identity target); younger members are "child" and have none.
 */
export const READINESS_GAPS = [
  'smartphone',
  'vneid',
  'vneid_level2',
  'cashless',
  'online_services',
  'platform',
] as const;
export type ReadinessGap = (typeof READINESS_GAPS)[number];

export type ReadinessLevel = 'child' | 'not_started' | 'partial' | 'ready';

export interface Readiness {
  level: ReadinessLevel;
  gaps: ReadinessGap[];
}

export const READINESS_MIN_AGE = 16;

type ReadinessFields = Pick<
  Member,
  'birthYear' | 'smartphone' | 'vneid' | 'cashless' | 'onlineServices' | 'platform'
>;

export function memberReadiness(m: ReadinessFields, currentYear: number): Readiness {
  if (ageIn(currentYear, m.birthYear) < READINESS_MIN_AGE) return { level: 'child', gaps: [] };
  const gaps: ReadinessGap[] = [];
  if (!m.smartphone) gaps.push('smartphone');
  if (m.vneid === 'none') gaps.push('vneid');
  else if (m.vneid !== 'level2') gaps.push('vneid_level2');
  if (!m.cashless) gaps.push('cashless');
  if (!m.onlineServices) gaps.push('online_services');
  if (m.platform !== 'completed') gaps.push('platform');
  // Lacking a VNeID account also means lacking level 2: one gap, counted once.
  const possible = READINESS_GAPS.length - 1;
  const level: ReadinessLevel =
    gaps.length === 0 ? 'ready' : gaps.length >= possible ? 'not_started' : 'partial';
  return { level, gaps };
}

/** The union of gaps of a household's members (for the village list's filters). */
export function householdGaps(
  members: readonly (ReadinessFields & { deleted?: boolean })[],
  currentYear: number,
): Set<ReadinessGap> {
  const out = new Set<ReadinessGap>();
  for (const m of members) {
    if (m.deleted) continue;
    for (const g of memberReadiness(m, currentYear).gaps) out.add(g);
  }
  return out;
}
