import { vietnamDay, type Day } from './calendar';
import { gdsStatus } from './gdsStatus';
import { personBits } from './indicators';
import { mentorProgress, type MentorshipFacts } from './mentorship';
import {
  effectiveVisits,
  groupBy,
  isLiveHousehold,
  type HouseholdFacts,
  type MemberFacts,
  type VisitFacts,
} from './modelInputs';
import type { ModelData } from './reportScope';
import { mentorReachedOn } from './trend';

/**
 * Per-household summaries: exactly the facts of one household that the dashboard's indicators,
 * trend and activity read, in a small row the device keeps up to date as rows change (only the
 * households whose rows changed are summarised again). Adding the summaries of a scope up
 * (summaryFigures.ts) gives the same figures as computeIndicators, monthlyTrend and the activity
 * functions over the rows themselves: nothing in a summary depends on "today" (ages are taken from
 * birth years at adding-up time), and every fact is one household's own.
 *
 * One assumption, true of the app: a visit's correction (correctsId) is a visit of the same
 * household, so which visits stand can be decided household by household.
 */
export interface HouseholdSummary {
  /** The household id (also for visits or members whose household row is not on the device). */
  id: string;
  /** Whether the household row is on the device. */
  exists: boolean;
  /** Its village (the server's when known); null when unknown. */
  villageId: string | null;
  /** Not deleted, not moved away (isLiveHousehold). */
  live: boolean;
  /** Gia đình số reached (gdsStatus), only for a live household. */
  gds: boolean;
  /** The live members of a live household: birth year as stored (null when not a number)… */
  birthYears: (number | null)[];
  /** …and what the indicators count of them (personBits), in the same order. */
  bits: number[];
  /** The effective visits, by Vietnamese day (sorted), and who made each (same order). */
  visitDays: Day[];
  visitVolunteers: string[];
}

/** One household's summary from its own rows (other households' rows must not be passed). */
export function summarizeHousehold(
  id: string,
  household: HouseholdFacts | undefined,
  members: readonly MemberFacts[],
  visits: readonly VisitFacts[],
): HouseholdSummary {
  const live = household !== undefined && isLiveHousehold(household);
  const people = live ? members.filter((m) => !m.deleted) : [];
  const dated = effectiveVisits(visits)
    .map((v) => ({ day: vietnamDay(v.at), volunteerId: v.volunteerId }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return {
    id,
    exists: household !== undefined,
    villageId: typeof household?.villageId === 'string' ? household.villageId : null,
    live,
    gds: live && gdsStatus(household, members, visits).qualified,
    birthYears: people.map((m) => (typeof m.birthYear === 'number' ? m.birthYear : null)),
    bits: people.map(personBits),
    visitDays: dated.map((v) => v.day),
    visitVolunteers: dated.map((v) => v.volunteerId),
  };
}

/** A mentor's facts (Đại sứ số), from all of that mentor's pairings. */
export interface MentorSummary {
  /** The mentor id. */
  id: string;
  /** Has at least one pairing that is not deleted (so is a mentor of the commune). */
  live: boolean;
  /** The villages of those pairings (a mentor of a village is one with a pairing there). */
  villageIds: string[];
  /** Has reached the target, counting every pairing (mentorProgress). */
  reached: boolean;
  /** The day the target was reached (mentorReachedOn), for the trend. */
  reachedOn: Day | null;
}

export function summarizeMentor(
  mentorId: string,
  pairings: readonly MentorshipFacts[],
): MentorSummary {
  const mine = pairings.filter((p) => p.mentorId === mentorId);
  const live = mine.filter((p) => !p.deleted);
  const villages = new Set<string>();
  for (const p of live) if (typeof p.villageId === 'string') villages.add(p.villageId);
  return {
    id: mentorId,
    live: live.length > 0,
    villageIds: [...villages].sort(),
    reached: mentorProgress(mentorId, mine).reached,
    reachedOn: mentorReachedOn(live),
  };
}

/** Every summary of a data set: how a device builds them all at once (and what tests compare). */
export function summarizeAll(data: ModelData): {
  households: HouseholdSummary[];
  mentors: MentorSummary[];
} {
  const membersOf = groupBy(data.members, (m) => m.householdId);
  const visitsOf = groupBy(data.visits, (v) => v.householdId);
  const byId = new Map(data.households.map((h) => [h.id, h]));
  const ids = new Set([...byId.keys(), ...membersOf.keys(), ...visitsOf.keys()]);
  const households = [...ids].map((id) =>
    summarizeHousehold(id, byId.get(id), membersOf.get(id) ?? [], visitsOf.get(id) ?? []),
  );
  const mentors = [...groupBy(data.mentorships, (p) => p.mentorId)].map(([id, list]) =>
    summarizeMentor(id, list),
  );
  return { households, mentors };
}
