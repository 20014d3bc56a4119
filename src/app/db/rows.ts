import type { Op } from '../../domain/ops';

/** Rows of the device database, one type per table; versions.ts holds their history. */

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A half-filled form, saved on every keystroke so a reload, crash or update loses nothing. */
export interface DraftRow {
  formId: string;
  value: unknown;
  updatedAt: number;
}

/**
 * A synced record as the device keeps it: its data fields at the top level (so Dexie can index
 * them), plus the clocks of its fields: `_clock` (most fields) and `_clocks` (the fields whose clock differs; see recordClocks.ts).
 */
export interface EntityRow {
  id: string;
  _clocks: Record<string, string>;
  [field: string]: unknown;
}

/** An operation waiting to be pushed; `seq` keeps the order in which the user made them. */
export interface OutboxRow extends Op {
  seq?: number;
  createdAt: number;
}

/** Households and mentors whose summaries must be made again (summaryDirty.ts); "*": all of them. */
export type { MarkRow } from './summaryDirty';

/** Up to 25 members or visits of a few households, their ids and households (recordChunks.ts). */
export interface ChunkRow {
  id: string;
  ids: string[];
  hh: string[];
  rows: EntityRow[];
}

/** A bucket of summaries (summaries.ts): households "h<n>" or mentors "m<n>", as JSON text. */
export interface SummaryBucketRow {
  id: string;
  json: string;
}
