import type { Hlc } from './hlc';

/**
 * Everything that syncs is a record of one of these entities. A record is a bag of fields, each
 * with the clock of the write that set it (per-field last-writer-wins). A delete is the field
 * `deleted: true` (a tombstone), so it merges like any other field.
 */
export const SYNC_ENTITIES = [
  'household',
  'member',
  'visit',
  'mentorship',
  'trader',
  'skill',
  'target',
] as const;
export type EntityName = (typeof SYNC_ENTITIES)[number];

/** Facts: created once, never edited; a correction is a new record that references the old one. */
export const APPEND_ONLY: ReadonlySet<EntityName> = new Set<EntityName>(['visit']);

/**
 * Where a record lives for scoping: village-bound entities carry `villageId` (members and visits
 * take their household's); commune-wide reference data (skills, targets) has none.
 */
export const COMMUNE_WIDE: ReadonlySet<EntityName> = new Set<EntityName>(['skill', 'target']);

export type Fields = Record<string, unknown>;

export interface Versioned {
  data: Fields;
  clocks: Record<string, Hlc>;
}

export function isSyncEntity(value: unknown): value is EntityName {
  return typeof value === 'string' && (SYNC_ENTITIES as readonly string[]).includes(value);
}
