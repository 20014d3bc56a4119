/**
 * The device's data: the one face through which screens and the app's other rooms read and change
 * it. What is here is every way to do so; how rows are laid out behind it (members and visits in
 * chunks, summaries and search entries in buckets, clocks per field) is app/db's own business.
 *
 * - Read records by concept: `households`, `members`, `visits`, `mentorships`, `traders`,
 *   `skills`, `targets`, `villages(...)` and `viewData()`, in a live query (`useLive`) to follow
 *   changes, or `onChanged` for a screen that reads otherwise.
 * - Change them only with `writeAll` (rows and their outbox ops in one transaction);
 *   `changedFields` says which fields of an edit differ from what is stored.
 * - Derived data is kept by the write side: the indexer (`startIndexer`, started once by the app)
 *   makes the summaries and search entries again after each write or pulled page; `search` and
 *   `summaries` only read what it made, and app/state's `useIndexing` shows its progress.
 * - Values the device keeps (session, PIN, cursor…) go through `meta` with typed keys (`metaKey`).
 * - Forms keep their drafts with `useDraft`; a full disk surfaces as `StorageFullError`.
 * - The sync engine (app/sync) works through `syncStore` and `pullStore`.
 */
import { onChanged, type Concept } from './changes';
import { db } from './db';
import { deviceOf } from './device';
import { INDEX_STAMP_KEY, metaOf } from './meta';
import type { SearchResults } from './search';
import { storesOf } from './stores';

const stores = storesOf(db);

export const {
  households,
  members,
  visits,
  mentorships,
  traders,
  skills,
  targets,
  villages,
  viewData,
  changedFields,
} = stores;

// Search and the dashboard's summaries load their code when first used, not with the first screen.
export const search = {
  /** Households and members matching a typed query (search.ts), at most `limit` of each. */
  query: async (input: string, limit?: number): Promise<SearchResults> =>
    (await import('./search')).searchField(db, input, limit),
};

export const summaries = {
  /** The dashboard's per-household and per-mentor summaries, as the indexer last made them. */
  read: async () => (await import('./summaryBuckets')).readSummaries(db),
  /** Changes whenever the indexer writes summaries: figures made from them carry it. */
  stamp: () => meta.get(INDEX_STAMP_KEY),
};

export const meta = metaOf(db);
export const device = deviceOf(db);

export { metaKey, entry, type MetaKey, type MetaEntry } from './meta';
export { writeAll, newId, type Write } from './mutate';
export { useLive, useVaultOpen, type Concept } from './changes';
export { vault, isVaultLocked, VaultLockedError } from './vault';
export { startIndexer, holdIndexer, catchUp } from './indexer';
export { startSealer } from './sealer';
export { useDraft, DRAFT_DEBOUNCE_MS, type DraftState } from './useDraft';
export { StorageFullError, onStorageFull, reportStorageError, isQuotaError } from './storageFull';
export type { HouseholdRow, MemberRow, VisitRow } from './records';
export type { SearchResults } from './search';
export type { RejectedOp, NoticeCode } from './syncStore';

/** For a screen that reads otherwise than by a live query: calls back after `concepts` change. */
export const onDataChanged = (concepts: readonly Concept[], cb: () => void) =>
  onChanged(db, concepts, cb);

/** The sync engine's side of the database (app/sync only). */
export * as syncStore from './syncStore';
export * as pullStore from './pullStore';
export { db as deviceDb, type TungNhaDb } from './db';
export type { OutboxRow } from './rows';
