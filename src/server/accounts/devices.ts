import type { Device } from '../../protocol';
import type { Role } from '../../protocol/roles';
import { formatToken, hashSecret, newSecret } from '../auth/tokens';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import { newId } from './ids';

/** Logged-in devices: one opaque token each, stored as sha256 of its secret; revocable. */

/**
 * Registers a device. `passwordVersion` is the generation of the password hash the login checked
 * (users.password_version, read with the hash): if a change or reset committed since, the device
 * is refused from its first request (authenticate.ts). Omitted: the user's current generation.
 */
export async function createDevice(
  sql: Sql,
  communeCode: string,
  userId: string,
  name: string,
  now: number = Date.now(),
  passwordVersion?: number,
): Promise<{ deviceId: string; token: string }> {
  const deviceId = newId(now);
  const secret = newSecret();
  await sql.query(
    `INSERT INTO devices (commune_code, id, user_id, name, secret_hash, created_at, last_seen_at,
                          password_version)
     VALUES ($1, $2, $3, $4, $5, $6, $6, coalesce($7::integer,
       (SELECT password_version FROM users WHERE commune_code = $1 AND id = $3)))`,
    [
      communeCode,
      deviceId,
      userId,
      name,
      hashSecret(secret),
      new Date(now),
      passwordVersion ?? null,
    ],
  );
  return { deviceId, token: formatToken(communeCode, deviceId, secret) };
}

interface DeviceRow {
  id: string;
  name: string;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}

/** The commune's devices, optionally only those of the given users. */
export async function listDevices(
  sql: Sql,
  communeCode: string,
  currentDeviceId: string,
  userIds?: string[],
): Promise<Device[]> {
  const rows = await sql.query<DeviceRow>(
    `SELECT d.id, d.name, d.user_id, u.username, u.display_name, u.role, d.created_at,
            d.last_seen_at, d.revoked_at
       FROM devices d JOIN users u ON u.commune_code = d.commune_code AND u.id = d.user_id
      WHERE d.commune_code = $1 AND ($2::uuid[] IS NULL OR d.user_id = ANY($2::uuid[]))
      ORDER BY d.revoked_at IS NOT NULL, d.last_seen_at DESC, d.id`,
    [communeCode, userIds ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    user: { id: r.user_id, username: r.username, displayName: r.display_name, role: r.role },
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    current: r.id === currentDeviceId,
  }));
}

export async function deviceOwner(
  sql: Sql,
  communeCode: string,
  deviceId: string,
): Promise<{ userId: string; role: Role } | undefined> {
  const rows = await sql.query<{ user_id: string; role: Role }>(
    `SELECT d.user_id, u.role FROM devices d
       JOIN users u ON u.commune_code = d.commune_code AND u.id = d.user_id
      WHERE d.commune_code = $1 AND d.id = $2`,
    [communeCode, deviceId],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, role: row.role } : undefined;
}

/** Revokes a device (idempotent): the server refuses its token from then on. */
export async function revokeDevice(
  sql: Sql,
  communeCode: string,
  deviceId: string,
  by: string,
  now: number = Date.now(),
) {
  const rows = await sql.query(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, $3), revoked_by = coalesce(revoked_by, $4)
      WHERE commune_code = $1 AND id = $2 RETURNING id`,
    [communeCode, deviceId, new Date(now), by],
  );
  if (rows.length === 0) throw new HttpError('not_found');
}

/**
 * Ends the user's sessions (a password change or reset): those devices must log in again but keep
 * their data, unlike revoked ones. `except` is the device that changed its own password: it moves
 * to the new password generation `passwordVersion` and stays logged in. Run in the transaction
 * that changed the password and its generation.
 */
export async function endSessions(
  sql: Sql,
  communeCode: string,
  userId: string,
  now: number,
  except?: { deviceId: string; passwordVersion: number },
) {
  await sql.query(
    `UPDATE devices SET ended_at = $3
      WHERE commune_code = $1 AND user_id = $2 AND ended_at IS NULL AND revoked_at IS NULL
        AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [communeCode, userId, new Date(now), except?.deviceId ?? null],
  );
  if (except)
    await sql.query(
      `UPDATE devices SET password_version = $4
        WHERE commune_code = $1 AND user_id = $2 AND id = $3`,
      [communeCode, userId, except.deviceId, except.passwordVersion],
    );
}
