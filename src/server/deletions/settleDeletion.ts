import { isTombstone } from '../../domain/tombstone';
import { applyWrite } from '../../domain/merge';
import { mayRead } from '../../domain/syncScope';
import type { Fields } from '../../domain/records';
import type { DeletionAction } from '../../protocol/deletions';
import type { AuthContext } from '../auth/context';
import { newId } from '../accounts/ids';
import { HttpError } from '../http/errors';
import type { Sql, Store } from '../store/store';
import { VISIT_FREE_TEXT } from '../sync/cascade';
import type { CommuneClocks } from '../sync/communeClocks';
import { lockCommuneCounter, setCommuneCounter } from '../sync/communeCounter';
import { householdCodeError } from '../sync/householdCodes';
import { keptRecords } from '../sync/deletions';
import { pushBatch } from '../sync/push';
import { loadRecords, recordKey, saveRecords, type StoredRecord } from '../sync/recordsRepo';
import { eraseRow, lockDeletion, settleRow } from './deletionRows';
import { handOver, strandedBy } from './strandedRecords';

type Held = Awaited<ReturnType<typeof lockDeletion>>;

/**
 * What a leader does with a deletion (the officer too, who alone may erase one):
 * - restore: the records come back as they were, written at the server's clock with new seqs, so
 *   every phone of the village receives them on its next pull (an edit: the old name, address or
 *   phone come back, where the edit's values still stand);
 * - confirm: a volunteer's held delete is applied, as the leader's (and is then restorable);
 * - dismiss: a held delete is dropped; the record stays;
 * - erase: what the server kept of a deletion is gone for good (a resident's erasure request).
 */
export async function settleDeletion(
  store: Store,
  auth: AuthContext,
  id: string,
  action: DeletionAction,
  clocks: CommuneClocks,
  nowMs: number,
): Promise<void> {
  if (action === 'erase' && auth.role !== 'officer') throw new HttpError('forbidden');
  if (action === 'confirm') return confirm(store, auth, id, clocks, nowMs);
  await store.transaction(async (tx) => {
    // Restoring writes records: the commune's counter is held from the start (push.ts).
    let seq = action === 'restore' ? await lockCommuneCounter(tx, auth.communeCode) : 0;
    const held = await lockDeletion(tx, auth, id);
    if (action === 'erase') return eraseRow(tx, auth, held, nowMs);
    const from = action === 'restore' ? ['deleted', 'edited'] : ['pending'];
    if (!from.includes(held.status)) throw new HttpError('conflict');
    if (action === 'restore') {
      const restore = held.status === 'edited' ? undoEdit : restoreRecords;
      seq = await restore(tx, auth, held, clocks, seq);
      await setCommuneCounter(tx, auth.communeCode, seq);
    }
    const settled =
      action === 'dismiss' ? 'dismissed' : held.status === 'edited' ? 'undone' : 'restored';
    await settleRow(tx, auth, id, settled, nowMs);
  });
}

/** A held delete, applied by the leader through the same checks as any push. */
async function confirm(
  store: Store,
  auth: AuthContext,
  id: string,
  clocks: CommuneClocks,
  nowMs: number,
): Promise<void> {
  // Taken first (pending → confirmed, under the row's lock), so a dismiss or a second confirm
  // racing this one finds it settled; given back if the delete is refused.
  const held = await store.transaction(async (tx) => {
    const row = await lockDeletion(tx, auth, id);
    if (row.status !== 'pending') throw new HttpError('conflict');
    await settleRow(tx, auth, id, 'confirmed', nowMs);
    return row;
  });
  const op = {
    opId: newId(nowMs),
    entity: held.entity,
    id: held.recordId,
    fields: { deleted: true },
    clock: clocks.of(auth.communeCode).now(),
  };
  const [result] = await pushBatch(store, auth, { ops: [op], nowMs }, clocks);
  if (result?.status !== 'rejected') return;
  await store.query(
    `UPDATE deleted_records SET status = 'pending', settled_by = NULL, settled_at = NULL
      WHERE commune_code = $1 AND id = $2`,
    [auth.communeCode, id],
  );
  throw new HttpError(result.code === 'deleted_record' ? 'conflict' : 'out_of_scope');
}

/** Where a record sits: kept as it is now, never taken from the copy (it may have moved since). */
const PLACING = new Set(['villageId', 'householdId', 'memberId', 'menteeId']);

/**
 * Writes the kept records back over their tombstones; returns the commune's last seq. Only what the
 * delete erased comes back: a field written since (by anyone) keeps its newer value; a record
 * undeleted since is a `conflict`; a deleted record now in a village the caller does not serve is
 * `not_found`, and any record it takes along that lies outside them, `out_of_scope`.
 */
async function restoreRecords(
  tx: Sql,
  auth: AuthContext,
  held: Held,
  clocks: CommuneClocks,
  seq: number,
): Promise<number> {
  const commune = auth.communeCode;
  const kept = keptRecords(held.records);
  const current = await loadRecords(tx, commune, kept);
  const root = current.get(recordKey(held.entity, held.recordId));
  if (!root || !isTombstone(root)) throw new HttpError('conflict');
  if (!mayRead(auth, root.villageId)) throw new HttpError('not_found');
  // Every record it brings back lies in the caller's villages (one may have moved since).
  for (const rec of current.values())
    if (!mayRead(auth, rec.villageId)) throw new HttpError('out_of_scope');
  const deletedAt = root.clocks.deleted;
  // What points at a record deleted since stays deleted (strandedRecords.ts): the root is refused.
  const stranded = await strandedBy(tx, commune, current);
  if (stranded.has(recordKey(held.entity, held.recordId))) throw new HttpError('conflict');
  // A person comes back into a household that exists: restore the household first.
  if (held.entity !== 'household') {
    const householdId = root.data.householdId;
    const household =
      typeof householdId === 'string'
        ? (await loadRecords(tx, commune, [{ entity: 'household', id: householdId }])).get(
            recordKey('household', householdId),
          )
        : undefined;
    if (!household || isTombstone(household)) throw new HttpError('conflict');
  }
  // The restore sorts after every write the records had (the server's clock may have restarted).
  const clock = clocks.of(commune);
  for (const rec of current.values()) for (const c of Object.values(rec.clocks)) clock.receive(c);
  const at = clock.now();
  const restored: (StoredRecord & { seq: number })[] = [];
  const handed: Parameters<typeof handOver>[2] = [];
  for (const k of kept) {
    const now = current.get(recordKey(k.entity, k.id));
    if (!now) continue;
    const target = stranded.get(recordKey(k.entity, k.id));
    if (target) {
      handed.push({ kept: k, deletedClock: now.clocks.deleted, target });
      continue;
    }
    // A copy handed over from another deletion was made a tombstone by that one's delete.
    const since = k.deletedClock ?? deletedAt;
    const erased = (f: string) =>
      !PLACING.has(f) &&
      (since === undefined || !(now.clocks[f] !== undefined && now.clocks[f] > since));
    const names =
      k.entity === 'visit' ? VISIT_FREE_TEXT.filter((f) => f in k.data) : Object.keys(k.data);
    const fields: Fields = Object.fromEntries(names.filter(erased).map((f) => [f, k.data[f]]));
    if (k.entity !== 'visit' && isTombstone(now) && now.clocks.deleted === since)
      fields.deleted = false;
    const { next, changed } = applyWrite(now, fields, at);
    if (changed.length === 0) continue;
    if (k.entity === 'household' && (await householdCodeError(tx, commune, k.id, next, new Map())))
      throw new HttpError('code_taken');
    restored.push({ ...now, ...next, seq: ++seq });
  }
  await saveRecords(tx, commune, restored);
  await handOver(tx, commune, handed);
  return seq;
}

/** Writes back the old values of an edit's fields that no one has written since. */
async function undoEdit(
  tx: Sql,
  auth: AuthContext,
  held: Held,
  clocks: CommuneClocks,
  seq: number,
): Promise<number> {
  const commune = auth.communeCode;
  const [kept] = keptRecords(held.records);
  if (!kept) throw new HttpError('conflict');
  const now = (await loadRecords(tx, commune, [kept])).get(recordKey(kept.entity, kept.id));
  if (!now || isTombstone(now)) throw new HttpError('conflict');
  if (!mayRead(auth, now.villageId)) throw new HttpError('not_found');
  const fields: Fields = Object.fromEntries(
    Object.keys(kept.data)
      .filter((f) => now.clocks[f] === kept.clocks[f])
      .map((f) => [f, kept.data[f]]),
  );
  if (Object.keys(fields).length === 0) throw new HttpError('conflict');
  const clock = clocks.of(commune);
  for (const c of Object.values(now.clocks)) clock.receive(c);
  const { next } = applyWrite(now, fields, clock.now());
  await saveRecords(tx, commune, [{ ...now, ...next, seq: ++seq }]);
  return seq;
}
