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

/** Whether one more delete of `entity` is applied now, after `done` in the last day; else held. */
export function deletionAllowed(role: Role, entity: RestorableEntity, done: number): boolean {
  return done < PER_DAY[role][entity];
}

/** How long the server keeps a deleted record's data for a leader to restore it. */
export const RESTORE_WINDOW_MS = 30 * DELETION_WINDOW_MS;
