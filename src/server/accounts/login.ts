import type { Me } from '../../protocol';
import type { Role } from '../../protocol/roles';
import { HttpError } from '../http/errors';
import type { Sql, Store } from '../store/store';
import { getCommune } from './communes';
import { createDevice } from './devices';
import { burnPasswordTime, verifyPassword } from './password';
import { listVillages } from './villages';

/** Five wrong passwords lock an account for fifteen minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

interface Credentials {
  username: string;
  password: string;
  deviceName: string;
}

interface LoginRow {
  commune_code: string;
  id: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  disabled: boolean;
}

/** Checks a password (with lockout) and registers a new device; the same answer for unknown users. */
export async function login(store: Store, input: Credentials, now: number) {
  const rows = await store.query<LoginRow>(
    `SELECT u.commune_code, u.id, u.password_hash, u.failed_logins, u.locked_until, u.disabled
       FROM usernames n JOIN users u ON u.commune_code = n.commune_code AND u.id = n.user_id
      WHERE n.username = $1`,
    [input.username.trim().toLowerCase()],
  );
  const user = rows[0];
  if (!user) {
    await burnPasswordTime(input.password);
    throw new HttpError('invalid_credentials');
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > now)
    throw new HttpError('account_locked');
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok || user.disabled) {
    if (!ok) {
      const failures = user.failed_logins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      await store.query(
        'UPDATE users SET failed_logins = $3, locked_until = $4 WHERE commune_code = $1 AND id = $2',
        [user.commune_code, user.id, lock ? 0 : failures, lock ? new Date(now + LOCKOUT_MS) : null],
      );
      if (lock) throw new HttpError('account_locked');
    }
    throw new HttpError('invalid_credentials');
  }
  const device = await store.transaction(async (tx) => {
    await tx.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE commune_code = $1 AND id = $2',
      [user.commune_code, user.id],
    );
    return createDevice(tx, user.commune_code, user.id, input.deviceName, now);
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
  };
}
