import { decodeHlc, maxHlc, MAX_DRIFT_MS, type Hlc } from '../../domain/hlc';
import { mergeVersioned } from '../../domain/merge';
import { isSyncEntity, type EntityName, type Versioned } from '../../domain/records';
import { withoutPersonalData } from '../../domain/tombstone';
import type { OpRejectCode, OpResult } from '../../protocol/sync';
import type { TungNhaDb } from './db';
import { rowToVersioned, versionedToRow } from './mutate';
import { entityRows, syncedTables } from './entityRows';
import type { OutboxRow } from './rows';

/**
 * The device side of sync, in Dexie transactions: take a batch from the outbox and settle it with
 * the server's answers (a pulled page is applied in pullStore.ts). Rows remember the server's
 * village in `_village` (scope changes).
 */
export const SYNC_KEYS = {
  cursor: 'sync.cursor',
  scope: 'sync.scope',
  lastSyncAt: 'sync.lastSyncAt',
  rejected: 'sync.rejected',
} as const;
export const VILLAGE_FIELD = '_village';

/** Why a change of this phone was not kept: the server's refusal, or a later edit elsewhere. */
export type NoticeCode = OpRejectCode | 'superseded';

export interface RejectedOp {
  opId: string;
  entity: string;
  id: string;
  fields: Record<string, unknown>;
  code: NoticeCode;
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
export async function foldClock(db: TungNhaDb, remote: Hlc | undefined, nowMs: number) {
  const r = remote ? decodeHlc(remote) : null;
  if (!remote || !r || r.ms - nowMs > MAX_DRIFT_MS) return;
  const last = await metaValue<string>(db, 'clock');
  const next = maxHlc(last, remote);
  if (next !== last) await db.meta.put({ key: 'clock', value: next });
}

/**
 * Removes the answered ops from the outbox. A refused op is undone on the device (each field it set
 * goes back to the server's copy, or away) and kept in the list the user sees; so is an op a later
 * edit elsewhere won over (`stale`: the next pull brings that edit). An op the server stored under
 * another clock (its phone's clock ran ahead) takes that clock on the device too.
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
      if (!result) continue;
      if (result.clock !== undefined && result.clock !== op.clock)
        await restamp(db, op, result.clock);
      // A delete of a record deleted already: the server's tombstone stands (its delete's clock).
      if (result.status === 'duplicate' && result.current)
        await takeOwnedFields(db, op, result.current);
      if (result.status !== 'rejected' && result.status !== 'stale') continue;
      const code = result.status === 'stale' ? 'superseded' : (result.code ?? 'invalid_fields');
      rejected.push({
        opId: op.opId,
        entity: op.entity,
        id: op.id,
        fields: op.fields,
        code,
        at: nowMs,
      });
      if (result.status === 'rejected') await undo(db, op, result.current ?? null, code);
      else if (result.current) await takeServerCopy(db, op, result.current);
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

/** What a settled op does to its record on the device. */
type RowChange = Versioned | 'delete' | 'keep';

/** Loads the op's record, lets `change` decide, and writes or deletes it (nothing if it is gone). */
async function updateRow(
  db: TungNhaDb,
  op: OutboxRow,
  change: (current: Versioned, entity: EntityName) => RowChange,
) {
  if (!isSyncEntity(op.entity)) return;
  const rows = entityRows(db, op.entity);
  const current = rowToVersioned(await rows.get(op.id));
  if (!current) return;
  const next = change(current, op.entity);
  if (next === 'delete') await rows.bulkDelete([op.id]);
  else if (next !== 'keep') await rows.bulkPut([versionedToRow(op.id, next)]);
}

/**
 * The fields this op still owns on the device take the clock the server stored it under: every
 * field of the record with the op's clock (a write stamps one clock per record; a delete also
 * gave that clock to the fields it cleared, domain/tombstone.ts). A later local edit keeps its own.
 */
const restamp = (db: TungNhaDb, op: OutboxRow, clock: Hlc) =>
  updateRow(db, op, (current) => {
    const owned = Object.keys(current.clocks).filter((f) => current.clocks[f] === op.clock);
    for (const field of owned) current.clocks[field] = clock;
    return owned.length > 0 ? current : 'keep';
  });

/** A write that lost: the server's copy merges in, so the later write wins on the phone too. */
const takeServerCopy = (db: TungNhaDb, op: OutboxRow, server: Versioned) =>
  updateRow(db, op, (current, entity) => {
    const { next, changed } = mergeVersioned(current, server);
    return changed.length > 0 ? withoutPersonalData(entity, next) : 'keep';
  });

/**
 * A refused op: each field it still owns goes back to the server's copy, or away. It owns the
 * fields it set and, for a delete, those the tombstone cleared (they took its clock:
 * domain/tombstone.ts), so a refused delete brings the name and phone back from the server's copy.
 */
const undo = (db: TungNhaDb, op: OutboxRow, server: Versioned | null, code: NoticeCode) =>
  // Out of the user's villages, with nothing the user may read: the record leaves the phone.
  code === 'out_of_scope' && server === null
    ? updateRow(db, op, () => 'delete')
    : takeOwnedFields(db, op, server);

/** Each field the op still owns takes the server's value and clock, or goes. */
const takeOwnedFields = (db: TungNhaDb, op: OutboxRow, server: Versioned | null) =>
  updateRow(db, op, (current) => {
    const { data, clocks } = current;
    for (const field of new Set([...Object.keys(op.fields), ...Object.keys(clocks)])) {
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
    return Object.keys(clocks).length === 0 ? 'delete' : current;
  });

export async function markSynced(db: TungNhaDb, nowMs: number) {
  await db.meta.put({ key: SYNC_KEYS.lastSyncAt, value: nowMs });
}

export async function clearRejected(db: TungNhaDb) {
  await db.meta.delete(SYNC_KEYS.rejected);
}
