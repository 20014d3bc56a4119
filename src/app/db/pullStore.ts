import Dexie from 'dexie';
import { maxHlc, type Hlc } from '../../domain/hlc';
import { mergeVersioned } from '../../domain/merge';
import { COMMUNE_WIDE, SYNC_ENTITIES, type EntityName } from '../../domain/records';
import { withoutPersonalData } from '../../domain/tombstone';
import type { SyncRecord } from '../../protocol/sync';
import type { TungNhaDb } from './db';
import { rowToVersioned, versionedToRow } from './mutate';
import { entityRows, syncedTables, type StoredRows } from './entityRows';
import { sealAhead } from './sealAhead';
import type { EntityRow } from './rows';
import { foldClock, metaValue, SYNC_KEYS, VILLAGE_FIELD } from './syncStore';

/**
 * The device side of a pull: one page of records merged into the rows, with its cursor, in ONE
 * transaction, so an interrupted pull resumes where it stopped.
 */
export interface PulledPage {
  records: SyncRecord[];
  /** Records that left the user's villages (moved elsewhere): they leave the device. */
  left?: { entity: EntityName; id: string }[];
  cursor: string;
  scope: string[];
  serverClock: Hlc;
}

/**
 * What a pull run that started from nothing (no cursor: a fresh device) knows about the rows on
 * the device: the ids each table held when the run began, plus every id the run has written since.
 * A pulled record whose id is in neither set cannot have a local row to merge with, so it is added
 * without reading first: most of a first sync's IndexedDB time was those reads. A row made on the
 * device meanwhile (an edit of a household whose page has not come yet) is caught in the page's
 * own transaction (see `FreshPullConflict`).
 */
export interface FreshPull {
  known: Map<string, Set<string>>;
}

export async function freshPull(db: TungNhaDb): Promise<FreshPull> {
  const known = new Map<string, Set<string>>();
  for (const entity of SYNC_ENTITIES) {
    const rows = entityRows(db, entity);
    known.set(rows.table.name, new Set(await rows.ids()));
  }
  return { known };
}

/**
 * A page that was to be added without reading found a row of its records on the device after all
 * (written there since the run began). Nothing of the page was kept; the run pulls again from the
 * stored cursor, merging every record (pullPages.ts).
 */
export class FreshPullConflict extends Error {
  constructor() {
    super('a record of the page was written on the device during the pull');
  }
}

/**
 * The stored cursor is not the one this page was asked after: the page before it did not commit
 * (or another tab moved the cursor). Nothing of the page was kept.
 */
export class PullOutOfOrder extends Error {
  constructor() {
    super('the stored sync cursor is not the one this page follows');
  }
}

/**
 * A first sync's page whose records the run has not seen, its rows made and sealed before its
 * transaction (sealAhead.ts: by a worker, while the page before commits). Written as it is if the
 * page is still all unseen when its transaction runs; otherwise merged as usual.
 */
export interface PreparedPage {
  stored: StoredRows[];
}

export async function preparePage(
  db: TungNhaDb,
  page: PulledPage,
  fresh: FreshPull,
): Promise<PreparedPage | undefined> {
  const groups = byEntity(page.records);
  if (!allUnseen(db, fresh, groups)) return undefined;
  const stored = [...groups].map(([entity, records]) =>
    entityRows(db, entity).storedNew(records.map((r) => toRow(r, undefined))),
  );
  await Promise.all(stored.map((s) => sealAhead(s.table, s.rows)));
  return { stored };
}

export interface ApplyOptions {
  /** The run started without a cursor: records it has not seen are added without reading. */
  fresh?: FreshPull;
  /**
   * The cursor this page was asked after (null: none). When given, the page commits only if that
   * is still the stored cursor, so pages whose transactions are queued one behind the other
   * (pullPages.ts) can never store a cursor past a page that failed.
   */
  follows?: string | null;
  /** The page's rows made and sealed ahead (`preparePage`). */
  prepared?: PreparedPage;
}

const toRow = (r: SyncRecord, current: EntityRow | undefined): EntityRow => {
  const next = withoutPersonalData(r.entity, mergeVersioned(rowToVersioned(current), r).next);
  return { ...versionedToRow(r.id, next), [VILLAGE_FIELD]: r.villageId };
};

function byEntity<T extends { entity: EntityName }>(records: T[]) {
  const out = new Map<EntityName, T[]>();
  for (const r of records) {
    const list = out.get(r.entity);
    if (list) list.push(r);
    else out.set(r.entity, [r]);
  }
  return out;
}

const pendingIds = (db: TungNhaDb) =>
  db.outbox
    .orderBy('id')
    .uniqueKeys()
    .then((ids) => new Set(ids.map(String)));

/**
 * Merges records into their rows, reading only those that may exist (with `fresh`). When none may
 * (a first sync's page of records the run has not seen), nothing is read: the writes go out at
 * once, so this page's rows reach IndexedDB while the page before is still committing.
 */
async function mergeRecords(
  db: TungNhaDb,
  entity: EntityName,
  records: SyncRecord[],
  fresh: FreshPull | undefined,
  edited: Set<string>,
) {
  const rows = entityRows(db, entity);
  const known = fresh?.known.get(rows.table.name);
  const isNew = (id: string) => known !== undefined && !known.has(id) && !edited.has(id);
  const existing = records.filter((r) => !isNew(r.id));
  const read = existing.length === 0 ? [] : await rows.bulkGet(existing.map((r) => r.id));
  const current = new Map(existing.map((r, i) => [r.id, read[i]]));
  // Decided now: the ids join `known` below, before the write has asked about them.
  const added = new Set(records.filter((r) => isNew(r.id)).map((r) => r.id));
  const written = rows.bulkPut(
    records.map((r) => toRow(r, current.get(r.id))),
    fresh ? (id) => added.has(id) : undefined,
  );
  for (const r of records) known?.add(r.id);
  await written;
}

/** Writes a prepared page's rows as they are; its ids join the run's `known`. */
function addPrepared(
  db: TungNhaDb,
  fresh: FreshPull,
  prepared: PreparedPage,
  groups: Map<EntityName, SyncRecord[]>,
) {
  const writes = prepared.stored.map((s) => s.add());
  for (const [entity, records] of groups) {
    const known = fresh.known.get(entityRows(db, entity).table.name);
    for (const r of records) known?.add(r.id);
  }
  return writes;
}

const hasAny = (ids: Set<string>, records: SyncRecord[]) => records.some((r) => ids.has(r.id));

const allUnseen = (db: TungNhaDb, fresh: FreshPull, groups: Map<EntityName, SyncRecord[]>) =>
  [...groups].every(([entity, records]) => {
    const known = fresh.known.get(entityRows(db, entity).table.name);
    return known !== undefined && records.every((r) => !known.has(r.id));
  });

/** An add refused only because the rows were there already (a household made meanwhile). */
const rowsExisted = (err: unknown) =>
  err instanceof Dexie.BulkError && err.failures.every((f) => f.name === 'ConstraintError');

/**
 * Applies one pulled page and stores its cursor in ONE transaction. Local pending edits keep their
 * newer clocks. `fresh` (a run that started without a cursor) skips reading rows that cannot exist.
 */
export async function applyPullPage(
  db: TungNhaDb,
  page: PulledPage,
  nowMs: number,
  opts: ApplyOptions = {},
) {
  const { fresh, follows, prepared } = opts;
  const groups = byEntity(page.records);
  let newest: Hlc | undefined;
  for (const r of page.records) for (const c of Object.values(r.clocks)) newest = maxHlc(newest, c);
  await db.transaction('rw', [db.meta, db.outbox, ...syncedTables(db)], async () => {
    // A Dexie request, not an async function: Dexie keeps its transaction's zone across native
    // awaits only for calls that are awaited where they are made.
    const stored = db.meta.get(SYNC_KEYS.cursor);
    // A page of records the run has not seen is written without reading first. A record of it
    // edited on the device meanwhile has a row the write did not merge with: the outbox (or a
    // household add refused as existing) tells, after the writes.
    const unseen = fresh !== undefined && allUnseen(db, fresh, groups);
    const edited = fresh && !unseen ? await pendingIds(db) : new Set<string>();
    // Settles either way, so a refused write is met here, not reported as unhandled meanwhile.
    const writes =
      unseen && prepared
        ? addPrepared(db, fresh, prepared, groups)
        : [...groups].map(([entity, records]) => mergeRecords(db, entity, records, fresh, edited));
    const failed = Promise.all(writes).then(
      () => null,
      (err: unknown) => err,
    );
    const conflict = unseen && hasAny(await pendingIds(db), page.records);
    const err = await failed;
    if (conflict || (unseen && err !== null && rowsExisted(err))) throw new FreshPullConflict();
    if (err !== null) throw err;
    if (follows !== undefined && ((await stored)?.value ?? null) !== follows) {
      throw new PullOutOfOrder();
    }
    if (page.left && page.left.length > 0) await dropDeparted(db, page);
    const scopeBefore = await metaValue<string[]>(db, SYNC_KEYS.scope);
    if (scopeBefore && scopeBefore.some((v) => !page.scope.includes(v))) {
      await dropOutOfScope(db, page.scope);
    }
    await db.meta.bulkPut([
      { key: SYNC_KEYS.cursor, value: page.cursor },
      { key: SYNC_KEYS.scope, value: page.scope },
    ]);
    await foldClock(db, newest, nowMs);
  });
}

/**
 * The ids among `ids` that may leave the device: a row with unsent edits stays until they are
 * pushed (the push refuses them, and the row goes then: syncStore.ts).
 */
async function leavable(db: TungNhaDb): Promise<(ids: string[]) => string[]> {
  const pending = await pendingIds(db);
  return (ids) => ids.filter((id) => !pending.has(id));
}

/**
 * Records that left the user's villages leave the device, except those with unsent edits and
 * those the page brings back (moved between two villages the user serves: the departure and the
 * record share a seq).
 */
async function dropDeparted(db: TungNhaDb, page: PulledPage) {
  const mayLeave = await leavable(db);
  const kept = new Set(page.records.map((r) => `${r.entity}:${r.id}`));
  for (const [entity, gone] of byEntity(page.left ?? [])) {
    const ids = mayLeave(gone.map((g) => g.id)).filter((id) => !kept.has(`${entity}:${id}`));
    if (ids.length > 0) await entityRows(db, entity).bulkDelete(ids);
  }
}

/** Rows of villages the user no longer serves leave the device, except those with unsent edits. */
async function dropOutOfScope(db: TungNhaDb, scope: string[]) {
  const mayLeave = await leavable(db);
  for (const entity of SYNC_ENTITIES) {
    if (COMMUNE_WIDE.has(entity)) continue;
    const rows = entityRows(db, entity);
    const outside = (await rows.all()).filter((row) => {
      const v = row[VILLAGE_FIELD];
      return typeof v === 'string' && !scope.includes(v);
    });
    await rows.bulkDelete(mayLeave(outside.map((row) => row.id)));
  }
}
