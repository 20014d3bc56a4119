import type { Deletion, DeletionStatus } from '../../protocol/deletions';
import type { AuthContext } from '../auth/context';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import { keptRecords } from '../sync/deletions';

interface Row {
  id: string;
  status: DeletionStatus;
  entity: Deletion['entity'];
  record_id: string;
  village_id: string | null;
  user_id: string;
  display_name: string | null;
  device_name: string | null;
  at: Date | string;
  label: string | null;
  member_count: number;
  settled_by_name: string | null;
  settled_at: Date | string | null;
}

const SELECT = `
  SELECT d.id::text AS id, d.status, d.entity, d.record_id::text AS record_id,
         d.village_id::text AS village_id, d.user_id::text AS user_id, u.display_name,
         dv.name AS device_name, d.at, d.label, d.member_count, s.display_name AS settled_by_name,
         d.settled_at
    FROM deleted_records d
    LEFT JOIN users u ON u.commune_code = d.commune_code AND u.id = d.user_id
    LEFT JOIN devices dv ON dv.commune_code = d.commune_code AND dv.id = d.device_id
    LEFT JOIN users s ON s.commune_code = d.commune_code AND s.id = d.settled_by`;

/** Who may see a deletion: the officer the commune's, a leader those of the leader's villages. */
function scope(auth: AuthContext) {
  if (auth.role === 'volunteer') throw new HttpError('forbidden');
  return { all: auth.role === 'officer', villages: auth.villageIds };
}

const iso = (v: Date | string) => new Date(v).toISOString();

const toDeletion = (r: Row): Deletion => ({
  id: r.id,
  status: r.status,
  entity: r.entity,
  recordId: r.record_id,
  villageId: r.village_id,
  label: r.label,
  memberCount: Number(r.member_count),
  by: { userId: r.user_id, displayName: r.display_name ?? '', deviceName: r.device_name },
  at: iso(r.at),
  settledBy: r.settled_by_name,
  settledAt: r.settled_at === null ? null : iso(r.settled_at),
});

/** The deletions the caller may see since `sinceMs`, newest first. */
/**
 * The deletions the caller may see since `sinceMs`, of one sender if `by` is given: those a leader
 * can still act on (held, restorable) first, then edits to undo, then the rest, newest first, at
 * most LIST_LIMIT. One sender's many edits or settled rows never push another's deletions out.
 */
export async function listDeletions(
  sql: Sql,
  auth: AuthContext,
  sinceMs: number,
  by?: string,
): Promise<Deletion[]> {
  const { all, villages } = scope(auth);
  const rows = await sql.query<Row>(
    `${SELECT}
      WHERE d.commune_code = $1 AND d.at > to_timestamp($2 / 1000.0)
        AND ($3::boolean OR d.village_id = ANY($4::uuid[]))
        AND ($5::uuid IS NULL OR d.user_id = $5)
      ORDER BY CASE WHEN d.status IN ('pending', 'deleted') THEN 0
                    WHEN d.status = 'edited' THEN 1 ELSE 2 END,
               d.at DESC, d.id
      LIMIT ${LIST_LIMIT}`,
    [auth.communeCode, sinceMs, all, villages, by ?? null],
  );
  return rows.map(toDeletion);
}

export const LIST_LIMIT = 500;

/**
 * One deletion the caller may see, locked for the rest of the transaction, with the records it
 * kept; `not_found` for one of another village, as for one that does not exist.
 */
export async function lockDeletion(
  tx: Sql,
  auth: AuthContext,
  id: string,
): Promise<Deletion & { records: unknown }> {
  const { all, villages } = scope(auth);
  const [row] = await tx.query<Row & { records: unknown }>(
    `SELECT d.*, d.id::text AS id, d.record_id::text AS record_id,
            d.village_id::text AS village_id, d.user_id::text AS user_id,
            NULL AS display_name, NULL AS device_name, NULL AS settled_by_name
       FROM deleted_records d
      WHERE d.commune_code = $1 AND d.id = $2
        AND ($3::boolean OR d.village_id = ANY($4::uuid[]))
      FOR UPDATE`,
    [auth.communeCode, id, all, villages],
  );
  if (!row) throw new HttpError('not_found');
  return { ...toDeletion(row), records: row.records };
}

/** Marks a deletion restored, confirmed or dismissed by the caller; what it kept goes. */
export async function settleRow(
  tx: Sql,
  auth: AuthContext,
  id: string,
  status: 'restored' | 'confirmed' | 'dismissed' | 'undone',
  nowMs: number,
): Promise<void> {
  await tx.query(
    `UPDATE deleted_records
        SET status = $3, records = NULL, settled_by = $4, settled_at = to_timestamp($5 / 1000.0)
      WHERE commune_code = $1 AND id = $2`,
    [auth.communeCode, id, status, auth.userId, nowMs],
  );
}

/**
 * Erases a deletion for good: what it kept goes, and so does every other copy the server keeps of
 * the records it holds (an older deletion, an edit's old values, a request's name). The rows stay,
 * nameless, so the list still says who deleted what, and when; a deletion still counts towards its
 * sender's day (deletionLimit.ts).
 */
export async function eraseRow(
  tx: Sql,
  auth: AuthContext,
  held: Deletion & { records: unknown },
  nowMs: number,
): Promise<void> {
  const ids = [held.recordId, ...keptRecords(held.records).map((r) => r.id)];
  await tx.query(
    `UPDATE deleted_records
        SET label = NULL, records = NULL,
            status = CASE WHEN status IN ('deleted', 'edited') THEN 'erased' ELSE status END,
            settled_by = CASE WHEN status IN ('deleted', 'edited') THEN $3 ELSE settled_by END,
            settled_at = CASE WHEN status IN ('deleted', 'edited')
                              THEN to_timestamp($4 / 1000.0) ELSE settled_at END
      WHERE commune_code = $1 AND (id = $2 OR record_id = ANY($5::uuid[]))`,
    [auth.communeCode, held.id, auth.userId, nowMs, ids],
  );
}
