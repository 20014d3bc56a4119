import { isRestorable, type RestorableEntity } from '../../domain/deletionLimit';
import { newId } from '../accounts/ids';
import { z } from 'zod';
import { SYNC_ENTITIES } from '../../domain/records';
import type { Sql } from '../store/store';
import type { StoredRecord } from './recordsRepo';

/** A record as `deleted_records.records` keeps it: parsed when read back, never cast. */
const keptRecordSchema = z.object({
  entity: z.enum(SYNC_ENTITIES),
  id: z.string(),
  villageId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  clocks: z.record(z.string(), z.string()),
  /**
   * A copy handed over from another deletion's restore (strandedRecords.ts): the clock of the
   * delete that made its tombstone, which is not this deletion's.
   */
  deletedClock: z.string().optional(),
});

/** A record as a deletion keeps it. */
export type KeptRecord = z.infer<typeof keptRecordSchema>;

/** The records a deletion or an edit kept (none once restored or erased). */
export function keptRecords(value: unknown): KeptRecord[] {
  if (value === null || value === undefined) return [];
  return z.array(keptRecordSchema).parse(value) satisfies StoredRecord[];
}

/** Who sent a write: the token's account and device, as the server authenticated them. */
export interface Sender {
  userId: string;
  deviceId: string;
}

/** A delete the server applied: the record as it was, and what its delete took along. */
export interface AppliedDeletion {
  before: StoredRecord & { entity: RestorableEntity };
  /** For a household: its members, traders, pairings and visits as they were (cascade.ts). */
  dependants: StoredRecord[];
}

/** What a leader recognises a deleted record by (its own personal data, purged with it). */
const LABEL: Record<RestorableEntity, string> = {
  household: 'headName',
  member: 'name',
  trader: 'businessName',
};
function labelOf(rec: StoredRecord): string | null {
  const value = isRestorable(rec.entity) ? rec.data[LABEL[rec.entity]] : undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * Keeps what the deletes of a batch erased, apart from `records` (table deleted_records,
 * migration 010): never served to devices, restorable by a leader for 30 days.
 */
export async function keepDeletions(
  tx: Sql,
  commune: string,
  deletions: AppliedDeletion[],
  by: Sender,
  atMs: number,
): Promise<void> {
  if (deletions.length === 0) return;
  await insertRows(
    tx,
    commune,
    'deleted',
    deletions.map(({ before, dependants }) => ({
      entity: before.entity,
      id: before.id,
      villageId: before.villageId,
      label: labelOf(before),
      members: dependants.filter((d) => d.entity === 'member').length,
      traders: dependants.filter((d) => d.entity === 'trader').length,
      records: JSON.stringify([before, ...dependants]),
    })),
    by,
    atMs,
  );
}

/** An edit of who a record is (deletionLimit.ts identityChanged): its old values and new clocks. */
export interface AppliedEdit {
  before: StoredRecord;
  after: StoredRecord;
  fields: string[];
}

/**
 * Keeps the old values of the identity fields an edit changed, with the clocks the edit gave them:
 * a leader can undo it while those fields are as the edit left them (settleDeletion.ts). A record
 * has one open edit row: a later edit folds into it (the oldest values, the newest clocks, the
 * latest sender), so a flood of edits of one record is one row.
 */
export async function keepEdits(
  tx: Sql,
  commune: string,
  edits: AppliedEdit[],
  by: Sender,
  atMs: number,
): Promise<void> {
  if (edits.length === 0) return;
  const pick = (o: Record<string, unknown>, fields: string[]) =>
    Object.fromEntries(fields.filter((f) => f in o).map((f) => [f, o[f]]));
  const open = await tx.query<{ id: string; record_id: string; records: unknown }>(
    `SELECT id::text AS id, record_id::text AS record_id, records FROM deleted_records
      WHERE commune_code = $1 AND status = 'edited' AND record_id = ANY($2::uuid[])`,
    [commune, edits.map((e) => e.before.id)],
  );
  const openBy = new Map(open.map((o) => [o.record_id, o]));
  const kept = ({ before, after, fields }: AppliedEdit) => {
    const prior = openBy.get(before.id);
    const [old] = keptRecords(prior?.records);
    return {
      entity: before.entity,
      id: before.id,
      villageId: after.villageId,
      data: { ...pick(before.data, fields), ...(old?.data ?? {}) },
      clocks: { ...(old?.clocks ?? {}), ...pick(after.clocks, fields) },
    };
  };
  for (const edit of edits.filter((e) => openBy.has(e.before.id))) {
    await tx.query(
      `UPDATE deleted_records
          SET records = $3::jsonb, user_id = $4, device_id = $5, at = to_timestamp($6 / 1000.0),
              village_id = $7
        WHERE commune_code = $1 AND id = $2`,
      [
        commune,
        openBy.get(edit.before.id)?.id,
        JSON.stringify([kept(edit)]),
        by.userId,
        by.deviceId,
        atMs,
        edit.after.villageId,
      ],
    );
  }
  await insertRows(
    tx,
    commune,
    'edited',
    edits
      .filter((e) => !openBy.has(e.before.id))
      .map((edit) => ({
        entity: edit.before.entity,
        id: edit.before.id,
        villageId: edit.after.villageId,
        label: labelOf(edit.before),
        members: 0,
        records: JSON.stringify([kept(edit)]),
      })),
    by,
    atMs,
  );
}

/** Deletes held for a leader's confirmation: nothing erased yet, only what was asked and by whom. */
export async function holdDeletions(
  tx: Sql,
  commune: string,
  held: StoredRecord[],
  by: Sender,
  atMs: number,
): Promise<void> {
  if (held.length === 0) return;
  await insertRows(
    tx,
    commune,
    'pending',
    held.map((rec) => ({
      entity: rec.entity,
      id: rec.id,
      villageId: rec.villageId,
      label: labelOf(rec),
      members: 0,
      records: null,
    })),
    by,
    atMs,
  );
}

async function insertRows(
  tx: Sql,
  commune: string,
  status: 'deleted' | 'pending' | 'edited',
  rows: {
    entity: string;
    id: string;
    villageId: string | null;
    label: string | null;
    members: number;
    traders?: number;
    records: string | null;
  }[],
  by: Sender,
  atMs: number,
) {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO deleted_records (id, commune_code, status, entity, record_id, village_id, user_id,
                                  device_id, at, label, member_count, records, trader_count)
     SELECT u.id, $1, $2, u.entity, u.record_id, u.village_id, $3, $4, to_timestamp($5 / 1000.0),
            u.label, u.members, u.records::jsonb, u.traders
       FROM unnest($6::uuid[], $7::text[], $8::uuid[], $9::uuid[], $10::text[], $11::int[],
                   $12::text[], $13::int[])
         AS u(id, entity, record_id, village_id, label, members, records, traders)
     ON CONFLICT DO NOTHING`,
    [
      commune,
      status,
      by.userId,
      by.deviceId,
      atMs,
      rows.map(() => newId(atMs)),
      rows.map((r) => r.entity),
      rows.map((r) => r.id),
      rows.map((r) => r.villageId),
      rows.map((r) => r.label),
      rows.map((r) => r.members),
      rows.map((r) => r.records),
      rows.map((r) => r.traders ?? 0),
    ],
  );
}

/** What an account deleted since a moment: records of each kind, and deletes held for a leader. */
export interface RecentDeletions {
  /**
   * Deleted records by kind (restored and erased ones count: they were deleted); a household's
   * members count as members.
   */
  deleted: Map<string, number>;
  /** Deletes held for a leader, whatever became of them. */
  held: number;
}

export async function deletionsSince(
  tx: Sql,
  commune: string,
  userId: string,
  sinceMs: number,
): Promise<RecentDeletions> {
  const rows = await tx.query<{
    entity: string;
    held: boolean;
    n: number;
    members: number;
    traders: number;
  }>(
    `SELECT entity, status IN ('pending', 'confirmed', 'dismissed') AS held, count(*)::int AS n,
            sum(member_count)::int AS members, sum(trader_count)::int AS traders
       FROM deleted_records
      WHERE commune_code = $1 AND user_id = $2 AND at > to_timestamp($3 / 1000.0)
        AND status NOT IN ('edited', 'undone')
      GROUP BY 1, 2`,
    [commune, userId, sinceMs],
  );
  const deleted = new Map<string, number>();
  let held = 0;
  for (const r of rows) {
    if (r.held) {
      held += Number(r.n);
      continue;
    }
    deleted.set(r.entity, (deleted.get(r.entity) ?? 0) + Number(r.n));
    // A household's delete took its members and traders along: they count as deleted too.
    deleted.set('member', (deleted.get('member') ?? 0) + Number(r.members ?? 0));
    deleted.set('trader', (deleted.get('trader') ?? 0) + Number(r.traders ?? 0));
  }
  return { deleted, held };
}

/** Forgets every deletion made before `beforeMs`: its data is gone for good. */
export async function purgeDeletions(sql: Sql, beforeMs: number): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `DELETE FROM deleted_records WHERE at < to_timestamp($1 / 1000.0) RETURNING id::text AS id`,
    [beforeMs],
  );
  return rows.length;
}
