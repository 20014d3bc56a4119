import { expect } from 'vitest';
import { z } from 'zod';
import {
  communeSchema,
  deviceSchema,
  healthSchema,
  loginResponseSchema,
  meSchema,
  userSchema,
  villageSchema,
  VILLAGE_KINDS,
  type ErrorCode,
} from '../../src/protocol';
import { TEST_PASSWORD } from '../support/accounts';
import {
  CALLERS,
  devicesVisibleTo,
  scopeOf,
  SESSION_ENDED,
  USERNAME,
  usersVisibleTo,
  villagesOfCommune,
  type Caller,
  type Identity,
  type Token,
  type World,
} from './authzMatrixWorld';

/**
 * The matrix's rows: one or more per route (`route` is the route as Fastify registers it), each
 * with the outcome for every caller and, for a success, what its body must hold. A row that can
 * change something reads that state before and after: a refusal must leave it as it was.
 */

/** A success status, or the error code of a refusal. */
export type Outcome = number | ErrorCode;

export interface Prepared {
  url: string;
  payload?: Record<string, unknown>;
  /** The value this case sends (a name, an id…), for the checks. */
  value?: string;
  opId?: string;
}

export interface Case extends Token {
  w: World;
  caller: Caller;
  prep: Prepared;
}

export interface Row {
  route: string;
  name: string;
  prepare: (c: Omit<Case, 'prep'>) => Prepared | Promise<Prepared>;
  expect: Record<Caller, Outcome>;
  /** Checks a success's body: exactly what this caller may see. */
  content?: (body: unknown, c: Case) => void | Promise<void>;
  /** State the request may change, read before and after it. */
  state?: (c: Case) => Promise<unknown>;
  /** Whether this case must change the state (default: when it succeeds). */
  changes?: (c: Case) => boolean;
  changed?: (after: unknown, c: Case, before: unknown) => void;
  /** More strings of village A this case's answer may carry only to those who may read them. */
  secrets?: (c: Case) => string[];
  /** Whose view the answer is when it does not depend on the token (a login): leak checks. */
  answersAs?: Caller;
  /** A HEAD request: no body at all. */
  head?: boolean;
}

export const open = (o: Outcome) =>
  Object.fromEntries(CALLERS.map((c) => [c, o])) as Record<Caller, Outcome>;

type Roles = Pick<
  Record<Caller, Outcome>,
  'volunteer' | 'volunteerB' | 'leader' | 'leaderB' | 'officer' | 'otherCommune'
>;

/** A route that needs a valid token: the refusals of callers without one are the same everywhere. */
export function guarded(roles: Roles, temp: Outcome = 'password_change_required') {
  return {
    none: 'unauthenticated',
    tampered: 'token_invalid',
    revoked: 'device_revoked',
    disabled: 'device_revoked',
    passwordChanged: SESSION_ENDED,
    temp,
    ...roles,
  } satisfies Record<Caller, Outcome>;
}

/** The same outcome for both volunteers, both leaders, and both communes' officers. */
export const byRole = (volunteer: Outcome, leader: Outcome, officer: Outcome, temp?: Outcome) =>
  guarded(
    { volunteer, volunteerB: volunteer, leader, leaderB: leader, officer, otherCommune: officer },
    temp,
  );

export function me(c: { who?: Identity }): Identity {
  if (!c.who) throw new Error('this caller has no account');
  return c.who;
}

const sortedIds = (list: { id: string }[]) => list.map((x) => x.id).sort();
const exactUser = z.strictObject(userSchema.shape);
const exactVillage = z.strictObject(villageSchema.shape);
const phone = (w: World) => `09${String(10_000_000 + ++w.n).slice(-8)}`;
const single = async (w: World, sql: string, params: unknown[]) =>
  (await w.t.store.query<{ v: unknown }>(sql, params)).map((r) => r.v);

const deviceRevoked = (c: Case) =>
  single(c.w, 'SELECT revoked_at IS NOT NULL AS v FROM devices WHERE id = $1', [c.prep.value]);
const usernameIn = (c: Case) =>
  single(c.w, 'SELECT commune_code AS v FROM usernames WHERE username = $1', [c.prep.value]);
const devicesOfUser = (w: World, username: string) =>
  single(
    w,
    `SELECT count(*)::int AS v FROM devices d JOIN users u
        ON u.commune_code = d.commune_code AND u.id = d.user_id WHERE u.username = $1`,
    [username],
  );

function login(name: string, username: string, password: string, outcome: Outcome): Row {
  return {
    // The token sent along does not matter: the answer is the account's that logged in.
    answersAs: 'volunteer',
    route: 'POST /api/auth/login',
    name: `POST /api/auth/login (${name})`,
    prepare: () => ({ url: '/api/auth/login', payload: { username, password, deviceName: 'Máy' } }),
    expect: open(outcome),
    state: (c) => devicesOfUser(c.w, username),
    // A login adds one device; a refused one none.
    changed: (after, _c, before) => expect(after).toEqual([Number((before as unknown[])[0]) + 1]),
    content: (body, c) => {
      const res = z.strictObject(loginResponseSchema.shape).parse(body);
      expect(res.token.startsWith(`tn1.${c.w.a.communeCode}.`)).toBe(true);
      expect(res.user.username).toBe(username);
      expect(res.villages.map((v) => v.id)).toEqual([c.w.dong]);
    },
  };
}

function patchUser(name: string, target: string, expectation: Record<Caller, Outcome>): Row {
  return {
    route: 'PATCH /api/users/:id',
    name: `PATCH /api/users/:id (${name})`,
    prepare: ({ w }) => {
      const value = `Tên thử ${++w.n}`;
      return { url: `/api/users/${w.a.users[target]}`, payload: { displayName: value }, value };
    },
    expect: expectation,
    state: async (c) =>
      single(c.w, 'SELECT display_name AS v FROM users WHERE id = $1', [c.w.a.users[target]]),
    changed: (after, c) => expect(after).toEqual([c.prep.value]),
    content: (body, c) => {
      const { user } = z.strictObject({ user: exactUser }).parse(body);
      expect(user).toMatchObject({ id: c.w.a.users[target], displayName: c.prep.value });
    },
  };
}

function createUser(
  name: string,
  role: 'volunteer' | 'leader',
  village: 'dong' | 'tay' | null,
  expectation: Record<Caller, Outcome>,
): Row {
  return {
    route: 'POST /api/users',
    name: `POST /api/users (${name})`,
    prepare: ({ w }) => {
      const value = role === 'volunteer' ? phone(w) : `totruong${++w.n}`;
      const villageIds = village ? [w[village]] : [];
      return {
        url: '/api/users',
        payload: { username: value, displayName: name, role, villageIds },
        value,
      };
    },
    expect: expectation,
    state: usernameIn,
    changed: (after, c) => expect(after).toEqual([me(c).commune.communeCode]),
    content: (body, c) => {
      const res = z
        .strictObject({ user: exactUser, temporaryPassword: z.string().min(8) })
        .parse(body);
      expect(res.user).toMatchObject({
        username: c.prep.value,
        role,
        villageIds: village ? [c.w[village]] : [],
        mustChangePassword: true,
        disabled: false,
      });
    },
  };
}

function revoke(name: string, owner: string, expectation: Record<Caller, Outcome>): Row {
  return {
    route: 'POST /api/devices/:id/revoke',
    name: `POST /api/devices/:id/revoke (${name})`,
    prepare: async ({ w }) => {
      const { deviceId } = await w.freshDevice(owner);
      return { url: `/api/devices/${deviceId}/revoke`, value: deviceId };
    },
    expect: expectation,
    state: deviceRevoked,
    changed: (after) => expect(after).toEqual([true]),
    content: (body) => expect(body).toEqual({ ok: true }),
  };
}

export const ACCOUNT_ROWS: Row[] = [
  {
    route: 'GET /api/health',
    name: 'GET /api/health',
    prepare: () => ({ url: '/api/health' }),
    expect: open(200),
    content: (body, c) =>
      expect(z.strictObject(healthSchema.shape).parse(body).database).toBe(c.w.kind),
  },
  {
    route: 'GET /api/setup',
    name: 'GET /api/setup',
    prepare: () => ({ url: '/api/setup' }),
    expect: open(200),
    content: (body) => expect(body).toEqual({ needsSetup: false }),
  },
  {
    route: 'GET /api/communes',
    name: 'GET /api/communes',
    prepare: () => ({ url: '/api/communes?q=ha' }),
    expect: open(200),
    content: (body) => {
      const exact = z.strictObject({ communes: z.array(z.strictObject(communeSchema.shape)) });
      expect(exact.parse(body).communes.length).toBeGreaterThan(0);
    },
  },
  {
    route: 'POST /api/setup',
    name: 'POST /api/setup (already set up)',
    prepare: () => ({
      url: '/api/setup',
      payload: {
        communeCode: '00004',
        officer: { username: 'chiem', displayName: 'Chiếm', password: 'mat-khau-dai-qua' },
      },
    }),
    expect: open('already_set_up'),
    state: (c) =>
      single(c.w, "SELECT count(*)::int AS v FROM usernames WHERE username = 'chiem'", []),
  },
  login('an unknown account', 'khong.co.ai', 'mat-khau-bat-ky', 'invalid_credentials'),
  login('a volunteer, right password', USERNAME.volunteer, TEST_PASSWORD, 200),
  login('a disabled account', USERNAME.disabled, TEST_PASSWORD, 'invalid_credentials'),
  // One wrong password per caller, each from its own address: 12 stay under the account's
  // guessing limit (loginGuard's PER_ACCOUNT), so the answer stays `invalid_credentials`.
  login(
    'the password before a change',
    USERNAME.passwordChanged,
    TEST_PASSWORD,
    'invalid_credentials',
  ),
  {
    route: 'GET /api/me',
    name: 'GET /api/me',
    prepare: () => ({ url: '/api/me' }),
    expect: byRole(200, 200, 200, 200),
    content: async (body, c) => {
      const who = me(c);
      const res = z.strictObject(meSchema.shape).parse(body);
      expect(res.deviceId).toBe(c.deviceId);
      expect(res.user).toMatchObject({ id: who.userId, username: who.username, role: who.role });
      expect(res.user.mustChangePassword).toBe(c.caller === 'temp');
      expect(res.commune.code).toBe(who.commune.communeCode);
      expect(sortedIds(res.villages)).toEqual(await scopeOf(c.w, who));
    },
  },
  {
    route: 'POST /api/auth/password',
    name: 'POST /api/auth/password (wrong current)',
    prepare: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'khong-phai', newPassword: 'mat-khau-moi-dai' },
    }),
    expect: byRole(
      'current_password_wrong',
      'current_password_wrong',
      'current_password_wrong',
      'current_password_wrong',
    ),
    state: async (c) =>
      c.who
        ? single(c.w, 'SELECT password_hash AS v FROM users WHERE id = $1', [c.who.userId])
        : null,
  },
  {
    route: 'POST /api/auth/logout',
    name: 'POST /api/auth/logout',
    prepare: () => ({ url: '/api/auth/logout' }),
    expect: byRole(200, 200, 200, 200),
    state: async (c) =>
      c.deviceId
        ? single(c.w, 'SELECT revoked_at IS NOT NULL AS v FROM devices WHERE id = $1', [c.deviceId])
        : null,
    changed: (after) => expect(after).toEqual([true]),
    content: (body) => expect(body).toEqual({ ok: true }),
  },
  {
    route: 'GET /api/villages',
    name: 'GET /api/villages',
    prepare: () => ({ url: '/api/villages' }),
    expect: byRole(200, 200, 200),
    content: async (body, c) => {
      const who = me(c);
      const { villages } = z.strictObject({ villages: z.array(exactVillage) }).parse(body);
      const truth =
        who.role === 'officer'
          ? await villagesOfCommune(c.w, who.commune)
          : await scopeOf(c.w, who);
      expect(sortedIds(villages)).toEqual(truth);
      if (c.caller === 'volunteer' || c.caller === 'leader')
        expect(villages.map((v) => v.name)).toEqual(['Thôn Đông']);
      if (c.caller === 'volunteerB' || c.caller === 'leaderB')
        expect(villages.map((v) => v.name)).toEqual(['Thôn Tây']);
    },
  },
  {
    route: 'POST /api/villages',
    name: 'POST /api/villages',
    prepare: ({ w }) => {
      const value = `Xóm mới ${++w.n}`;
      return { url: '/api/villages', payload: { name: value, kind: 'xom' }, value };
    },
    expect: byRole('forbidden', 'forbidden', 201),
    state: (c) =>
      single(c.w, 'SELECT commune_code AS v FROM villages WHERE name = $1', [c.prep.value]),
    changed: (after, c) => expect(after).toEqual([me(c).commune.communeCode]),
    content: (body, c) => {
      const { village } = z.strictObject({ village: exactVillage }).parse(body);
      expect(village).toMatchObject({ name: c.prep.value, kind: 'xom', archived: false });
    },
  },
  {
    route: 'PATCH /api/villages/:id',
    name: 'PATCH /api/villages/:id (Thôn Đông)',
    prepare: async ({ w }) => {
      const [kind] = await single(w, 'SELECT kind AS v FROM villages WHERE id = $1', [w.dong]);
      const others = VILLAGE_KINDS.filter((k) => k !== kind);
      const value = others[++w.n % others.length] as string;
      return { url: `/api/villages/${w.dong}`, payload: { kind: value }, value };
    },
    expect: guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 'forbidden',
      leaderB: 'forbidden',
      officer: 200,
      otherCommune: 'not_found',
    }),
    state: (c) => single(c.w, 'SELECT kind AS v FROM villages WHERE id = $1', [c.w.dong]),
    changed: (after, c) => expect(after).toEqual([c.prep.value]),
    content: (body, c) => {
      const { village } = z.strictObject({ village: exactVillage }).parse(body);
      expect(village).toEqual({
        id: c.w.dong,
        name: 'Thôn Đông',
        kind: c.prep.value,
        archived: false,
      });
    },
  },
  {
    route: 'GET /api/users',
    name: 'GET /api/users',
    prepare: () => ({ url: '/api/users' }),
    expect: byRole('forbidden', 200, 200),
    content: async (body, c) => {
      const { users } = z.strictObject({ users: z.array(exactUser) }).parse(body);
      expect(sortedIds(users)).toEqual(await usersVisibleTo(c.w, me(c)));
      const names = users.map((u) => u.username);
      if (c.caller === 'leader') {
        expect(names).toContain(USERNAME.volunteer);
        expect(names).not.toContain(USERNAME.volunteerB);
        expect(names).not.toContain(USERNAME.officer);
      }
      if (c.caller === 'leaderB') {
        expect(names).toContain(USERNAME.volunteerB);
        expect(names).not.toContain(USERNAME.volunteer);
      }
    },
  },
  createUser(
    'a volunteer of Thôn Đông',
    'volunteer',
    'dong',
    guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 201,
      leaderB: 'out_of_scope',
      officer: 201,
      otherCommune: 'out_of_scope',
    }),
  ),
  createUser(
    'a volunteer of Thôn Tây',
    'volunteer',
    'tay',
    guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 'out_of_scope',
      leaderB: 201,
      officer: 201,
      otherCommune: 'out_of_scope',
    }),
  ),
  createUser('a leader', 'leader', null, byRole('forbidden', 'forbidden', 201)),
  patchUser(
    'a volunteer of Thôn Đông',
    USERNAME.volunteer,
    guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 200,
      leaderB: 'out_of_scope',
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
  patchUser(
    'a volunteer of Thôn Tây',
    USERNAME.volunteerB,
    guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 'out_of_scope',
      leaderB: 200,
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
  patchUser(
    'the officer',
    USERNAME.officer,
    guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 'out_of_scope',
      leaderB: 'out_of_scope',
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
  {
    route: 'GET /api/devices',
    name: 'GET /api/devices',
    prepare: () => ({ url: '/api/devices' }),
    expect: byRole(200, 200, 200),
    content: async (body, c) => {
      const exact = z.strictObject({ devices: z.array(z.strictObject(deviceSchema.shape)) });
      const { devices } = exact.parse(body);
      expect(sortedIds(devices)).toEqual(await devicesVisibleTo(c.w, me(c)));
      expect(devices.filter((d) => d.current).map((d) => d.id)).toEqual([c.deviceId]);
      if (c.caller === 'volunteer' || c.caller === 'volunteerB')
        expect(new Set(devices.map((d) => d.user.username))).toEqual(new Set([me(c).username]));
    },
  },
  // A volunteer may cut off their own lost phone.
  revoke(
    'a volunteer of Thôn Đông',
    USERNAME.volunteer,
    guarded({
      volunteer: 200,
      volunteerB: 'out_of_scope',
      leader: 200,
      leaderB: 'out_of_scope',
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
  revoke(
    'a volunteer of Thôn Tây',
    USERNAME.volunteerB,
    guarded({
      volunteer: 'out_of_scope',
      volunteerB: 200,
      leader: 'out_of_scope',
      leaderB: 200,
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
  revoke(
    'the officer',
    USERNAME.officer,
    guarded({
      volunteer: 'out_of_scope',
      volunteerB: 'out_of_scope',
      leader: 'out_of_scope',
      leaderB: 'out_of_scope',
      officer: 200,
      otherCommune: 'not_found',
    }),
  ),
];
