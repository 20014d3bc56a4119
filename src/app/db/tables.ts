import type { EntityName } from '../../domain/records';

/**
 * The Dexie table that holds each synced entity with one row per record. Members and visits are
 * kept in chunks instead (recordChunks.ts); entityRows.ts reads and writes both alike.
 */
export const ROW_TABLE = {
  household: 'households',
  mentorship: 'mentorships',
  trader: 'traders',
  skill: 'skills',
  target: 'targets',
} as const satisfies Record<Exclude<EntityName, 'member' | 'visit'>, string>;

/** The tables of chunks (recordChunks.ts): one row holds many records. */
export const CHUNK_TABLES: ReadonlySet<string> = new Set(['memberChunks', 'visitChunks']);

export type RowEntity = keyof typeof ROW_TABLE;
export type EntityTable = (typeof ROW_TABLE)[RowEntity];
