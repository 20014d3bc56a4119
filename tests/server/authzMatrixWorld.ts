import { expect } from 'vitest';
import { createDevice, revokeDevice } from '../../src/server/accounts/devices';
import type { ErrorCode } from '../../src/protocol';
import type { DatabaseKind } from '../../src/server/store/store';
import { OTHER_COMMUNE, seedCommune, TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import type { TestApp } from '../support/accountsApp';
import { clockAt, op, syncApi, uuid } from '../support/sync';

/**
 * The one world the authorization matrix runs in (per database kind), the callers it tries, and
 * the ground truth of what each caller may see, read straight from the database.
 *
 * Commune A (Xã Hòa Lạc) has two villages: Thôn Đông ("village A", where the data under test
 * lives) and Thôn Tây ("village B"). Commune B (Phường Hoàn Kiếm) is another commune.
 */
export const CALLERS = [
  'none',
  'tampered',
  'revoked',
  'disabled',
  'passwordChanged',
  'temp',
  'otherCommune',
  'volunteerB',
  'leaderB',
  'volunteer',
  'leader',
  'officer',
] as const;
export type Caller = (typeof CALLERS)[number];

/** The callers who may read Thôn Đông's households. */
export const SEES_VILLAGE_A: ReadonlySet<Caller> = new Set<Caller>([
  'volunteer',
  'leader',
  'officer',
]);

/** A device token once its account's password was changed on another device (status 401). */
export const SESSION_ENDED = 'session_expired' satisfies ErrorCode;

/** The account behind each caller that has one (commune A unless said otherwise). */
export const USERNAME = {
  officer: 'canbo',
  leader: 'totruong',
  volunteer: '0911111111',
  leaderB: 'totruong.tay',
  volunteerB: '0922222222',
  temp: '0933333333',
  disabled: '0966666666',
  passwordChanged: '0977777777',
  otherCommune: 'canbo.b',
} as const satisfies Partial<Record<Caller, string>>;

/** Village A's data, distinctive enough to be searched for in any raw response. */
export const SECRET = {
  headName: 'Hoàng Thị Mật KX7Q',
  phone: '0987650001',
  memberName: 'Vũ Văn Riêng KX7R',
  marker: 'KX7',
};
export const SKILL_TITLE = 'Kỹ năng riêng của xã Hòa Lạc QZ9';
export const NEW_PASSWORD = 'mat-khau-moi-tu-may-thu-hai';

export interface Identity {
  username: string;
  role: 'volunteer' | 'leader' | 'officer';
  commune: SeededCommune;
  userId: string;
}

export interface Token {
  token?: string;
  deviceId?: string;
  who?: Identity;
}

export interface World {
  t: TestApp;
  kind: DatabaseKind;
  a: SeededCommune;
  b: SeededCommune;
  /** Thôn Đông (village A) and Thôn Tây (village B) of commune A. */
  dong: string;
  tay: string;
  householdId: string;
  memberId: string;
  skillId: string;
  n: number;
  /** A fresh device of `username` (commune A unless said otherwise). */
  freshDevice(
    username: string,
    commune?: SeededCommune,
  ): Promise<{ deviceId: string; token: string }>;
  /** Devices logged in before their account was disabled / had its password changed, one a case. */
  spare: Record<'disabled' | 'passwordChanged', { deviceId: string; token: string }[]>;
  /** A client address of its own for each case, so no per-address rate limit is reached. */
  ip(): string;
}

/** Seeds the world: accounts, village A's household, a commune-wide skill, and the two events. */
export async function seedWorld(t: TestApp, kind: DatabaseKind, spares: number): Promise<World> {
  const a = await seedCommune(t.store, {
    villages: ['Thôn Đông', 'Thôn Tây'],
    users: [
      { username: USERNAME.officer, role: 'officer' },
      { username: USERNAME.leader, role: 'leader', villages: ['Thôn Đông'] },
      { username: USERNAME.leaderB, role: 'leader', villages: ['Thôn Tây'] },
      { username: USERNAME.volunteer, role: 'volunteer', villages: ['Thôn Đông'] },
      { username: USERNAME.volunteerB, role: 'volunteer', villages: ['Thôn Tây'] },
      {
        username: USERNAME.temp,
        role: 'volunteer',
        villages: ['Thôn Đông'],
        mustChangePassword: true,
      },
      { username: USERNAME.disabled, role: 'volunteer', villages: ['Thôn Đông'] },
      { username: USERNAME.passwordChanged, role: 'volunteer', villages: ['Thôn Đông'] },
    ],
  });
  const b = await seedCommune(t.store, {
    code: OTHER_COMMUNE,
    villages: ['Tổ dân phố 1'],
    users: [
      { username: USERNAME.otherCommune, role: 'officer' },
      { username: '0944444444', role: 'volunteer', villages: ['Tổ dân phố 1'] },
    ],
  });
  const dong = a.villages['Thôn Đông'] as string;
  const tay = a.villages['Thôn Tây'] as string;
  const householdId = uuid();
  const memberId = uuid();
  const skillId = uuid();
  const at = clockAt(t.clock.now - 60_000, 'seed');
  const seeded = await syncApi(t.app, a.tokens[USERNAME.officer] as string).push([
    op(
      'household',
      householdId,
      {
        villageId: dong,
        headName: SECRET.headName,
        phone: SECRET.phone,
        address: 'Số 1',
        status: 'active',
      },
      at,
    ),
    op('member', memberId, { householdId, villageId: dong, name: SECRET.memberName }, at),
    op('household', uuid(), { villageId: tay, headName: 'Đỗ Văn Tây', status: 'active' }, at),
    op('skill', skillId, { code: 'QZ9', title: SKILL_TITLE }, at),
  ]);
  expect(seeded.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  const seededB = await syncApi(t.app, b.tokens[USERNAME.otherCommune] as string).push([
    op(
      'household',
      uuid(),
      {
        villageId: b.villages['Tổ dân phố 1'],
        headName: 'Ngô Thị Phường',
        status: 'active',
      },
      at,
    ),
  ]);
  expect(seededB.results[0]?.status).toBe('applied');

  const freshDevice = (username: string, commune = a) => {
    const userId = commune.users[username];
    if (!userId) throw new Error(username);
    return createDevice(t.store, commune.communeCode, userId, 'Máy thử');
  };
  // Logged in a minute before either event, as phones that were in use.
  const before = t.clock.now - 60_000;
  const spareOf = (username: string) =>
    Promise.all(
      Array.from({ length: spares }, () =>
        createDevice(t.store, a.communeCode, a.users[username] as string, 'Máy cũ', before),
      ),
    );
  const spare = {
    disabled: await spareOf(USERNAME.disabled),
    passwordChanged: await spareOf(USERNAME.passwordChanged),
  };
  let addresses = 0;
  const w: World = {
    t,
    kind,
    a,
    b,
    dong,
    tay,
    householdId,
    memberId,
    skillId,
    n: 0,
    freshDevice,
    spare,
    ip: () => {
      const n = ++addresses;
      return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    },
  };

  // The officer disables an account; its user changes the password on a second phone.
  const disabled = await t.call({
    method: 'PATCH',
    url: `/api/users/${a.users[USERNAME.disabled]}`,
    token: a.tokens[USERNAME.officer],
    payload: { disabled: true },
  });
  expect(disabled.statusCode, disabled.body).toBe(200);
  expect(disabled.json().user.disabled).toBe(true);
  const second = await freshDevice(USERNAME.passwordChanged);
  const changed = await t.call({
    method: 'POST',
    url: '/api/auth/password',
    token: second.token,
    payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
  });
  expect(changed.statusCode, changed.body).toBe(200);
  // The phone it was changed on stays logged in; only the others end (the passwordChanged caller).
  const still = await t.call({ method: 'GET', url: '/api/me', token: second.token });
  expect(still.statusCode, still.body).toBe(200);
  return w;
}

const IDENTITY: Record<keyof typeof USERNAME, Identity['role']> = {
  officer: 'officer',
  leader: 'leader',
  volunteer: 'volunteer',
  leaderB: 'leader',
  volunteerB: 'volunteer',
  temp: 'volunteer',
  disabled: 'volunteer',
  passwordChanged: 'volunteer',
  otherCommune: 'officer',
};

export function identityOf(w: World, caller: keyof typeof USERNAME): Identity {
  const username = USERNAME[caller];
  const commune = caller === 'otherCommune' ? w.b : w.a;
  return { username, role: IDENTITY[caller], commune, userId: commune.users[username] as string };
}

/** A token for the caller, fresh for this case. */
export async function tokenOf(w: World, caller: Caller): Promise<Token> {
  switch (caller) {
    case 'none':
      return {};
    case 'tampered': {
      const { token } = await w.freshDevice(USERNAME.officer);
      return { token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') };
    }
    case 'revoked': {
      const d = await w.freshDevice(USERNAME.officer);
      await revokeDevice(w.t.store, w.a.communeCode, d.deviceId, w.a.users[USERNAME.officer] ?? '');
      return d;
    }
    case 'disabled':
    case 'passwordChanged': {
      const d = w.spare[caller].pop();
      if (!d) throw new Error(`no spare device left for ${caller}`);
      return { ...d, who: identityOf(w, caller) };
    }
    default: {
      const who = identityOf(w, caller);
      return { ...(await w.freshDevice(who.username, who.commune)), who };
    }
  }
}

/* The ground truth, straight from the tables (not through the server's own scope code). */

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

/** The villages the caller serves (officer: every village of the commune), archived ones left out. */
export async function scopeOf(w: World, who: Identity): Promise<string[]> {
  const sql =
    who.role === 'officer'
      ? 'SELECT id::text AS id FROM villages WHERE commune_code = $1 AND NOT archived'
      : `SELECT v.id::text AS id FROM user_villages uv
           JOIN villages v ON v.commune_code = uv.commune_code AND v.id = uv.village_id
          WHERE uv.commune_code = $1 AND uv.user_id = $2 AND NOT v.archived`;
  const params =
    who.role === 'officer' ? [who.commune.communeCode] : [who.commune.communeCode, who.userId];
  return ids(await w.t.store.query<{ id: string }>(sql, params));
}

/** Every village of a commune, archived ones too. */
export async function villagesOfCommune(w: World, commune: SeededCommune): Promise<string[]> {
  return ids(
    await w.t.store.query<{ id: string }>(
      'SELECT id::text AS id FROM villages WHERE commune_code = $1',
      [commune.communeCode],
    ),
  );
}

/** Accounts the caller manages: officer, the commune's; leader, themself and their villages' volunteers. */
export async function usersVisibleTo(w: World, who: Identity): Promise<string[]> {
  if (who.role === 'volunteer') return [who.userId];
  if (who.role === 'officer')
    return ids(
      await w.t.store.query<{ id: string }>(
        'SELECT id::text AS id FROM users WHERE commune_code = $1',
        [who.commune.communeCode],
      ),
    );
  return ids(
    await w.t.store.query<{ id: string }>(
      `SELECT u.id::text AS id FROM users u
        WHERE u.commune_code = $1
          AND (u.id = $2 OR (u.role = 'volunteer' AND EXISTS (
                SELECT 1 FROM user_villages mine JOIN user_villages theirs
                    ON theirs.commune_code = mine.commune_code AND theirs.village_id = mine.village_id
                 WHERE mine.commune_code = $1 AND mine.user_id = $2 AND theirs.user_id = u.id)))`,
      [who.commune.communeCode, who.userId],
    ),
  );
}

export async function devicesVisibleTo(w: World, who: Identity): Promise<string[]> {
  const users = await usersVisibleTo(w, who);
  return ids(
    await w.t.store.query<{ id: string }>(
      'SELECT id::text AS id FROM devices WHERE commune_code = $1 AND user_id = ANY($2::uuid[])',
      [who.commune.communeCode, users],
    ),
  );
}

/** `entity:id` of every record in the villages (plus the commune-wide ones). */
export async function recordsIn(w: World, commune: SeededCommune, villages: string[]) {
  const rows = await w.t.store.query<{ id: string }>(
    `SELECT entity || ':' || id::text AS id FROM records
      WHERE commune_code = $1 AND (village_id IS NULL OR village_id = ANY($2::uuid[]))`,
    [commune.communeCode, villages],
  );
  return ids(rows);
}

/** `entity:id` of the records that left the villages (a move), as their devices learn it. */
export async function departuresFrom(w: World, commune: SeededCommune, villages: string[]) {
  const [table] = await w.t.store.query<{ t: string | null }>(
    "SELECT to_regclass('record_departures')::text AS t",
  );
  if (!table?.t) return [];
  const rows = await w.t.store.query<{ id: string }>(
    `SELECT DISTINCT entity || ':' || id::text AS id FROM record_departures
      WHERE commune_code = $1 AND village_id = ANY($2::uuid[])`,
    [commune.communeCode, villages],
  );
  return ids(rows);
}

/** Live households in the villages (all of the commune when `villages` is null). */
export async function householdsIn(
  w: World,
  commune: SeededCommune,
  villages: string[] | null,
): Promise<number> {
  const [row] = await w.t.store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM records
      WHERE commune_code = $1 AND entity = 'household'
        AND ($2::uuid[] IS NULL OR village_id = ANY($2::uuid[]))
        AND coalesce(data->>'deleted', 'false') <> 'true'
        AND coalesce(data->>'status', '') <> 'moved_away'`,
    [commune.communeCode, villages],
  );
  return Number(row?.n ?? 0);
}

/** The strings no one outside village A may ever receive; for another commune, A's ids too. */
export function forbiddenText(w: World, caller: Caller, refused: boolean): string[] {
  const own = SEES_VILLAGE_A.has(caller) && !refused;
  const villageA = own
    ? []
    : [SECRET.headName, SECRET.phone, SECRET.memberName, SECRET.marker, w.householdId, w.memberId];
  // Village B's volunteer and leader never even learn village A's id.
  if (caller === 'volunteerB' || caller === 'leaderB') return [...villageA, w.dong];
  if (caller !== 'otherCommune') return villageA;
  return [
    ...villageA,
    SKILL_TITLE,
    w.skillId,
    ...Object.values(w.a.villages),
    ...Object.values(w.a.users),
  ];
}
