import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import type { AuthContext } from './context';
import { parseToken, secretMatches } from './tokens';
import type { Role } from '../../protocol/roles';

interface DeviceRow {
  user_id: string;
  secret_hash: Uint8Array;
  revoked_at: Date | null;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  stale: boolean;
}

/** Routes a user with a temporary password may still call: everything else waits for a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  '/api/me',
  '/api/auth/password',
  '/api/auth/logout',
]);

/** Reads `Authorization: Bearer <token>` and returns the caller, or throws a precise 401. */
export async function authenticate(sql: Sql, req: FastifyRequest): Promise<AuthContext> {
  const header = req.headers.authorization;
  if (!header) throw new HttpError('unauthenticated');
  const match = /^Bearer (.+)$/.exec(header);
  const parsed = match ? parseToken(match[1] as string) : null;
  if (!parsed) throw new HttpError('token_invalid');
  const ctx = await authenticateToken(sql, parsed.communeCode, parsed.deviceId, parsed.secret);
  if (ctx.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? ''))
    throw new HttpError('password_change_required');
  return ctx;
}

export async function authenticateToken(
  sql: Sql,
  communeCode: string,
  deviceId: string,
  secret: string,
): Promise<AuthContext> {
  const rows = await sql.query<DeviceRow>(
    `SELECT d.user_id, d.secret_hash, d.revoked_at, u.role, u.disabled, u.must_change_password,
            d.last_seen_at < now() - interval '1 minute' AS stale
       FROM devices d JOIN users u ON u.commune_code = d.commune_code AND u.id = d.user_id
      WHERE d.commune_code = $1 AND d.id = $2`,
    [communeCode, deviceId],
  );
  const row = rows[0];
  if (!row || !secretMatches(secret, row.secret_hash)) throw new HttpError('token_invalid');
  if (row.revoked_at) throw new HttpError('device_revoked');
  if (row.disabled) throw new HttpError('device_revoked', 'account disabled');
  // "Last seen" for the devices list, written at most once a minute per device.
  if (row.stale)
    await sql.query('UPDATE devices SET last_seen_at = now() WHERE commune_code = $1 AND id = $2', [
      communeCode,
      deviceId,
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
