import { addDays, vietnamDay, type Day } from './calendar';
import { mentorProgress } from './mentorship';
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
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const byMentor = groupBy(
    all.mentorships.filter((p) => !p.deleted),
    (p) => p.mentorId,
  );
  const mentorIds = new Set(data.mentorships.filter((p) => !p.deleted).map((p) => p.mentorId));
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
    for (const id of mentorIds) {
      const started = (byMentor.get(id) ?? []).filter((p) => p.startDate <= period.end);
      if (mentorProgress(id, started).reached) atTarget++;
    }
    out.push({
      month: period.start.slice(0, 7),
      visits: count,
      householdsReached: reached.size,
      households: live.size,
      mentorsAtTarget: atTarget,
    });
  }
  return out;
}
