import { randomBytes } from 'node:crypto';
import type { Me } from '../../protocol';
import type { Role } from '../../protocol/roles';
import { HttpError } from '../http/errors';
import type { Sql, Store } from '../store/store';
import { getCommune } from './communes';
import { createDevice } from './devices';
import { claimLoginTry, loginSucceeded } from './loginGuard';
import { burnPasswordTime, verifyPassword } from './password';
import { listVillages } from './villages';

interface Credentials {
  username: string;
  password: string;
  deviceName: string;
  /** Asked only when the name and password open accounts of several communes. */
  communeCode?: string | undefined;
  /** The account's own device this login replaces (ended with it); another's is left alone. */
  replacesDeviceId?: string | undefined;
}

interface LoginRow {
  commune_code: string;
  id: string;
  password_hash: string;
  /** The generation of `password_hash`, read with it: the new device is of this generation. */
  password_version: number;
  disabled: boolean;
}

/**
 * Checks a password and registers a new device. Every try first takes its place in the guessing
 * limits (loginGuard.ts); an unknown name, a wrong password and a disabled account get the same
 * answer after the same work (one password hash checked).
 */
export async function login(
  store: Store,
  input: Credentials,
  from: { address: string; now: number },
) {
  const { now } = from;
  const username = input.username.trim().toLowerCase();
  const attempt = await claimLoginTry(store, username, from.address, now);
  if (!attempt) throw new HttpError('login_throttled');
  // A name may be in several communes (unique per commune): the account is the one whose password
  // matches; the commune's code, when given, narrows them first.
  const rows = await store.query<LoginRow>(
    `SELECT u.commune_code, u.id, u.password_hash, u.password_version, u.disabled
       FROM usernames n JOIN users u ON u.commune_code = n.commune_code AND u.id = n.user_id
      WHERE n.username = $1 AND ($2::text IS NULL OR n.commune_code = $2)
      ORDER BY n.commune_code`,
    [username, input.communeCode ?? null],
  );
  if (rows.length === 0) {
    await burnPasswordTime(input.password);
    throw new HttpError('invalid_credentials');
  }
  // Every candidate's password is checked, disabled or not, so the answer takes the same time.
  const opened: LoginRow[] = [];
  for (const row of rows)
    if ((await verifyPassword(input.password, row.password_hash)) && !row.disabled)
      opened.push(row);
  const user = opened[0];
  if (!user) throw new HttpError('invalid_credentials');
  if (opened.length > 1) throw new HttpError('commune_required');
  const device = await store.transaction(async (tx) => {
    await loginSucceeded(tx, attempt, now);
    if (input.replacesDeviceId)
      await tx.query(
        `UPDATE devices SET revoked_at = coalesce(revoked_at, $4), revoked_by = coalesce(revoked_by, $3)
          WHERE commune_code = $1 AND id = $2 AND user_id = $3`,
        [user.commune_code, input.replacesDeviceId, user.id, new Date(now)],
      );
    return createDevice(
      tx,
      user.commune_code,
      user.id,
      input.deviceName,
      now,
      user.password_version,
    );
  });
  const me = await buildMe(store, user.commune_code, user.id, device.deviceId);
  return { token: device.token, ...me };
}

/** What a device knows about its user: the account, the commune and the villages it serves. */
export async function buildMe(
  sql: Sql,
  communeCode: string,
  userId: string,
  deviceId: string,
): Promise<Me> {
  const rows = await sql.query<{
    id: string;
    username: string;
    display_name: string;
    role: Role;
    must_change_password: boolean;
  }>(
    'SELECT id, username, display_name, role, must_change_password FROM users WHERE commune_code = $1 AND id = $2',
    [communeCode, userId],
  );
  const u = rows[0];
  const commune = await getCommune(sql, communeCode);
  if (!u || !commune) throw new HttpError('token_invalid');
  const own =
    u.role === 'officer'
      ? undefined
      : (
          await sql.query<{ village_id: string }>(
            'SELECT village_id FROM user_villages WHERE commune_code = $1 AND user_id = $2',
            [communeCode, userId],
          )
        ).map((r) => r.village_id);
  const villages = await listVillages(sql, communeCode, own ? { ids: own } : {});
  // Made once, on the account's first login or refresh; the same for all its devices.
  const secret = await sql.query<{ recovery_secret: string }>(
    `UPDATE users SET recovery_secret = COALESCE(recovery_secret, $3)
      WHERE commune_code = $1 AND id = $2 RETURNING recovery_secret`,
    [communeCode, userId, randomBytes(32).toString('base64url')],
  );
  const recoverySecret = secret[0]?.recovery_secret;
  if (!recoverySecret) throw new HttpError('token_invalid');
  return {
    deviceId,
    user: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      mustChangePassword: u.must_change_password,
    },
    commune,
    villages: villages.map(({ id, name, kind }) => ({ id, name, kind })),
    recoverySecret,
  };
}
