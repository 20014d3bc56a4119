import { activityTotals, type ActivityTotals } from './activity';
import { vietnamDay, type Day } from './calendar';
import { digitalIdSummary } from './digitalId';
import { computeIndicators, type IndicatorResult, type TargetOverrides } from './indicators';
import { mentorsOf } from './mentorship';
import { isLiveHousehold, liveMembers } from './modelInputs';
import type { ReportPeriod } from './reportPeriods';
import { scopeData, type ModelData, type Scope } from './reportScope';
import { traderSummary } from './trader4t';

/**
 * The monthly or quarterly report, as figures. The device (from Dexie) and the server (from SQL)
 * both call this one function, so both render the same numbers for the same records; the output
 * does not depend on the order of the input rows.
 *
 * Status figures (indicators, models) are as of `asOf` (the period's end, or an earlier "today" for
 * a period still running): dated facts after it (visits, pairings) are left out, while people's
 * records are their current state (they keep no history). Activity counts what happened in the period.
 */
export interface Report {
  period: ReportPeriod;
  scope: Scope;
  asOf: Day;
  households: number;
  residents: number;
  indicators: IndicatorResult[];
  unknownAge: number;
  byVillage: { villageId: string; indicators: IndicatorResult[] }[];
  activity: ActivityTotals;
  mentorships: { started: number; mentors: number; mentorsAtTarget: number };
  traders: ReturnType<typeof traderSummary>;
  digitalId: { eligible: number; complete: number; missing: number };
}

/** The data without the dated facts that happened after `asOf`. */
function factsUntil(all: ModelData, asOf: Day): ModelData {
  return {
    ...all,
    visits: all.visits.filter((v) => vietnamDay(v.at) <= asOf),
    mentorships: all.mentorships.filter((p) => p.startDate <= asOf),
  };
}

export interface ReportOptions {
  targets?: TargetOverrides;
  /** Today, when the period has not ended yet. */
  today?: Day;
}

export function buildReport(
  all: ModelData,
  period: ReportPeriod,
  scope: Scope,
  options: ReportOptions = {},
): Report {
  const asOf = options.today && options.today < period.end ? options.today : period.end;
  all = factsUntil(all, asOf);
  const data = scopeData(all, scope);
  const overall = computeIndicators(all, scope, asOf, options.targets);
  const villageIds = [
    ...new Set(data.households.filter(isLiveHousehold).map((h) => h.villageId)),
  ].sort();
  const live = data.mentorships.filter((p) => !p.deleted);
  const progress = mentorsOf(all.mentorships, data.mentorships);
  const ids = digitalIdSummary(data.households, data.members, asOf);
  return {
    period,
    scope: scope === 'commune' ? scope : { villageIds: [...scope.villageIds].sort() },
    asOf,
    households: data.households.filter(isLiveHousehold).length,
    residents: liveMembers(data.households, data.members).length,
    indicators: overall.indicators,
    unknownAge: overall.unknownAge,
    byVillage: villageIds.map((villageId) => ({
      villageId,
      indicators: computeIndicators(all, { villageIds: [villageId] }, asOf, options.targets)
        .indicators,
    })),
    activity: activityTotals(data.visits, { start: period.start, end: asOf }),
    mentorships: {
      started: live.filter((p) => p.startDate >= period.start && p.startDate <= asOf).length,
      mentors: progress.length,
      mentorsAtTarget: progress.filter((p) => p.reached).length,
    },
    traders: traderSummary(data.traders ?? []),
    digitalId: { eligible: ids.eligible, complete: ids.complete, missing: ids.missing.length },
  };
}
