import type { EntityName, Fields } from './records';
import { COMMUNE_WIDE } from './records';

/**
 * Where a synced record lives, for scoping. A household carries its `villageId`; members, visits
 * and traders live in their household's village; a mentorship in its mentee's household's
 * village; skills and targets are commune-wide (null: every device of the commune receives them).
 * The lookups see the current state (server database plus the batch being applied).
 */
export interface VillageLookups {
  householdVillage(householdId: string): string | null | undefined;
  memberHousehold(memberId: string): string | null | undefined;
}

/** The record's village; `undefined` when a village-bound record cannot be placed (yet). */
export function deriveVillage(
  entity: EntityName,
  data: Fields,
  lookups: VillageLookups,
): string | null | undefined {
  if (COMMUNE_WIDE.has(entity)) return null;
  const own = typeof data.villageId === 'string' ? data.villageId : undefined;
  if (entity === 'household') return own;
  const viaHousehold = (householdId: unknown) =>
    typeof householdId === 'string'
      ? (lookups.householdVillage(householdId) ?? undefined)
      : undefined;
  if (entity === 'mentorship') {
    const menteeHousehold =
      typeof data.menteeId === 'string' ? lookups.memberHousehold(data.menteeId) : undefined;
    return viaHousehold(menteeHousehold) ?? viaHousehold(data.householdId) ?? own;
  }
  return viaHousehold(data.householdId) ?? own;
}

export interface Writer {
  role: 'volunteer' | 'leader' | 'officer';
  villageIds: readonly string[];
}

/**
 * May this user write a record that lives in `before` (its village now, if it exists) and will
 * live in `after`? Officers write everywhere in their commune; commune-wide data is officer-only; volunteers and
 * leaders write only within their villages (moving a household needs both villages).
 */
export function writeDecision(
  writer: Writer,
  entity: EntityName,
  before: string | null | undefined,
  after: string | null | undefined,
): 'ok' | 'out_of_scope' | 'officer_only' {
  if (COMMUNE_WIDE.has(entity)) return writer.role === 'officer' ? 'ok' : 'officer_only';
  const inScope = (v: string | null | undefined) =>
    v === undefined || (v !== null && writer.villageIds.includes(v));
  // An officer's villages are all of the commune's: a village id from elsewhere is refused.
  if (writer.role === 'officer') return after === before || inScope(after) ? 'ok' : 'out_of_scope';
  return inScope(before) && inScope(after) ? 'ok' : 'out_of_scope';
}

/**
 * Whether the caller may read a record that lives in `villageId` (null: commune-wide). A record
 * it may not read gets one answer to any write, whatever the write says (`out_of_scope`), so a
 * refusal never tells whether a guess about another village's data was right.
 */
export function mayRead(reader: Writer, villageId: string | null): boolean {
  return villageId === null || reader.role === 'officer' || reader.villageIds.includes(villageId);
}
