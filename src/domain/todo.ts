import { daysBetween, vietnamDay, type Day } from './calendar';
import { digitalIdSummary, type DigitalIdEntry } from './digitalId';
import type { PriorityFlag } from './entities';
import { gdsStatuses, type GdsRequirement } from './gdsStatus';
import { mentorsOf, type MentorProgress } from './mentorship';
import {
  sortBy,
  effectiveVisits,
  isLiveHousehold,
  priorityFlagsOf,
  type HouseholdFacts,
  type VisitFacts,
} from './modelInputs';
import { scopeData, type ModelData, type Scope } from './reportScope';

/** "Việc cần làm": what a team should do next. Each row names the household or person it opens. */

/**
 * The lists below share two derived views of the same arrays; they are remembered per array
 * (the inputs are never mutated), so building all lists reads the visits once.
 */
const lastVisitCache = new WeakMap<readonly VisitFacts[], ReadonlyMap<string, Day>>();
const liveSortedCache = new WeakMap<readonly HouseholdFacts[], HouseholdFacts[]>();

/** The day of each household's latest visit. */
export function lastVisitDays(visits: readonly VisitFacts[]): ReadonlyMap<string, Day> {
  const cached = lastVisitCache.get(visits);
  if (cached) return cached;
  const last = new Map<string, number>();
  for (const v of effectiveVisits(visits))
    last.set(v.householdId, Math.max(v.at, last.get(v.householdId) ?? -Infinity));
  const days = new Map([...last].map(([id, at]) => [id, vietnamDay(at)]));
  lastVisitCache.set(visits, days);
  return days;
}

/** Live households by village, address, id. */
function liveSorted(households: readonly HouseholdFacts[]): readonly HouseholdFacts[] {
  let sorted = liveSortedCache.get(households);
  if (!sorted) {
    const live = households.filter(isLiveHousehold);
    sorted = sortBy(live, (h) => [h.villageId, h.address ?? '', h.id]);
    liveSortedCache.set(households, sorted);
  }
  return sorted;
}

export function neverVisited(
  households: readonly HouseholdFacts[],
  visits: readonly VisitFacts[],
): { householdId: string }[] {
  const last = lastVisitDays(visits);
  return liveSorted(households)
    .filter((h) => !last.has(h.id))
    .map((h) => ({ householdId: h.id }));
}

/** Households visited before, but not for `days` days or more; the longest gap first. */
export function notVisitedFor(
  households: readonly HouseholdFacts[],
  visits: readonly VisitFacts[],
  today: Day,
  days: number,
): { householdId: string; lastVisit: Day; days: number }[] {
  const last = lastVisitDays(visits);
  const out = [];
  for (const h of liveSorted(households)) {
    const day = last.get(h.id);
    if (day === undefined) continue;
    const gap = daysBetween(day, today);
    if (gap >= days) out.push({ householdId: h.id, lastVisit: day, days: gap });
  }
  return out.sort((a, b) => b.days - a.days);
}

/**
 * Follow-ups due by today: a visit's follow-up date has come and no later visit to the household
 * has happened since. The most overdue first.
 */
export function followUpsDue(
  visits: readonly VisitFacts[],
  today: Day,
): { visitId: string; householdId: string; dueOn: Day; overdueDays: number }[] {
  const live = effectiveVisits(visits);
  const latest = new Map<string, number>();
  for (const v of live)
    latest.set(v.householdId, Math.max(v.at, latest.get(v.householdId) ?? -Infinity));
  const out = [];
  for (const v of live) {
    const due = v.followUpDate;
    if (!due || due > today || (latest.get(v.householdId) ?? v.at) > v.at) continue;
    out.push({
      visitId: v.id,
      householdId: v.householdId,
      dueOn: due,
      overdueDays: daysBetween(due, today),
    });
  }
  return sortBy(out, (r) => [r.dueOn, r.householdId, r.visitId]);
}

export function householdsShortOfGds(
  data: Pick<ModelData, 'households' | 'members' | 'visits'>,
): { householdId: string; memberId: string | null; missing: GdsRequirement[] }[] {
  const households = liveSorted(data.households);
  const statuses = gdsStatuses(data.households, data.members, data.visits);
  return households
    .map((h) => statuses.get(h.id))
    .filter((s) => s !== undefined)
    .filter((s) => !s.qualified)
    .map((s) => ({ householdId: s.householdId, memberId: s.memberId, missing: s.missing }));
}

/** Priority households (poor, near-poor, minority, elderly alone, disability) never visited. */
export function priorityNotReached(
  households: readonly HouseholdFacts[],
  visits: readonly VisitFacts[],
): { householdId: string; flags: PriorityFlag[] }[] {
  const last = lastVisitDays(visits);
  return liveSorted(households)
    .map((h) => ({ householdId: h.id, flags: priorityFlagsOf(h) }))
    .filter((r) => r.flags.length > 0 && !last.has(r.householdId));
}

export interface TodoLists {
  neverVisited: { householdId: string }[];
  notVisitedFor: { householdId: string; lastVisit: Day; days: number }[];
  followUpsDue: { visitId: string; householdId: string; dueOn: Day; overdueDays: number }[];
  mentorsShort: MentorProgress[];
  withoutVneidLevel2: DigitalIdEntry[];
  shortOfGds: { householdId: string; memberId: string | null; missing: GdsRequirement[] }[];
  priorityNotReached: { householdId: string; flags: PriorityFlag[] }[];
}

export const DEFAULT_STALE_DAYS = 30;

export function buildTodoLists(
  all: ModelData,
  scope: Scope,
  today: Day,
  staleDays = DEFAULT_STALE_DAYS,
): TodoLists {
  const data = scopeData(all, scope);
  return {
    neverVisited: neverVisited(data.households, data.visits),
    notVisitedFor: notVisitedFor(data.households, data.visits, today, staleDays),
    followUpsDue: followUpsDue(data.visits, today),
    mentorsShort: mentorsOf(all.mentorships, data.mentorships)
      .filter((p) => !p.reached)
      .sort((a, b) => a.mentees - b.mentees || (a.mentorId < b.mentorId ? -1 : 1)),
    withoutVneidLevel2: digitalIdSummary(data.households, data.members, today).missing.filter(
      (e) => e.gaps.includes('vneid') || e.gaps.includes('vneid_level2'),
    ),
    shortOfGds: householdsShortOfGds(data),
    priorityNotReached: priorityNotReached(data.households, data.visits),
  };
}
