import { identityChanged, isNewDeletion } from '../../domain/deletionLimit';
import { isTombstone } from '../../domain/tombstone';
import type { Sql } from '../store/store';
import {
  cascadeDelete,
  cascadeHouseholdMove,
  cascadeMenteeMove,
  recordDepartures,
} from './cascade';
import { setCommuneCounter } from './communeCounter';
import {
  keepDeletions,
  keepEdits,
  type AppliedDeletion,
  type AppliedEdit,
  type Sender,
} from './deletions';
import { recordKey, type StoredRecord } from './recordsRepo';

/** An op the batch applied, kept in applied_ops so that a re-sent op is a duplicate. */
export interface AppliedOp {
  opId: string;
  fingerprint: string;
  clock: string;
  /** The record it wrote. */
  id: string;
  entity: string;
}

export interface SavedBatch {
  /** The records the batch wrote, each with its new seq. */
  saved: (StoredRecord & { seq: number })[];
  /** The records as they were before the batch, by recordKey. */
  original: ReadonlyMap<string, StoredRecord>;
  applied: AppliedOp[];
  /** The commune's last allocated seq (that of the last saved record). */
  seq: number;
  /** Who sent the batch: the account and device of the token that pushed it. */
  by: Sender;
  /** The server's wall clock for the batch (ms). */
  atMs: number;
}

/**
 * What follows the batch's own writes, in its transaction: departures and cascades (cascade.ts),
 * each with new seqs; the commune's counter at the last of them; the applied ops; and the digests
 * of the ops of records now erased.
 */
export async function afterSave(
  tx: Sql,
  commune: string,
  { saved, original, applied, seq: lastSeq, by, atMs }: SavedBatch,
): Promise<void> {
  let seq = lastSeq;
  // A record that left a village is announced there; a household that moved takes its members,
  // visits and traders (and their mentorships) along.
  const moved = saved.flatMap((rec) => {
    const before = original.get(recordKey(rec.entity, rec.id));
    return before && before.villageId !== rec.villageId ? [{ rec, from: before.villageId }] : [];
  });
  await recordDepartures(
    tx,
    commune,
    moved.map(({ rec, from }) => ({ entity: rec.entity, id: rec.id, from, seq: rec.seq })),
  );
  // A deleted household or member takes its people's traders and pairings along (cascade.ts).
  // What a delete erased is kept apart for a leader to restore (deletions.ts).
  const erased = saved.filter((r) => isTombstone(r)).map((r) => r.id);
  const deletions: AppliedDeletion[] = [];
  for (const rec of saved) {
    const before = original.get(recordKey(rec.entity, rec.id));
    const entity = rec.entity;
    const deletion = isNewDeletion(entity, before, rec) && before ? { ...before, entity } : null;
    const takesAlong =
      (entity === 'household' || entity === 'member') &&
      isTombstone(rec) &&
      !(before && isTombstone(before));
    if (!takesAlong) {
      if (deletion) deletions.push({ before: deletion, dependants: [] });
      continue;
    }
    const cascade = await cascadeDelete(
      tx,
      commune,
      { entity, id: rec.id },
      rec.clocks.deleted as string,
      seq,
    );
    seq = cascade.seq;
    erased.push(...cascade.erased);
    if (deletion) deletions.push({ before: deletion, dependants: cascade.before });
  }
  await keepDeletions(tx, commune, deletions, by, atMs);
  // An edit of who a record is keeps the old values too, for a leader to undo.
  const edits: AppliedEdit[] = saved.flatMap((after) => {
    const before = original.get(recordKey(after.entity, after.id));
    const fields = identityChanged(after.entity, before, after);
    return before && fields.length > 0 ? [{ before, after, fields }] : [];
  });
  await keepEdits(tx, commune, edits, by, atMs);
  for (const { rec } of moved) {
    if (rec.entity === 'household')
      seq = await cascadeHouseholdMove(tx, commune, rec.id, rec.villageId, seq);
    if (rec.entity === 'member')
      seq = await cascadeMenteeMove(tx, commune, [rec.id], rec.villageId, seq);
  }

  await setCommuneCounter(tx, commune, seq);
  if (applied.length > 0) {
    await tx.query(
      `INSERT INTO applied_ops (commune_code, op_id, status, fingerprint, clock, record_id,
                                entity, user_id, device_id)
       SELECT $1, u.id, 'applied', u.fingerprint, u.clock, u.record_id, u.entity, $7, $8
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[])
           AS u(id, fingerprint, clock, record_id, entity)
       ON CONFLICT DO NOTHING`,
      [
        commune,
        applied.map((a) => a.opId),
        applied.map((a) => a.fingerprint),
        applied.map((a) => a.clock),
        applied.map((a) => a.id),
        applied.map((a) => a.entity),
        by.userId,
        by.deviceId,
      ],
    );
  }
  // A digest of what a deleted record's ops said could be guessed back (a phone number has few
  // values): those digests go with its data. Its ops re-sent stay duplicates.
  if (erased.length > 0) {
    await tx.query(
      `UPDATE applied_ops SET fingerprint = NULL
        WHERE commune_code = $1 AND record_id = ANY($2::uuid[]) AND fingerprint IS NOT NULL`,
      [commune, erased],
    );
  }
}
