import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, revokeDevice } from '../../src/server/accounts/devices';
import { OTHER_COMMUNE, seedCommune, type SeededCommune } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

/**
 * Every API route × every kind of caller → the expected status. Each case gets a fresh device
 * token for its caller, so a logout or a revoke never disturbs the next case.
 */
const CALLERS = [
  'none',
  'tampered',
  'revoked',
  'temp',
  'other',
  'volunteer',
  'leader',
  'officer',
] as const;
type Caller = (typeof CALLERS)[number];

interface World {
  a: SeededCommune;
  b: SeededCommune;
  /** A fresh device of `username` in commune A, for the case at hand. */
  freshDevice(
    username: string,
    commune?: SeededCommune,
  ): Promise<{ deviceId: string; token: string }>;
  n: number;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (w: World) => string | Promise<string>;
  body?: (w: World) => unknown;
  expect: Record<Caller, number>;
}

const open = (status: number) =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const guarded = (
  other: number,
  volunteer: number,
  leader: number,
  officer: number,
  temp = 403,
) => ({
  none: 401,
  tampered: 401,
  revoked: 401,
  temp,
  other,
  volunteer,
  leader,
  officer,
});

const phone = (w: World) => `09${String(10_000_000 + ++w.n).slice(-8)}`;

const ROWS: Row[] = [
  { name: 'GET /api/setup', method: 'GET', url: () => '/api/setup', expect: open(200) },
  { name: 'GET /api/communes', method: 'GET', url: () => '/api/communes?q=ha', expect: open(200) },
  {
    name: 'POST /api/setup (already set up)',
    method: 'POST',
    url: () => '/api/setup',
    body: () => ({
      communeCode: '00004',
      officer: { username: 'chiem', displayName: 'Chiếm', password: 'mat-khau-dai-qua' },
    }),
    expect: open(409),
  },
  {
    name: 'GET /api/me',
    method: 'GET',
    url: () => '/api/me',
    expect: guarded(200, 200, 200, 200, 200),
  },
  {
    name: 'POST /api/auth/password (wrong current)',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'khong-phai', newPassword: 'mat-khau-moi-dai' }),
    expect: guarded(403, 403, 403, 403, 403),
  },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    url: () => '/api/auth/logout',
    expect: guarded(200, 200, 200, 200, 200),
  },
  {
    name: 'GET /api/villages',
    method: 'GET',
    url: () => '/api/villages',
    expect: guarded(200, 200, 200, 200),
  },
  {
    name: 'POST /api/villages',
    method: 'POST',
    url: () => '/api/villages',
    body: (w) => ({ name: `Xóm mới ${++w.n}`, kind: 'xom' }),
    expect: guarded(201, 403, 403, 201),
  },
  {
    name: 'PATCH /api/villages/:id',
    method: 'PATCH',
    url: (w) => `/api/villages/${w.a.villages['Thôn Đông']}`,
    body: () => ({ kind: 'thon' }),
    expect: guarded(404, 403, 403, 200),
  },
  {
    name: 'GET /api/users',
    method: 'GET',
    url: () => '/api/users',
    expect: guarded(200, 403, 200, 200),
  },
  {
    name: 'POST /api/users (volunteer in the leader’s village)',
    method: 'POST',
    url: () => '/api/users',
    body: (w) => ({
      username: phone(w),
      displayName: 'Tình nguyện viên mới',
      role: 'volunteer',
      villageIds: [w.a.villages['Thôn Đông']],
    }),
    expect: guarded(403, 403, 201, 201),
  },
  {
    name: 'POST /api/users (volunteer in another village)',
    method: 'POST',
    url: () => '/api/users',
    body: (w) => ({
      username: phone(w),
      displayName: 'Ngoài phạm vi',
      role: 'volunteer',
      villageIds: [w.a.villages['Thôn Tây']],
    }),
    expect: guarded(403, 403, 403, 201),
  },
  {
    name: 'POST /api/users (a leader)',
    method: 'POST',
    url: () => '/api/users',
    body: (w) => ({
      username: `totruong${++w.n}`,
      displayName: 'Tổ trưởng',
      role: 'leader',
      villageIds: [],
    }),
    expect: guarded(201, 403, 403, 201),
  },
  {
    name: 'PATCH /api/users/:id (volunteer of the leader)',
    method: 'PATCH',
    url: (w) => `/api/users/${w.a.users['0911111111']}`,
    body: () => ({ displayName: 'Trần Văn Đông' }),
    expect: guarded(404, 403, 200, 200),
  },
  {
    name: 'PATCH /api/users/:id (volunteer of another village)',
    method: 'PATCH',
    url: (w) => `/api/users/${w.a.users['0922222222']}`,
    body: () => ({ displayName: 'Lê Thị Tây' }),
    expect: guarded(404, 403, 403, 200),
  },
  {
    name: 'PATCH /api/users/:id (the officer)',
    method: 'PATCH',
    url: (w) => `/api/users/${w.a.users['canbo']}`,
    body: () => ({ displayName: 'Cán bộ xã' }),
    expect: guarded(404, 403, 403, 200),
  },
  {
    name: 'GET /api/devices',
    method: 'GET',
    url: () => '/api/devices',
    expect: guarded(200, 200, 200, 200),
  },
  {
    // The volunteer caller is this volunteer: anyone may cut off their own lost phone.
    name: 'POST /api/devices/:id/revoke (a volunteer of the leader)',
    method: 'POST',
    url: async (w) => `/api/devices/${(await w.freshDevice('0911111111')).deviceId}/revoke`,
    expect: guarded(404, 200, 200, 200),
  },
  {
    name: 'POST /api/devices/:id/revoke (a volunteer of another village)',
    method: 'POST',
    url: async (w) => `/api/devices/${(await w.freshDevice('0922222222')).deviceId}/revoke`,
    expect: guarded(404, 403, 403, 200),
  },
  {
    name: 'POST /api/devices/:id/revoke (the officer)',
    method: 'POST',
    url: async (w) => `/api/devices/${(await w.freshDevice('canbo')).deviceId}/revoke`,
    expect: guarded(404, 403, 403, 200),
  },
];

describe.each(DATABASE_KINDS)('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const a = await seedCommune(t.store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: '0911111111', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: '0922222222', role: 'volunteer', villages: ['Thôn Tây'] },
        {
          username: '0933333333',
          role: 'volunteer',
          villages: ['Thôn Đông'],
          mustChangePassword: true,
        },
      ],
    });
    const b = await seedCommune(t.store, {
      code: OTHER_COMMUNE,
      villages: ['Tổ dân phố 1'],
      users: [
        { username: 'canbo.b', role: 'officer' },
        { username: '0944444444', role: 'volunteer', villages: ['Tổ dân phố 1'] },
      ],
    });
    w = {
      a,
      b,
      n: 0,
      freshDevice: (username, commune = a) => {
        const userId = commune.users[username];
        if (!userId) throw new Error(username);
        return createDevice(t.store, commune.communeCode, userId, 'Máy thử');
      },
    };
  });
  afterAll(() => t.close());

  async function tokenOf(caller: Caller): Promise<string | undefined> {
    switch (caller) {
      case 'none':
        return undefined;
      case 'tampered': {
        const token = (await w.freshDevice('canbo')).token;
        return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      }
      case 'revoked': {
        const d = await w.freshDevice('canbo');
        await revokeDevice(t.store, w.a.communeCode, d.deviceId, w.a.users['canbo'] as string);
        return d.token;
      }
      case 'temp':
        return (await w.freshDevice('0933333333')).token;
      case 'other':
        return (await w.freshDevice('canbo.b', w.b)).token;
      case 'volunteer':
        return (await w.freshDevice('0911111111')).token;
      case 'leader':
        return (await w.freshDevice('totruong')).token;
      case 'officer':
        return (await w.freshDevice('canbo')).token;
    }
  }

  const cases = ROWS.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row] as const));
  it.each(cases)('%s as %s', async (_name, caller, row) => {
    const token = await tokenOf(caller);
    const res = await t.call({
      method: row.method,
      url: await row.url(w),
      token,
      ...(row.body ? { payload: row.body(w) as Record<string, unknown> } : {}),
    });
    expect(res.statusCode, res.body).toBe(row.expect[caller]);
  });

  it('shows each caller only its own scope', async () => {
    const get = async (url: string, token: string) =>
      (await t.call({ method: 'GET', url, token })).json();
    const volunteer = (await w.freshDevice('0911111111')).token;
    const leader = (await w.freshDevice('totruong')).token;
    const other = (await w.freshDevice('canbo.b', w.b)).token;

    const names = (list: { name: string }[]) => list.map((v) => v.name);
    expect(names((await get('/api/villages', volunteer)).villages)).toEqual(['Thôn Đông']);
    expect(names((await get('/api/villages', other)).villages)).not.toContain('Thôn Đông');

    const leaderUsers: { username: string }[] = (await get('/api/users', leader)).users;
    const usernames = leaderUsers.map((u) => u.username);
    expect(usernames).toContain('0911111111');
    expect(usernames).not.toContain('0922222222');
    expect(usernames).not.toContain('canbo');
    const otherUsers: { username: string }[] = (await get('/api/users', other)).users;
    expect(otherUsers.map((u) => u.username).sort()).toEqual(
      expect.not.arrayContaining(['canbo', 'totruong', '0911111111']),
    );

    const owners = (list: { user: { username: string } }[]) =>
      new Set(list.map((d) => d.user.username));
    expect([...owners((await get('/api/devices', volunteer)).devices)]).toEqual(['0911111111']);
    const leaderSees = owners((await get('/api/devices', leader)).devices);
    expect(leaderSees.has('0922222222')).toBe(false);
    expect(leaderSees.has('0911111111')).toBe(true);
    const otherSees = owners((await get('/api/devices', other)).devices);
    expect(otherSees.has('canbo')).toBe(false);
  });

  it('refuses a token whose commune prefix was changed to another commune', async () => {
    const token = (await w.freshDevice('canbo')).token.replace(
      `tn1.${w.a.communeCode}.`,
      `tn1.${w.b.communeCode}.`,
    );
    const res = await t.call({ method: 'GET', url: '/api/me', token });
    expect(res.json().error.code).toBe('token_invalid');
  });
});
