import type { Day } from './calendar';
import type { MentorshipFacts } from './mentorship';
import type { HouseholdFacts, MemberFacts, VisitFacts } from './modelInputs';
import type { TraderFacts } from './trader4t';

/** Whose figures: the whole commune, or a set of villages (a team's, a leader's). */
export type Scope = 'commune' | { villageIds: readonly string[] };

/** Plain arrays, as read from Dexie on the device or from SQL on the server. */
export interface ModelData {
  households: readonly HouseholdFacts[];
  members: readonly MemberFacts[];
  visits: readonly VisitFacts[];
  mentorships: readonly MentorshipFacts[];
  traders?: readonly TraderFacts[];
}

export function inScope(villageId: string | undefined, scope: Scope): boolean {
  if (scope === 'commune') return true;
  return villageId !== undefined && scope.villageIds.includes(villageId);
}

/** A fast membership test for a scope's villages. */
export function scopeTest(scope: Scope): (villageId: string | undefined) => boolean {
  if (scope === 'commune') return () => true;
  const ids = new Set(scope.villageIds);
  return (villageId) => villageId !== undefined && ids.has(villageId);
}

/** The rows of one scope. Visits carry their village, or take their household's. */
export function scopeData(data: ModelData, scope: Scope): ModelData {
  if (scope === 'commune') return data;
  const inside = scopeTest(scope);
  const households = data.households.filter((h) => inside(h.villageId));
  const ids = new Set(households.map((h) => h.id));
  return {
    households,
    members: data.members.filter((m) => ids.has(m.householdId)),
    visits: data.visits.filter((v) => ids.has(v.householdId)),
    mentorships: data.mentorships.filter((p) => inside(p.villageId)),
    traders: (data.traders ?? []).filter((t) => inside(t.villageId)),
  };
}

/** A report or dashboard is computed "as of" a day; activity is counted within a period. */
export interface DayRange {
  start: Day;
  end: Day;
}
