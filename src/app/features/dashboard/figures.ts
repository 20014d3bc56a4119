import {
  activityTotalsOf,
  datedVisits,
  volunteerWeeksOf,
  type ActivityTotals,
  type DatedVisit,
} from '../../../domain/activity';
import { addDays, weekStart, yearOf, type Day } from '../../../domain/calendar';
import type { HouseholdSummary, MentorSummary } from '../../../domain/householdSummary';
import { computeIndicators, type IndicatorSet } from '../../../domain/indicators';
import {
  datedVisitsOfSummaries,
  scopeIndicatorsOfSummaries,
  scopeMentors,
  scopeSummaries,
  trendOfSummaries,
} from '../../../domain/summaryFigures';
import { isLiveHousehold } from '../../../domain/modelInputs';
import type { ViewData } from '../../../domain/reportData';
import { scopeData, type DayRange, type Scope } from '../../../domain/reportScope';
import { targetOverrides } from '../../../domain/targetRecords';
import { monthlyTrend, type TrendPoint } from '../../../domain/trend';

export const TREND_MONTHS = 6;

export interface DashboardFigures {
  overall: IndicatorSet;
  byVillage: { villageId: string; indicators: IndicatorSet['indicators'] }[];
  trend: TrendPoint[];
  households: number;
  activity: ActivityFigures;
}

export const ACTIVITY_WEEKS = 4;

export interface ActivityFigures {
  /** The Mondays of the last four weeks. */
  weeks: Day[];
  /** Per volunteer: visits and distinct households per week (by the week's Monday). */
  rows: { volunteerId: string; byWeek: Record<Day, { visits: number; households: number }> }[];
  totals: ActivityTotals;
}

/** The last four weeks, Monday of the first to today. */
export function activityRange(today: Day): DayRange {
  return { start: addDays(weekStart(today), -7 * (ACTIVITY_WEEKS - 1)), end: today };
}

/** Visits per volunteer per week over the last four weeks, and the households reached. */
export function activityFigures(visits: ViewData['visits'], today: Day): ActivityFigures {
  return activityOfDated(datedVisits(visits), today);
}

function activityOfDated(visits: readonly DatedVisit[], today: Day): ActivityFigures {
  const range = activityRange(today);
  const weeks = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => addDays(range.start, 7 * i));
  const rows = new Map<string, ActivityFigures['rows'][number]>();
  for (const w of volunteerWeeksOf(visits, range)) {
    const row = rows.get(w.volunteerId) ?? { volunteerId: w.volunteerId, byWeek: {} };
    row.byWeek[w.weekStart] = { visits: w.visits, households: w.households };
    rows.set(w.volunteerId, row);
  }
  return { weeks, rows: [...rows.values()], totals: activityTotalsOf(visits, range) };
}

/** The first month of the trend that ends with today's month. */
export function trendStart(today: Day): { year: number; month: number } {
  const start = yearOf(today) * 12 + Number(today.slice(5, 7)) - 1 - (TREND_MONTHS - 1);
  return { year: Math.floor(start / 12), month: (start % 12) + 1 };
}

/**
 * What the dashboard shows, from the device's data through the domain functions. Plain data, so it
 * can be kept on the device and shown at once the next time (see snapshot.ts).
 */
export function dashboardFigures(data: ViewData, scope: Scope, today: Day): DashboardFigures {
  const targets = targetOverrides(data.targets, yearOf(today));
  const scoped = { ...scopeData(data, scope), targets: data.targets };
  const overall = computeIndicators(data, scope, today, targets);
  const villageIds = [
    ...new Set(scoped.households.filter(isLiveHousehold).map((h) => h.villageId)),
  ].sort();
  const byVillage =
    villageIds.length < 2
      ? []
      : villageIds.map((villageId) => ({
          villageId,
          indicators: computeIndicators(data, { villageIds: [villageId] }, today, targets)
            .indicators,
        }));
  const trend = monthlyTrend(data, scope, trendStart(today), TREND_MONTHS);
  return {
    overall,
    byVillage,
    trend,
    households: scoped.households.filter(isLiveHousehold).length,
    activity: activityFigures(scoped.visits, today),
  };
}

/**
 * The same figures from the device's per-household summaries (see summaries.ts in app/db): what
 * the dashboard computes; dashboardFigures (from rows) is what tests compare it with.
 */
export function dashboardFiguresOfSummaries(
  summaries: readonly HouseholdSummary[],
  mentors: readonly MentorSummary[],
  targets: ViewData['targets'],
  scope: Scope,
  today: Day,
): DashboardFigures {
  const year = yearOf(today);
  const overrides = targetOverrides(targets, year);
  const households = scopeSummaries(summaries, scope);
  const scopedMentors = scopeMentors(mentors, scope);
  const { overall, byVillage } = scopeIndicatorsOfSummaries(
    households,
    scopedMentors,
    year,
    overrides,
  );
  return {
    overall,
    byVillage: byVillage.length < 2 ? [] : byVillage,
    trend: trendOfSummaries(households, scopedMentors, trendStart(today), TREND_MONTHS),
    households: households.filter((h) => h.live).length,
    activity: activityOfDated(datedVisitsOfSummaries(households, activityRange(today)), today),
  };
}
