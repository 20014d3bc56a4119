import type { DatedVisit } from './activity';
import type { Day } from './calendar';
import type { HouseholdSummary, MentorSummary } from './householdSummary';
import {
  countPerson,
  emptyIndicatorCounts,
  indicatorSet,
  type IndicatorCounts,
  type IndicatorSet,
  type TargetOverrides,
} from './indicators';
import { monthPeriod } from './reportPeriods';
import { scopeTest, type DayRange, type Scope } from './reportScope';
import { trendPoints, type TrendPoint } from './trend';

/**
 * Adding up per-household summaries (householdSummary.ts) into the dashboard's figures, through
 * the same domain functions that compute them from rows (indicatorSet, trendPoints,
 * volunteerWeeksOf/activityTotalsOf): same scope rules as scopeData, same counts.
 */

/** The households of a scope, as scopeData keeps them (the commune keeps every one). */
export function scopeSummaries(
  households: readonly HouseholdSummary[],
  scope: Scope,
): HouseholdSummary[] {
  if (scope === 'commune') return [...households];
  const inside = scopeTest(scope);
  return households.filter((h) => h.exists && inside(h.villageId ?? undefined));
}

/** The mentors of a scope (mentorsOf): those with a live pairing in it. */
export function scopeMentors(mentors: readonly MentorSummary[], scope: Scope): MentorSummary[] {
  if (scope === 'commune') return mentors.filter((m) => m.live);
  const inside = scopeTest(scope);
  return mentors.filter((m) => m.live && m.villageIds.some((v) => inside(v)));
}

function addHousehold(c: IndicatorCounts, h: HouseholdSummary, year: number): void {
  if (!h.live) return;
  c.households++;
  if (h.gds) c.gdsHouseholds++;
  for (let i = 0; i < h.bits.length; i++) countPerson(c, h.birthYears[i], h.bits[i] ?? 0, year);
}

/** computeIndicators over summaries already scoped (scopeSummaries, scopeMentors). */
export function indicatorsOfSummaries(
  households: readonly HouseholdSummary[],
  mentors: readonly MentorSummary[],
  year: number,
  overrides: TargetOverrides = {},
): IndicatorSet {
  return scopeIndicatorsOfSummaries(households, mentors, year, overrides).overall;
}

function addCounts(into: IndicatorCounts, c: IndicatorCounts): void {
  for (const key of Object.keys(c) as (keyof IndicatorCounts)[]) into[key] += c[key];
}

/**
 * The scope's indicators and each village's (the villages with a live household; the dashboard's
 * byVillage), in one pass over the people: a scope's counts are its villages' counts added up
 * (plus households of no known village), except mentors, who may guide in two villages and count
 * once.
 */
export function scopeIndicatorsOfSummaries(
  households: readonly HouseholdSummary[],
  mentors: readonly MentorSummary[],
  year: number,
  overrides: TargetOverrides = {},
): {
  overall: IndicatorSet;
  byVillage: { villageId: string; indicators: IndicatorSet['indicators'] }[];
} {
  const counts = new Map<string, IndicatorCounts>();
  const elsewhere = emptyIndicatorCounts();
  for (const h of households) {
    if (!h.live) continue;
    let c = elsewhere;
    if (h.villageId !== null) {
      c = counts.get(h.villageId) ?? emptyIndicatorCounts();
      counts.set(h.villageId, c);
    }
    addHousehold(c, h, year);
  }
  const overall = emptyIndicatorCounts();
  for (const c of [...counts.values(), elsewhere]) addCounts(overall, c);
  overall.mentors = mentors.length;
  overall.mentorsAtTarget = mentors.filter((m) => m.reached).length;
  for (const m of mentors) {
    for (const v of m.villageIds) {
      const c = counts.get(v);
      if (!c) continue;
      c.mentors++;
      if (m.reached) c.mentorsAtTarget++;
    }
  }
  return {
    overall: indicatorSet(overall, overrides),
    byVillage: [...counts.keys()].sort().map((villageId) => ({
      villageId,
      indicators: indicatorSet(counts.get(villageId) ?? emptyIndicatorCounts(), overrides)
        .indicators,
    })),
  };
}

/**
 * monthlyTrend over scoped summaries. trendPoints walks visits in day order, but all it needs is
 * month order: a month's visits are counted and its households reached by the month's end whatever
 * their order within it. So each live household gives its first visit when that is before the
 * first month (in any order, ahead of the rest), and its visits within the months, grouped by month;
 * no sort of 100,000 days.
 */
export function trendOfSummaries(
  households: readonly HouseholdSummary[],
  mentors: readonly MentorSummary[],
  from: { year: number; month: number },
  months: number,
): TrendPoint[] {
  const first = from.year * 12 + from.month - 1;
  const start = monthPeriod(from.year, from.month).start;
  const early: { day: Day; householdId: string }[] = [];
  const byMonth = Array.from({ length: months }, () => [] as { day: Day; householdId: string }[]);
  let live = 0;
  for (const h of households) {
    if (!h.live) continue;
    live++;
    const firstDay = h.visitDays[0];
    if (firstDay !== undefined && firstDay < start)
      early.push({ day: firstDay, householdId: h.id });
    for (const day of h.visitDays) {
      if (day < start) continue;
      const k = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - first;
      if (k < months) byMonth[k]?.push({ day, householdId: h.id });
    }
  }
  return trendPoints(
    early.concat(...byMonth),
    live,
    mentors.map((m) => m.reachedOn),
    from,
    months,
  );
}

/** The effective visits of scoped summaries within a range, as activity counts them. */
export function datedVisitsOfSummaries(
  households: readonly HouseholdSummary[],
  range: DayRange,
): DatedVisit[] {
  const out: DatedVisit[] = [];
  for (const h of households) {
    for (let i = 0; i < h.visitDays.length; i++) {
      const day = h.visitDays[i] as Day;
      if (day < range.start || day > range.end) continue;
      out.push({ day, volunteerId: h.visitVolunteers[i] ?? '', householdId: h.id });
    }
  }
  return out;
}
