import { addDays, vietnamDay, type Day } from './calendar';
import { MENTOR_TARGET, type MentorshipFacts } from './mentorship';
import { effectiveVisits, groupBy, isLiveHousehold } from './modelInputs';
import { monthPeriod } from './reportPeriods';
import { scopeData, type ModelData, type Scope } from './reportScope';

/**
 * Month-by-month figures rebuilt from dated facts (visits, pairing start dates), so the dashboard
 * can draw a trend without stored snapshots. Status indicators (VNeID, smartphones...) have no
 * history in the records; the server may keep monthly buildReport snapshots for those.
 */
export interface TrendPoint {
  /** "2027-06" */
  month: string;
  visits: number;
  /** Live households visited at least once by the month's end. */
  householdsReached: number;
  households: number;
  /** Mentors whose pairings started by the month's end reach 5. */
  mentorsAtTarget: number;
}

export function monthlyTrend(
  all: ModelData,
  scope: Scope,
  from: { year: number; month: number },
  months: number,
): TrendPoint[] {
  const data = scopeData(all, scope);
  const live = new Set(data.households.filter(isLiveHousehold).map((h) => h.id));
  const visits = effectiveVisits(data.visits)
    .filter((v) => live.has(v.householdId))
    .map((v) => ({ day: vietnamDay(v.at), householdId: v.householdId }))
    .sort(byDay);
  const byMentor = groupBy(
    all.mentorships.filter((p) => !p.deleted),
    (p) => p.mentorId,
  );
  const mentorIds = new Set(data.mentorships.filter((p) => !p.deleted).map((p) => p.mentorId));
  const reachedOn = [...mentorIds].map((id) => mentorReachedOn(byMentor.get(id) ?? []));
  return trendPoints(visits, live.size, reachedOn, from, months);
}

export const byDay = (a: { day: Day }, b: { day: Day }) =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : 0;

/**
 * The day a mentor's pairings (all of one mentor) first reach the target: the start date of the
 * 5th distinct mentee, counting the pairings that count (mentorProgress); null if never. A mentor
 * has reached it by a day D exactly when this is ≤ D.
 */
export function mentorReachedOn(pairings: readonly MentorshipFacts[]): Day | null {
  const first = new Map<string, Day>();
  for (const p of pairings) {
    if (p.deleted || p.status === 'stopped' || typeof p.startDate !== 'string') continue;
    const seen = first.get(p.menteeId);
    if (seen === undefined || p.startDate < seen) first.set(p.menteeId, p.startDate);
  }
  return [...first.values()].sort()[MENTOR_TARGET - 1] ?? null;
}

/**
 * The trend from facts already reduced: the live households' effective visits by day (sorted),
 * how many live households there are, and each mentor's mentorReachedOn.
 */
export function trendPoints(
  visits: readonly { day: Day; householdId: string }[],
  households: number,
  reachedOn: readonly (Day | null)[],
  from: { year: number; month: number },
  months: number,
): TrendPoint[] {
  const reached = new Set<string>();
  const out: TrendPoint[] = [];
  let i = 0;
  for (let k = 0; k < months; k++) {
    const index = from.year * 12 + (from.month - 1) + k;
    const period = monthPeriod(Math.floor(index / 12), (index % 12) + 1);
    const next: Day = addDays(period.end, 1);
    let count = 0;
    for (; i < visits.length && (visits[i]?.day ?? next) < next; i++) {
      const v = visits[i];
      if (!v) break;
      if (v.day >= period.start) count++;
      reached.add(v.householdId);
    }
    let atTarget = 0;
    for (const on of reachedOn) if (on !== null && on <= period.end) atTarget++;
    out.push({
      month: period.start.slice(0, 7),
      visits: count,
      householdsReached: reached.size,
      households,
      mentorsAtTarget: atTarget,
    });
  }
  return out;
}
