import {
  MAX_EXPORTS_PER_DAY,
  type ExportEvent,
  type ExportLogEntry,
  type ExportLogQuery,
} from '../../protocol/exportLog';
import type { AuthContext } from '../auth/context';
import { HttpError } from '../http/errors';
import type { Store } from '../store/store';

const DAY_MS = 86_400_000;
/** How far back a phone may date an export it sends late (it was offline since). */
export const EXPORT_BACKDATE_MS = 30 * DAY_MS;
/** Entries of one page of the officer's list, newest first. */
export const EXPORT_PAGE = 100;

/**
 * Keeps what a phone says it exported or printed, stamped with the account and device of the token
 * that sent it. A village the caller does not serve is refused (`out_of_scope`); a device or an
 * account past its day's share (MAX_EXPORTS_PER_DAY, however many phones it logs in on) is refused
 * (`rate_limited`) and keeps its events to send later. The officer's list pages back through all
 * of it and filters by account, so no flood hides an entry. The phone's clock is kept within the last 30 days of the
 * server's; a resent event is the same row.
 */
export async function recordExports(
  store: Store,
  auth: AuthContext,
  events: readonly ExportEvent[],
  nowMs: number,
): Promise<void> {
  for (const e of events)
    if (e.villageId !== null && !auth.villageIds.includes(e.villageId))
      throw new HttpError('out_of_scope');
  await store.transaction(async (tx) => {
    // One account's batches wait for each other here, so each counts what the others stored
    // (concurrent batches each saw none of the others and stored ten days' share at once).
    await tx.query('SELECT 1 FROM users WHERE commune_code = $1 AND id = $2 FOR UPDATE', [
      auth.communeCode,
      auth.userId,
    ]);
    const [sent] = await tx.query<{ device: number | string; account: number | string }>(
      `SELECT count(*) FILTER (WHERE device_id = $2) AS device,
              count(*) FILTER (WHERE user_id = $3) AS account
         FROM export_log
        WHERE commune_code = $1 AND received_at > to_timestamp($4 / 1000.0)
          AND (device_id = $2 OR user_id = $3)`,
      [auth.communeCode, auth.deviceId, auth.userId, nowMs - DAY_MS],
    );
    const most = Math.max(Number(sent?.device ?? 0), Number(sent?.account ?? 0));
    if (most + events.length > MAX_EXPORTS_PER_DAY) throw new HttpError('rate_limited');
    for (const e of events) {
      const at = Math.min(nowMs, Math.max(nowMs - EXPORT_BACKDATE_MS, e.at));
      await tx.query(
        `INSERT INTO export_log
           (commune_code, device_id, id, user_id, kind, what, village_id, names, at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0), to_timestamp($10 / 1000.0))
         ON CONFLICT DO NOTHING`,
        [
          auth.communeCode,
          auth.deviceId,
          e.id,
          auth.userId,
          e.kind,
          e.what,
          e.villageId,
          e.names,
          at,
          nowMs,
        ],
      );
    }
  });
}

interface Row {
  id: string;
  device_id: string;
  kind: ExportLogEntry['kind'];
  what: string;
  village_id: string | null;
  names: boolean;
  at: Date | string;
  received_at: Date | string;
  user_id: string;
  display_name: string | null;
  device_name: string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * A page of the commune's export log for its officer, newest first (after `before`, of one account
 * with `by`, only those with names with `names`); anyone else is `forbidden`.
 */
export async function listExports(
  store: Store,
  auth: AuthContext,
  query: ExportLogQuery,
): Promise<{ entries: ExportLogEntry[]; next: string | null }> {
  if (auth.role !== 'officer') throw new HttpError('forbidden');
  const [beforeMs, beforeId, beforeDevice] = query.before
    ? query.before.split('.')
    : [null, null, null];
  const rows = await store.query<Row>(
    `SELECT e.id::text AS id, e.device_id::text AS device_id, e.kind, e.what, e.village_id::text AS village_id, e.names, e.at,
            e.received_at, e.user_id::text AS user_id, u.display_name, d.name AS device_name
       FROM export_log e
       LEFT JOIN users u ON u.commune_code = e.commune_code AND u.id = e.user_id
       LEFT JOIN devices d ON d.commune_code = e.commune_code AND d.id = e.device_id
      WHERE e.commune_code = $1
        AND ($2::uuid IS NULL OR e.user_id = $2)
        AND (NOT $3 OR e.names)
        AND ($4::bigint IS NULL
             OR (e.at, e.id, e.device_id) < (to_timestamp($4 / 1000.0), $5::uuid, $7::uuid))
      ORDER BY e.at DESC, e.id DESC, e.device_id DESC
      LIMIT $6`,
    [
      auth.communeCode,
      query.by ?? null,
      query.names === '1',
      beforeMs,
      beforeId,
      EXPORT_PAGE + 1,
      beforeDevice,
    ],
  );
  const entries = rows.slice(0, EXPORT_PAGE).map((r) => ({
    id: r.id,
    kind: r.kind,
    what: r.what,
    villageId: r.village_id,
    names: r.names,
    at: iso(r.at),
    receivedAt: iso(r.received_at),
    by: { userId: r.user_id, displayName: r.display_name ?? '', deviceName: r.device_name },
  }));
  const last = rows[EXPORT_PAGE - 1];
  const next =
    rows.length > EXPORT_PAGE && last
      ? `${new Date(last.at).getTime()}.${last.id}.${last.device_id}`
      : null;
  return { entries, next };
}
