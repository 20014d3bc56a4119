import { decodeHlc, maxHlc, MAX_DRIFT_MS, type Hlc } from '../../domain/hlc';
import { mergeVersioned } from '../../domain/merge';
import { COMMUNE_WIDE, isSyncEntity, type Versioned } from '../../domain/records';
import type { OpRejectCode, OpResult, SyncRecord } from '../../protocol/sync';
import type { TungNhaDb } from './db';
import { rowToVersioned, versionedToRow } from './mutate';
import type { EntityRow, OutboxRow } from './schema';
import { ENTITY_TABLE } from './tables';

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

const entityTables = (db: TungNhaDb) => Object.values(ENTITY_TABLE).map((t) => db.entityTable(t));

export async function metaValue<T>(db: TungNhaDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export function outboxBatch(db: TungNhaDb, max: number): Promise<OutboxRow[]> {
  return db.outbox.orderBy('seq').limit(max).toArray();
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
  return db.transaction('rw', [db.meta, db.outbox, ...entityTables(db)], async () => {
    const rejected: RejectedOp[] = [];
    for (const op of batch) {
      const result = byId.get(op.opId);
      if (!result) continue; // not answered: stays in the outbox for the next push
      if (op.seq !== undefined) await db.outbox.delete(op.seq);
      if (result.status !== 'rejected') continue;
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

async function undo(db: TungNhaDb, op: OutboxRow, server: Versioned | null) {
  if (!isSyncEntity(op.entity)) return;
  const table = db.entityTable(ENTITY_TABLE[op.entity]);
  const row = await table.get(op.id);
  if (!row) return;
  const next: EntityRow = { ...row, _clocks: { ...row._clocks } };
  for (const field of Object.keys(op.fields)) {
    if (next._clocks[field] !== op.clock) continue; // a later local edit owns the field now
    const clock = server?.clocks[field];
    if (clock !== undefined && server) {
      next[field] = server.data[field];
      next._clocks[field] = clock;
    } else {
      delete next[field];
      delete next._clocks[field];
    }
  }
  if (Object.keys(next._clocks).length === 0) await table.delete(op.id);
  else await table.put(next);
}

export interface PulledPage {
  records: SyncRecord[];
  cursor: string;
  scope: string[];
  serverClock: Hlc;
}

/** Applies one pulled page and stores its cursor in ONE transaction. Local pending edits keep their newer clocks. */
export async function applyPullPage(db: TungNhaDb, page: PulledPage, nowMs: number) {
  await db.transaction('rw', [db.meta, db.outbox, ...entityTables(db)], async () => {
    const byTable = new Map<keyof typeof ENTITY_TABLE, SyncRecord[]>();
    let newest: Hlc | undefined;
    for (const r of page.records) {
      const list = byTable.get(r.entity);
      if (list) list.push(r);
      else byTable.set(r.entity, [r]);
      for (const c of Object.values(r.clocks)) newest = maxHlc(newest, c);
    }
    for (const [entity, records] of byTable) {
      const table = db.entityTable(ENTITY_TABLE[entity]);
      const current = await table.bulkGet(records.map((r) => r.id));
      const rows = records.map((r, i) => {
        const { next } = mergeVersioned(rowToVersioned(current[i]), r);
        return { ...versionedToRow(r.id, next), [VILLAGE_FIELD]: r.villageId };
      });
      await table.bulkPut(rows);
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
  for (const [entity, tableName] of Object.entries(ENTITY_TABLE)) {
    if (COMMUNE_WIDE.has(entity as keyof typeof ENTITY_TABLE)) continue;
    const table = db.entityTable(tableName);
    const gone = await table
      .filter((row) => {
        const v = row[VILLAGE_FIELD];
        return typeof v === 'string' && !scope.includes(v) && !pending.has(row.id);
      })
      .primaryKeys();
    await table.bulkDelete(gone);
  }
}

export async function markSynced(db: TungNhaDb, nowMs: number) {
  await db.meta.put({ key: SYNC_KEYS.lastSyncAt, value: nowMs });
}

export async function clearRejected(db: TungNhaDb) {
  await db.meta.delete(SYNC_KEYS.rejected);
}
