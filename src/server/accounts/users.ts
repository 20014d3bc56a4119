import type { Role } from '../../protocol/roles';
import type { User } from '../../protocol';
import { HttpError } from '../http/errors';
import type { Sql, Store } from '../store/store';
import { endSessions } from './devices';
import { newId } from './ids';
import { forgiveLoginTries } from './loginGuard';
import { hashPassword } from './password';
import { assertVillagesExist } from './villages';

/** Accounts of a commune. Login names are unique per commune (table `usernames`, migration 009). */

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  must_change_password: boolean;
  disabled: boolean;
  village_ids: string[] | null;
}

const SELECT_USERS = `SELECT u.id, u.username, u.display_name, u.role, u.must_change_password, u.disabled,
    coalesce((SELECT array_agg(uv.village_id::text ORDER BY uv.village_id) FROM user_villages uv
               WHERE uv.commune_code = u.commune_code AND uv.user_id = u.id), '{}') AS village_ids
  FROM users u`;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    villageIds: r.village_ids ?? [],
    mustChangePassword: r.must_change_password,
    disabled: r.disabled,
  };
}

export async function listUsers(sql: Sql, communeCode: string, ids?: string[]): Promise<User[]> {
  const rows = await sql.query<UserRow>(
    `${SELECT_USERS} WHERE u.commune_code = $1 AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
      ORDER BY u.role, lower(u.display_name), u.id`,
    [communeCode, ids ?? null],
  );
  return rows.map(toUser);
}

export async function getUser(
  sql: Sql,
  communeCode: string,
  id: string,
): Promise<User | undefined> {
  return (await listUsers(sql, communeCode, [id]))[0];
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  mustChangePassword: boolean;
  villageIds: string[];
  createdBy?: string;
}

async function setVillages(sql: Sql, communeCode: string, userId: string, villageIds: string[]) {
  await assertVillagesExist(sql, communeCode, villageIds);
  await sql.query('DELETE FROM user_villages WHERE commune_code = $1 AND user_id = $2', [
    communeCode,
    userId,
  ]);
  for (const villageId of new Set(villageIds)) {
    await sql.query(
      'INSERT INTO user_villages (commune_code, user_id, village_id) VALUES ($1, $2, $3)',
      [communeCode, userId, villageId],
    );
  }
}

/** Creates an account inside the caller's transaction; `username_taken` when the name is in use. */
export async function insertUser(tx: Sql, communeCode: string, input: NewUser): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const taken = await tx.query(
    'INSERT INTO usernames (username, commune_code, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
    [username, communeCode, id],
  );
  if (taken.length === 0) throw new HttpError('username_taken');
  await tx.query(
    `INSERT INTO users (commune_code, id, username, display_name, role, password_hash,
                        must_change_password, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      communeCode,
      id,
      username,
      input.displayName,
      input.role,
      passwordHash,
      input.mustChangePassword,
      input.createdBy ?? null,
    ],
  );
  await setVillages(tx, communeCode, id, input.villageIds);
  return (await getUser(tx, communeCode, id)) as User;
}

/** Creates an account in one transaction. */
export function createUser(store: Store, communeCode: string, input: NewUser): Promise<User> {
  return store.transaction((tx) => insertUser(tx, communeCode, input));
}

export interface UserPatch {
  displayName?: string | undefined;
  role?: Role | undefined;
  villageIds?: string[] | undefined;
  disabled?: boolean | undefined;
  /** A new password that the user must change at next login. */
  temporaryPassword?: string | undefined;
}

/**
 * Applies a manager's edit; a reset password or disabling ends every session of the user (devices
 * keep their data).
 */
export async function updateUser(
  store: Store,
  communeCode: string,
  id: string,
  patch: UserPatch,
  now: number,
): Promise<User> {
  const hash = patch.temporaryPassword ? await hashPassword(patch.temporaryPassword) : null;
  await store.transaction(async (tx) => {
    const rows = await tx.query<{ username: string }>(
      `UPDATE users SET display_name = coalesce($3, display_name), role = coalesce($4, role),
              disabled = coalesce($5, disabled), password_hash = coalesce($6, password_hash),
              must_change_password = must_change_password OR $6 IS NOT NULL,
              password_version = password_version
                + CASE WHEN $6 IS NULL AND $5::boolean IS NOT TRUE THEN 0 ELSE 1 END
        WHERE commune_code = $1 AND id = $2 RETURNING username`,
      [
        communeCode,
        id,
        patch.displayName ?? null,
        patch.role ?? null,
        patch.disabled ?? null,
        hash,
      ],
    );
    const row = rows[0];
    if (!row) throw new HttpError('not_found');
    // Disabling ends every session for good (and, by the password generation, a login still in
    // flight): enabling the account again does not bring a lost phone's token back.
    if (hash || patch.disabled === true) await endSessions(tx, communeCode, id, now);
    if (hash) await forgiveLoginTries(tx, row.username, now);
    if (patch.villageIds) await setVillages(tx, communeCode, id, patch.villageIds);
  });
  return (await getUser(store, communeCode, id)) as User;
}

/** The user's own new password: every other device of theirs must log in again. */
export async function setPassword(
  store: Store,
  communeCode: string,
  id: string,
  password: string,
  by: { deviceId: string; now: number },
) {
  const hash = await hashPassword(password);
  await store.transaction(async (tx) => {
    const rows = await tx.query<{ username: string; password_version: number }>(
      `UPDATE users SET password_hash = $3, must_change_password = false,
              password_version = password_version + 1
        WHERE commune_code = $1 AND id = $2 RETURNING username, password_version`,
      [communeCode, id, hash],
    );
    const row = rows[0];
    if (!row) throw new HttpError('not_found');
    await endSessions(tx, communeCode, id, by.now, {
      deviceId: by.deviceId,
      passwordVersion: row.password_version,
    });
    await forgiveLoginTries(tx, row.username, by.now);
  });
}
