import type { MentorshipFacts } from './mentorship';
import type { HouseholdFacts, MemberFacts, VisitFacts } from './modelInputs';
import type { EntityName, Fields } from './records';
import type { ModelData } from './reportScope';
import type { TargetFields } from './targetRecords';
import type { TraderFacts } from './trader4t';

/**
 * Synced records (device rows or server rows) → the plain arrays the indicators and the report
 * read. One mapping for both sides, so the device and the server compute the same figures: a
 * record's village is the server's (when known), else its own `villageId` field.
 */
export interface RecordLike {
  entity: EntityName;
  id: string;
  /** The server-derived village, when known. */
  village?: string | null;
  data: Fields;
}

export interface ViewData extends ModelData {
  targets: ({ id: string } & TargetFields)[];
}

export function factsOf<T>(id: string, data: Fields, village?: string | null): T {
  const villageId = village ?? data.villageId;
  return { ...data, id, ...(villageId === undefined ? {} : { villageId }) } as T;
}

export function viewDataFromRecords(records: Iterable<RecordLike>): ViewData {
  const out = {
    households: [] as HouseholdFacts[],
    members: [] as MemberFacts[],
    visits: [] as VisitFacts[],
    mentorships: [] as MentorshipFacts[],
    traders: [] as TraderFacts[],
    targets: [] as ({ id: string } & TargetFields)[],
  };
  for (const r of records) {
    if (r.entity === 'household') out.households.push(factsOf(r.id, r.data, r.village));
    else if (r.entity === 'member') out.members.push(factsOf(r.id, r.data, r.village));
    else if (r.entity === 'visit') out.visits.push(factsOf(r.id, r.data, r.village));
    else if (r.entity === 'mentorship') out.mentorships.push(factsOf(r.id, r.data, r.village));
    else if (r.entity === 'trader') out.traders.push(factsOf(r.id, r.data, r.village));
    else if (r.entity === 'target') out.targets.push({ ...(r.data as TargetFields), id: r.id });
  }
  return out;
}
