import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import type { AuthContext } from './context';
import { parseToken, secretMatches, type ParsedToken } from './tokens';
import type { Role } from '../../protocol/roles';

interface DeviceRow {
  user_id: string;
  secret_hash: Uint8Array;
  revoked_at: Date | null;
  ended_at: Date | null;
  last_seen_at: Date;
  device_version: number;
  user_version: number;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
}

/** When a session ends by itself: after this long without a request from its device. */
export interface SessionRules {
  now: () => number;
  idleMs: number;
}

export const DEFAULT_SESSION_IDLE_DAYS = 90;
const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_SESSION_RULES: SessionRules = {
  now: Date.now,
  idleMs: DEFAULT_SESSION_IDLE_DAYS * DAY_MS,
};
/** "Last seen" (devices list, idle sessions) is written at most this often per device. */
const LAST_SEEN_EVERY_MS = 60_000;

/** Routes a user with a temporary password may still call: everything else waits for a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/me',
  '/api/auth/password',
  '/api/auth/logout',
]);

/** Reads `Authorization: Bearer <token>` and returns the caller, or throws a precise 401. */
export async function authenticate(
  sql: Sql,
  req: FastifyRequest,
  rules: SessionRules = DEFAULT_SESSION_RULES,
): Promise<AuthContext> {
  const header = req.headers.authorization;
  if (!header) throw new HttpError('unauthenticated');
  const match = /^Bearer (.+)$/.exec(header);
  const parsed = match ? parseToken(match[1] as string) : null;
  if (!parsed) throw new HttpError('token_invalid');
  const ctx = await authenticateToken(sql, parsed, rules);
  if (ctx.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? ''))
    throw new HttpError('password_change_required');
  return ctx;
}

/**
 * The caller behind a token. A revoked device or a disabled account: `device_revoked` (the app
 * wipes itself). A session ended by a password change or reset (or created by a login that checked
 * the password before one: its password generation is not the user's), or unused for `idleMs`:
 * `session_expired` (the app keeps its data and asks to log in again).
 */
export async function authenticateToken(
  sql: Sql,
  token: ParsedToken,
  rules: SessionRules = DEFAULT_SESSION_RULES,
): Promise<AuthContext> {
  const { communeCode, deviceId } = token;
  const rows = await sql.query<DeviceRow>(
    `SELECT d.user_id, d.secret_hash, d.revoked_at, d.ended_at, d.last_seen_at, u.role, u.disabled,
            u.must_change_password, d.password_version AS device_version,
            u.password_version AS user_version
       FROM devices d JOIN users u ON u.commune_code = d.commune_code AND u.id = d.user_id
      WHERE d.commune_code = $1 AND d.id = $2`,
    [communeCode, deviceId],
  );
  const row = rows[0];
  if (!row || !secretMatches(token.secret, row.secret_hash)) throw new HttpError('token_invalid');
  if (row.revoked_at) throw new HttpError('device_revoked');
  if (row.disabled) throw new HttpError('device_revoked', 'account disabled');
  if (row.ended_at) throw new HttpError('session_expired');
  // A login that checked a password changed or reset since (it raced the change): ended too.
  if (row.device_version !== row.user_version)
    throw new HttpError('session_expired', 'password changed');
  const now = rules.now();
  const unused = now - new Date(row.last_seen_at).getTime();
  if (unused >= rules.idleMs) {
    // Ended for good: a longer idle time configured later does not bring it back.
    await sql.query(
      'UPDATE devices SET ended_at = $3 WHERE commune_code = $1 AND id = $2 AND ended_at IS NULL',
      [communeCode, deviceId, new Date(now)],
    );
    throw new HttpError('session_expired', 'unused for too long');
  }
  if (unused >= LAST_SEEN_EVERY_MS)
    await sql.query('UPDATE devices SET last_seen_at = $3 WHERE commune_code = $1 AND id = $2', [
      communeCode,
      deviceId,
      new Date(now),
    ]);
  const villages =
    row.role === 'officer'
      ? await sql.query<{ id: string }>(
          'SELECT id FROM villages WHERE commune_code = $1 AND NOT archived ORDER BY id',
          [communeCode],
        )
      : await sql.query<{ id: string }>(
          `SELECT uv.village_id AS id FROM user_villages uv
             JOIN villages v ON v.commune_code = uv.commune_code AND v.id = uv.village_id
            WHERE uv.commune_code = $1 AND uv.user_id = $2 AND NOT v.archived ORDER BY uv.village_id`,
          [communeCode, row.user_id],
        );
  return {
    communeCode,
    userId: row.user_id,
    deviceId,
    role: row.role,
    villageIds: villages.map((v) => v.id),
    mustChangePassword: row.must_change_password,
  };
}
