import { decodeHlc, maxHlc, MAX_DRIFT_MS, type Hlc } from '../../domain/hlc';
import { mergeVersioned } from '../../domain/merge';
import {
  COMMUNE_WIDE,
  isSyncEntity,
  SYNC_ENTITIES,
  type EntityName,
  type Versioned,
} from '../../domain/records';
import type { OpRejectCode, OpResult, SyncRecord } from '../../protocol/sync';
import type { TungNhaDb } from './db';
import { rowToVersioned, versionedToRow } from './mutate';
import { entityRows, syncedTables, type EntityRows } from './entityRows';
import type { EntityRow, OutboxRow } from './schema';

/**
 * The device side of sync, in Dexie transactions: take a batch from the outbox, settle it with the
 * server's answers, and apply a pulled page together with its cursor (so an interrupted pull
 * resumes where it stopped). Rows remember the server's village in `_village` (scope changes).
 */
export const SYNC_KEYS = {
  cursor: 'sync.cursor',
  scope: 'sync.scope',
  lastSyncAt: 'sync.lastSyncAt',
  rejected: 'sync.rejected',
} as const;
export const VILLAGE_FIELD = '_village';

export interface RejectedOp {
  opId: string;
  entity: string;
  id: string;
  fields: Record<string, unknown>;
  code: OpRejectCode;
  at: number;
}
const MAX_REJECTED_KEPT = 200;

export async function metaValue<T>(db: TungNhaDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/** The oldest ops of the outbox (after `afterSeq`, when given). */
export function outboxBatch(db: TungNhaDb, max: number, afterSeq?: number): Promise<OutboxRow[]> {
  const ops =
    afterSeq === undefined ? db.outbox.orderBy('seq') : db.outbox.where('seq').above(afterSeq);
  return ops.limit(max).toArray();
}

export function pendingCount(db: TungNhaDb): Promise<number> {
  return db.outbox.count();
}

/** Folds a clock seen from the server into the device clock, so its next writes sort after it. */
async function foldClock(db: TungNhaDb, remote: Hlc | undefined, nowMs: number) {
  const r = remote ? decodeHlc(remote) : null;
  if (!remote || !r || r.ms - nowMs > MAX_DRIFT_MS) return;
  const last = await metaValue<string>(db, 'clock');
  const next = maxHlc(last, remote);
  if (next !== last) await db.meta.put({ key: 'clock', value: next });
}

/**
 * Removes the answered ops from the outbox. A refused op is undone on the device (each field it set
 * goes back to the server's copy, or away) and kept in the list the user sees.
 */
export async function settlePush(
  db: TungNhaDb,
  batch: OutboxRow[],
  results: OpResult[],
  serverClock: Hlc,
  nowMs: number,
): Promise<RejectedOp[]> {
  const byId = new Map(results.map((r) => [r.opId, r]));
  return db.transaction('rw', [db.meta, db.outbox, ...syncedTables(db)], async () => {
    const rejected: RejectedOp[] = [];
    // Ops not answered stay in the outbox for the next push.
    const answered = batch.filter((op) => byId.has(op.opId));
    await deleteFromOutbox(db, batch, answered);
    for (const op of answered) {
      const result = byId.get(op.opId);
      if (result?.status !== 'rejected') continue;
      rejected.push({
        opId: op.opId,
        entity: op.entity,
        id: op.id,
        fields: op.fields,
        code: result.code ?? 'invalid_fields',
        at: nowMs,
      });
      if (isSyncEntity(op.entity)) await undo(db, op, result.current ?? null);
    }
    if (rejected.length > 0) {
      const kept = (await metaValue<RejectedOp[]>(db, SYNC_KEYS.rejected)) ?? [];
      await db.meta.put({
        key: SYNC_KEYS.rejected,
        value: [...rejected, ...kept].slice(0, MAX_REJECTED_KEPT),
      });
    }
    await foldClock(db, serverClock, nowMs);
    return rejected;
  });
}

/**
 * Removes the answered ops. A batch is a run of consecutive outbox entries (ops made meanwhile get
 * higher seqs), so when all of them were answered one key range removes them in one request.
 */
async function deleteFromOutbox(db: TungNhaDb, batch: OutboxRow[], answered: OutboxRow[]) {
  const seqs = answered.flatMap((op) => (op.seq === undefined ? [] : [op.seq]));
  const [first, last] = [seqs[0], seqs.at(-1)];
  if (first === undefined || last === undefined) return;
  const range = () => db.outbox.where('seq').between(first, last, true, true);
  if (seqs.length === batch.length && (await range().count()) === seqs.length) {
    await range().delete();
  } else {
    await db.outbox.bulkDelete(seqs);
  }
}

async function undo(db: TungNhaDb, op: OutboxRow, server: Versioned | null) {
  if (!isSyncEntity(op.entity)) return;
  const rows = entityRows(db, op.entity);
  const current = rowToVersioned(await rows.get(op.id));
  if (!current) return;
  const { data, clocks } = current;
  for (const field of Object.keys(op.fields)) {
    if (clocks[field] !== op.clock) continue; // a later local edit owns the field now
    const clock = server?.clocks[field];
    if (clock !== undefined && server) {
      data[field] = server.data[field];
      clocks[field] = clock;
    } else {
      delete data[field];
      delete clocks[field];
    }
  }
  if (Object.keys(clocks).length === 0) await rows.bulkDelete([op.id]);
  else await rows.bulkPut([versionedToRow(op.id, current)]); // the search index is remade on put
}

export interface PulledPage {
  records: SyncRecord[];
  cursor: string;
  scope: string[];
  serverClock: Hlc;
}

/**
 * What a pull run that started from nothing (no cursor: a fresh device) knows about the rows on
 * the device: the ids each table held when the run began, plus every id the run has written since.
 * A pulled record whose id is in neither set, and has no op in the outbox, cannot have a local row
 * to merge with (a local edit made meanwhile appends its op in the same transaction as its row), so
 * it is added without reading it first: most of a first sync's IndexedDB time was those reads.
 */
export interface FreshPull {
  known: Map<string, Set<string>>;
}

export const freshPull = (): FreshPull => ({ known: new Map() });

async function knownIds(rows: EntityRows, fresh: FreshPull): Promise<Set<string>> {
  let ids = fresh.known.get(rows.table.name);
  if (!ids) {
    ids = new Set(await rows.ids());
    fresh.known.set(rows.table.name, ids);
  }
  return ids;
}

/** Merges a page's records of one entity into its rows; with `fresh`, reads only rows that may exist. */
async function applyRecords(
  db: TungNhaDb,
  entity: EntityName,
  records: SyncRecord[],
  fresh: FreshPull | undefined,
  pending: () => Promise<Set<string>>,
) {
  const rows = entityRows(db, entity);
  const toRow = (r: SyncRecord, current: EntityRow | undefined) => {
    const { next } = mergeVersioned(rowToVersioned(current), r);
    return { ...versionedToRow(r.id, next), [VILLAGE_FIELD]: r.villageId };
  };
  if (!fresh) {
    const current = await rows.bulkGet(records.map((r) => r.id));
    await rows.bulkPut(records.map((r, i) => toRow(r, current[i])));
    return;
  }
  const known = await knownIds(rows, fresh);
  const edited = await pending();
  const isNew = (id: string) => !known.has(id) && !edited.has(id);
  const existing = records.filter((r) => !isNew(r.id));
  const current = new Map<string, EntityRow | undefined>();
  const read = await rows.bulkGet(existing.map((r) => r.id));
  existing.forEach((r, i) => current.set(r.id, read[i]));
  await rows.bulkPut(
    records.map((r) => toRow(r, current.get(r.id))),
    isNew,
  );
  for (const r of records) known.add(r.id);
}

/**
 * Applies one pulled page and stores its cursor in ONE transaction. Local pending edits keep their
 * newer clocks. `fresh` (a run that started without a cursor) skips reading rows that cannot exist.
 */
export async function applyPullPage(
  db: TungNhaDb,
  page: PulledPage,
  nowMs: number,
  fresh?: FreshPull,
) {
  await db.transaction('rw', [db.meta, db.outbox, ...syncedTables(db)], async () => {
    const byTable = new Map<EntityName, SyncRecord[]>();
    let newest: Hlc | undefined;
    for (const r of page.records) {
      const list = byTable.get(r.entity);
      if (list) list.push(r);
      else byTable.set(r.entity, [r]);
      for (const c of Object.values(r.clocks)) newest = maxHlc(newest, c);
    }
    let edited: Promise<Set<string>> | undefined;
    const pending = () =>
      (edited ??= db.outbox
        .orderBy('id')
        .uniqueKeys()
        .then((ids) => new Set(ids.map(String))));
    for (const [entity, records] of byTable) {
      await applyRecords(db, entity, records, fresh, pending);
    }
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

/** Rows of villages the user no longer serves leave the device, except those with unsent edits. */
async function dropOutOfScope(db: TungNhaDb, scope: string[]) {
  const pending = new Set((await db.outbox.toArray()).map((o) => o.id));
  for (const entity of SYNC_ENTITIES) {
    if (COMMUNE_WIDE.has(entity)) continue;
    const rows = entityRows(db, entity);
    const gone = (await rows.all()).filter((row) => {
      const v = row[VILLAGE_FIELD];
      return typeof v === 'string' && !scope.includes(v) && !pending.has(row.id);
    });
    await rows.bulkDelete(gone.map((row) => row.id));
  }
}

export async function markSynced(db: TungNhaDb, nowMs: number) {
  await db.meta.put({ key: SYNC_KEYS.lastSyncAt, value: nowMs });
}

export async function clearRejected(db: TungNhaDb) {
  await db.meta.delete(SYNC_KEYS.rejected);
}
