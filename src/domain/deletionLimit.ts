import type { EntityName, Versioned } from './records';
import { isTombstone } from './tombstone';

/** The records whose delete erases a person's data, and so can be seen and undone by a leader. */
export const RESTORABLE = ['household', 'member', 'trader'] as const satisfies EntityName[];
export type RestorableEntity = (typeof RESTORABLE)[number];

export function isRestorable(entity: EntityName): entity is RestorableEntity {
  return (RESTORABLE as readonly string[]).includes(entity);
}

/** Whether a write turns a live restorable record into a tombstone (a new delete). */
export function isNewDeletion(
  entity: EntityName,
  before: Versioned | undefined,
  after: Versioned,
): entity is RestorableEntity {
  return isRestorable(entity) && before !== undefined && !isTombstone(before) && isTombstone(after);
}

/**
 * How many records of each kind an account of this role may delete in a day (24 hours) without a
 * leader's confirmation. A volunteer fixes a mistaken entry now and then; a volunteer deleting a
 * whole lane is either a mistake or an attack, and waits for the team leader. Leaders and the
 * officer see every deletion (and can undo it), so theirs are not held.
 */
type Role = 'volunteer' | 'leader' | 'officer';
const PER_DAY: Record<Role, Record<RestorableEntity, number>> = {
  volunteer: { household: 5, member: 20, trader: 20 },
  leader: { household: Infinity, member: Infinity, trader: Infinity },
  officer: { household: Infinity, member: Infinity, trader: Infinity },
};

export const DELETION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * How many deletes of one account a day may wait for a leader; past that a delete is refused the
 * same way but not listed, so no one can bury the leader's list under requests.
 */
export const HELD_PER_DAY = 20;

/**
 * Whether a delete is applied now: `done` of its kind in the last day, and `taking` more of each
 * kind with it (a household takes its members along: they count as members deleted). Else held.
 */
export function deletionAllowed(
  role: Role,
  entity: RestorableEntity,
  done: Partial<Record<RestorableEntity, number>>,
  taking: Partial<Record<RestorableEntity, number>> = {},
): boolean {
  const limits = PER_DAY[role];
  if ((done[entity] ?? 0) + 1 > limits[entity]) return false;
  return RESTORABLE.every((kind) => (done[kind] ?? 0) + (taking[kind] ?? 0) <= limits[kind]);
}

/** How long the server keeps a deleted record's data for a leader to restore it. */
export const RESTORE_WINDOW_MS = 30 * DELETION_WINDOW_MS;

/**
 * The fields that say who a record is: an edit of one of them can wipe a person out as surely as
 * a delete ("X" for a name, no phone), so its old value is kept for a leader to undo it.
 */
const IDENTITY: Record<RestorableEntity, readonly string[]> = {
  household: ['headName', 'address', 'phone'],
  member: ['name', 'birthYear'],
  trader: ['businessName'],
};

/** The identity fields a write changed on a live record that stays live (not a delete). */
export function identityChanged(
  entity: EntityName,
  before: Versioned | undefined,
  after: Versioned,
): string[] {
  if (!isRestorable(entity) || !before || isTombstone(before) || isTombstone(after)) return [];
  return IDENTITY[entity].filter(
    (f) => f in before.data && JSON.stringify(before.data[f]) !== JSON.stringify(after.data[f]),
  );
}
