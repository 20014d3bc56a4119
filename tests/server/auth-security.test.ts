import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginResponseSchema, userWithPasswordSchema } from '../../src/protocol';
import { PER_ACCOUNT, PER_ADDRESS } from '../../src/server/accounts/loginGuard';
import { burnPasswordTime, verifyPassword } from '../../src/server/accounts/password';
import type * as Passwords from '../../src/server/accounts/password';
import { readConfig } from '../../src/server/config';
import { TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import {
  LONE_VOLUNTEER,
  OFFICER_AND_VOLUNTEER,
  startSeededApp,
  startTestApp,
  VOLUNTEER,
  type TestApp,
} from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

// Counts every password hash the server checks (a right one, a wrong one, or the stand-in checked
// for an unknown name), without changing what they do.
vi.mock('../../src/server/accounts/password', async (importOriginal) => {
  const real = await importOriginal<typeof Passwords>();
  return {
    ...real,
    verifyPassword: vi.fn(real.verifyPassword),
    burnPasswordTime: vi.fn(real.burnPasswordTime),
  };
});
const hashesChecked = () =>
  vi.mocked(verifyPassword).mock.calls.length + vi.mocked(burnPasswordTime).mock.calls.length;

const NOBODY = '0999999999';
const WRONG = 'sai-mat-khau';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Answer = { status: number; code: string };

function answer(res: { statusCode: number; json(): unknown }): Answer {
  const body = res.json();
  const code =
    res.statusCode === 200
      ? 'ok'
      : String((body as { error?: { code?: unknown } }).error?.code ?? 'none');
  return { status: res.statusCode, code };
}

function loginAs(t: TestApp) {
  return async (password: string, opts: { username?: string; from?: string } = {}) =>
    answer(
      await t.call({
        method: 'POST',
        url: '/api/auth/login',
        headers: opts.from ? { 'x-forwarded-for': opts.from } : {},
        payload: { username: opts.username ?? VOLUNTEER, password, deviceName: 'Điện thoại' },
      }),
    );
}

describe.each(DATABASE_KINDS)('login guessing on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  let login: ReturnType<typeof loginAs>;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind));
    login = loginAs(t);
    vi.mocked(verifyPassword).mockClear();
    vi.mocked(burnPasswordTime).mockClear();
  });
  afterEach(() => t.close());

  // The per-address request limit (30 a minute) refuses a burst of 40 from one address outright,
  // so a burst from one address stays under it, and the 40 come from 40 addresses.
  it('25 wrong passwords sent at once from one address: only 5 are checked, then the right one waits', async () => {
    await Promise.all(Array.from({ length: 25 }, () => login(WRONG, { from: '198.51.100.7' })));
    expect(hashesChecked()).toBe(PER_ADDRESS.burst);
    expect(await login(TEST_PASSWORD, { from: '198.51.100.7' })).toEqual({
      status: 429,
      code: 'login_throttled',
    });
  });

  it('40 wrong passwords sent at once from 40 addresses: only 20 are checked, then the right one waits', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(WRONG, { from: `198.51.100.${i}` })),
    );
    expect(hashesChecked()).toBe(PER_ACCOUNT.burst);
    const codes = answers.map((a) => a.code);
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(PER_ACCOUNT.burst);
    expect(codes.filter((c) => c === 'login_throttled')).toHaveLength(40 - PER_ACCOUNT.burst);
    expect(await login(TEST_PASSWORD, { from: '198.51.100.99' })).toEqual({
      status: 429,
      code: 'login_throttled',
    });
  });

  it('the right password among 40 wrong ones sent at once gets in only within the limit', async () => {
    const passwords = Array.from({ length: 41 }, (_, i) => (i === 20 ? TEST_PASSWORD : WRONG));
    const answers = await Promise.all(
      passwords.map((p, i) => login(p, { from: `198.51.100.${i}` })),
    );
    // Every answer but "throttled" is a checked password. A right one gives its place back, so
    // at most the limit of wrong ones were checked, and the right one besides.
    expect(answers.filter((a) => a.code === 'invalid_credentials').length).toBeLessThanOrEqual(
      PER_ACCOUNT.burst,
    );
    expect(hashesChecked()).toBeLessThanOrEqual(PER_ACCOUNT.burst + 1);
    expect(['ok', 'login_throttled']).toContain(answers[20]?.code);
  });

  it('answers an unknown name exactly like an account, try after try, after the same work', async () => {
    const tries = async (username: string) => {
      vi.mocked(verifyPassword).mockClear();
      vi.mocked(burnPasswordTime).mockClear();
      const out: Answer[] = [];
      for (let i = 0; i < PER_ADDRESS.burst + 2; i++)
        out.push(await login(WRONG, { username, from: '203.0.113.9' }));
      return { answers: out, hashes: hashesChecked() };
    };
    const known = await tries(VOLUNTEER);
    const unknown = await tries(NOBODY);
    expect(unknown).toEqual(known);
    expect(known.answers.map((a) => a.code)).toEqual([
      ...Array(PER_ADDRESS.burst).fill('invalid_credentials'),
      'login_throttled',
      'login_throttled',
    ]);
    expect(known.hashes).toBe(PER_ADDRESS.burst);
  });

  it('someone guessing from elsewhere does not lock the owner out', async () => {
    for (let i = 0; i < PER_ADDRESS.burst + 3; i++) await login(WRONG, { from: '203.0.113.66' });
    expect((await login(TEST_PASSWORD, { from: '203.0.113.66' })).code).toBe('login_throttled');
    // The owner, at home, logs in at once.
    expect(await login(TEST_PASSWORD, { from: '192.0.2.10' })).toEqual({ status: 200, code: 'ok' });
    // The guesser gets one more try once a place has drained.
    t.clock.now += PER_ADDRESS.leakMs;
    expect((await login(WRONG, { from: '203.0.113.66' })).code).toBe('invalid_credentials');
    expect((await login(WRONG, { from: '203.0.113.66' })).code).toBe('login_throttled');
  });

  it('guessing from many addresses is held back per account; the owner still gets in from their own', async () => {
    // The owner has logged in from home before.
    expect((await login(TEST_PASSWORD, { from: '192.0.2.10' })).code).toBe('ok');
    const spread = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < PER_ACCOUNT.burst; i++)
        out.push((await login(WRONG, { username, from: `198.18.${i}.1` })).code);
      // A new address, even with the right password: the account takes no more guesses for now.
      out.push((await login(TEST_PASSWORD, { username, from: '198.19.0.1' })).code);
      return out;
    };
    const known = await spread(VOLUNTEER);
    expect(known).toEqual([
      ...Array(PER_ACCOUNT.burst).fill('invalid_credentials'),
      'login_throttled',
    ]);
    expect(await spread(NOBODY)).toEqual(known);
    expect(await login(TEST_PASSWORD, { from: '192.0.2.10' })).toEqual({ status: 200, code: 'ok' });
    // A guess from anywhere else waits for the account's bucket to drain: one per leakMs.
    t.clock.now += PER_ACCOUNT.leakMs;
    expect((await login(WRONG, { from: '198.19.0.2' })).code).toBe('invalid_credentials');
    expect((await login(WRONG, { from: '198.19.0.3' })).code).toBe('login_throttled');
  });

  it('a stolen token guesses the current password only within the login limits', async () => {
    const thief = '203.0.113.9';
    const change = (currentPassword: string) =>
      t
        .call({
          method: 'POST',
          url: '/api/auth/password',
          token: s.tokens[VOLUNTEER],
          headers: { 'x-forwarded-for': thief },
          payload: { currentPassword, newPassword: 'mat-khau-cua-ke-trom' },
        })
        .then(answer);
    // 9 wrong guesses (under the route's own 10 requests a minute): the address's bucket lets 5
    // be checked, as a login's would.
    const answers: Answer[] = [];
    for (let i = 0; i < 9; i++) answers.push(await change(WRONG));
    expect(hashesChecked()).toBe(PER_ADDRESS.burst);
    expect(answers.map((a) => a.code)).toEqual([
      ...Array.from({ length: PER_ADDRESS.burst }, () => 'current_password_wrong'),
      ...Array.from({ length: 9 - PER_ADDRESS.burst }, () => 'login_throttled'),
    ]);
    // The right password now waits too, and the owner's password is unchanged.
    expect(await change(TEST_PASSWORD)).toEqual({ status: 429, code: 'login_throttled' });
    expect((await login(TEST_PASSWORD, { from: '198.51.100.20' })).code).toBe('ok');
  });

  it('a reset password can be used at once, after the guessing that made the volunteer forget it', async () => {
    for (let i = 0; i < PER_ADDRESS.burst + 1; i++) await login(WRONG, { from: '192.0.2.44' });
    const reset = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users[VOLUNTEER]}`,
      token: s.tokens.canbo,
      payload: { resetPassword: true },
    });
    const temp = String(userWithPasswordSchema.parse(reset.json()).temporaryPassword);
    expect((await login(temp, { from: '192.0.2.44' })).code).toBe('ok');
  });
});

describe.each(DATABASE_KINDS)('client addresses on %s', (kind) => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  function logLines() {
    const lines: { req?: { remoteAddress?: string } }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    return { lines, logger: pino({ level: 'info' }, stream) };
  }

  it('with no proxy configured (the default), X-Forwarded-For neither escapes the limit nor the log', async () => {
    const log = logLines();
    t = await startTestApp(kind, { trustProxy: [], logger: log.logger });
    const login = loginAs(t);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push(
        (await login(WRONG, { username: `ai-do-${i}`, from: `203.0.113.${i}` })).status,
      );
    expect(statuses).toContain(429);
    const logged = new Set(
      log.lines.flatMap((l) => (l.req?.remoteAddress ? [l.req.remoteAddress] : [])),
    );
    expect([...logged]).toEqual(['127.0.0.1']);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const log = logLines();
    ({ t } = await startSeededApp(kind, LONE_VOLUNTEER, {
      trustProxy: ['127.0.0.1'],
      logger: log.logger,
    }));
    const login = loginAs(t);
    for (let i = 0; i < PER_ADDRESS.burst; i++) await login(WRONG, { from: '203.0.113.5' });
    expect((await login(WRONG, { from: '203.0.113.5' })).code).toBe('login_throttled');
    expect((await login(TEST_PASSWORD, { from: '192.0.2.10' })).code).toBe('ok');
    const logged = new Set(
      log.lines.flatMap((l) => (l.req?.remoteAddress ? [l.req.remoteAddress] : [])),
    );
    expect([...logged].sort()).toEqual(['192.0.2.10', '203.0.113.5']);
  });

  it('ignores X-Forwarded-For from an address that is not a configured proxy', async () => {
    ({ t } = await startSeededApp(kind, LONE_VOLUNTEER, { trustProxy: ['10.9.9.9'] }));
    const login = loginAs(t);
    for (let i = 0; i < PER_ADDRESS.burst; i++) await login(WRONG, { from: `203.0.113.${i}` });
    // Every try came from 127.0.0.1, whatever the header said.
    expect((await login(TEST_PASSWORD, { from: '192.0.2.10' })).code).toBe('login_throttled');
  });
});

describe('TRUST_PROXY and SESSION_IDLE_DAYS', () => {
  it('trusts no proxy and ends sessions after 90 unused days by default', () => {
    expect(readConfig({})).toMatchObject({ trustProxy: [], sessionIdleMs: 90 * DAY });
  });

  it('reads a list of addresses and CIDRs, and the idle days', () => {
    const config = readConfig({
      TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8 , loopback',
      SESSION_IDLE_DAYS: '30',
    });
    expect(config.trustProxy).toEqual(['10.0.0.5', '192.168.0.0/16', 'fd00::/8', 'loopback']);
    expect(config.sessionIdleMs).toBe(30 * DAY);
  });

  it.each([
    ['TRUST_PROXY', 'everyone'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1/8/1'],
    ['SESSION_IDLE_DAYS', 'ninety'],
    ['SESSION_IDLE_DAYS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(name);
  });
});

describe.each(DATABASE_KINDS)("a leader and another leader's volunteer on %s", (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: 'totruong.tay', role: 'leader', villages: ['Thôn Tây'] },
        {
          username: '0922222222',
          role: 'volunteer',
          villages: ['Thôn Đông', 'Thôn Tây'],
          displayName: 'Lê Thị Mai',
        },
        { username: '0911111111', role: 'volunteer', villages: ['Thôn Đông'] },
      ],
    }));
  });
  afterEach(() => t.close());

  const patch = (leader: string, user: string, payload: object) =>
    t.call({
      method: 'PATCH',
      url: `/api/users/${s.users[user]}`,
      token: s.tokens[leader],
      payload,
    });
  const stillWorks = async (username: string) => {
    const me = await t.call({ method: 'GET', url: '/api/me', token: s.tokens[username] });
    const login = await loginAs(t)(TEST_PASSWORD, { username, from: '192.0.2.20' });
    return { me: me.statusCode, login: login.code };
  };

  it('cannot take over the shared volunteer: no reset, no edit, no disabling, no revoking', async () => {
    for (const leader of ['totruong', 'totruong.tay']) {
      const reset = await patch(leader, '0922222222', { resetPassword: true });
      expect(reset.statusCode).toBe(403);
      expect(reset.json().error.code).toBe('out_of_scope');
      expect(reset.body).not.toContain('temporaryPassword');
      expect((await patch(leader, '0922222222', { displayName: 'Ai khác' })).statusCode).toBe(403);
      expect((await patch(leader, '0922222222', { disabled: true })).statusCode).toBe(403);
      const revoke = await t.call({
        method: 'POST',
        url: `/api/devices/${s.devices['0922222222']}/revoke`,
        token: s.tokens[leader],
      });
      expect(revoke.json().error.code).toBe('out_of_scope');
    }
    // The volunteer notices nothing: same password, same name, same device.
    expect(await stillWorks('0922222222')).toEqual({ me: 200, login: 'ok' });
    const users = await t.call({ method: 'GET', url: '/api/users', token: s.tokens.canbo });
    const mai = (
      users.json().users as { username: string; displayName: string; disabled: boolean }[]
    ).find((u) => u.username === '0922222222');
    expect(mai).toMatchObject({ displayName: 'Lê Thị Mai', disabled: false });
  });

  it('still lists the shared volunteer, but not their devices', async () => {
    const users = await t.call({ method: 'GET', url: '/api/users', token: s.tokens.totruong });
    expect(users.json().users.map((u: { username: string }) => u.username)).toContain('0922222222');
    const devices = await t.call({ method: 'GET', url: '/api/devices', token: s.tokens.totruong });
    const owners = devices
      .json()
      .devices.map((d: { user: { username: string } }) => d.user.username);
    expect(owners).toContain('0911111111');
    expect(owners).not.toContain('0922222222');
  });

  it("manages a volunteer whose every village is the leader's; the officer manages the shared one", async () => {
    const own = await patch('totruong', '0911111111', { resetPassword: true });
    const temp = String(userWithPasswordSchema.parse(own.json()).temporaryPassword);
    expect((await loginAs(t)(temp, { username: '0911111111' })).code).toBe('ok');
    const shared = await patch('canbo', '0922222222', { resetPassword: true });
    expect(userWithPasswordSchema.parse(shared.json()).temporaryPassword).toBeTruthy();
  });
});

describe.each(DATABASE_KINDS)('sessions that end on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind, {
      villages: OFFICER_AND_VOLUNTEER.villages,
      users: [
        ...OFFICER_AND_VOLUNTEER.users,
        { username: '0933333333', role: 'volunteer', villages: ['Thôn Đông'] },
      ],
    }));
  });
  afterEach(() => t.close());

  const phone = async (username = VOLUNTEER, password = TEST_PASSWORD) => {
    const res = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, deviceName: 'Điện thoại' },
    });
    return loginResponseSchema.parse(res.json()).token;
  };
  const me = async (token: string | undefined) => {
    const res = await t.call({ method: 'GET', url: '/api/me', token });
    return res.statusCode === 200 ? 'ok' : String(res.json().error.code);
  };
  const pull = async (token: string) => {
    const res = await t.call({ method: 'GET', url: '/api/sync/pull', token });
    return res.statusCode === 200 ? 'ok' : String(res.json().error.code);
  };

  it("a password change ends the account's other devices, not the one that changed it", async () => {
    const a = await phone();
    const b = await phone();
    const changed = await t.call({
      method: 'POST',
      url: '/api/auth/password',
      token: a,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-123' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await me(a)).toBe('ok');
    expect(await me(b)).toBe('session_expired');
    expect(await pull(b)).toBe('session_expired');
    expect(await me(s.tokens[VOLUNTEER])).toBe('session_expired');
    expect(await me(s.tokens['0933333333'])).toBe('ok');
    expect(await me(await phone(VOLUNTEER, 'mat-khau-moi-123'))).toBe('ok');
  });

  it("a manager's reset ends every device of the user", async () => {
    const a = await phone();
    const reset = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users[VOLUNTEER]}`,
      token: s.tokens.canbo,
      payload: { resetPassword: true },
    });
    const temp = String(userWithPasswordSchema.parse(reset.json()).temporaryPassword);
    expect([await me(a), await me(s.tokens[VOLUNTEER])]).toEqual([
      'session_expired',
      'session_expired',
    ]);
    expect(await me(s.tokens.canbo)).toBe('ok');
    expect(await me(await phone(VOLUNTEER, temp))).toBe('ok');
  });

  it('a session unused for 90 days ends; one in use goes on', async () => {
    const used = await phone();
    const unused = await phone();
    const revoked = await phone();
    await t.call({ method: 'POST', url: '/api/auth/logout', token: revoked });
    t.clock.now += 60 * DAY;
    expect(await me(used)).toBe('ok');
    t.clock.now += 89 * DAY; // 149 days after login, 89 after its last use
    expect(await me(used)).toBe('ok');
    expect(await me(unused)).toBe('session_expired');
    expect(await me(revoked)).toBe('device_revoked');
    t.clock.now += 90 * DAY;
    expect(await me(used)).toBe('session_expired');
    // Ended for good, even if the clock (or the setting) would let it through again.
    t.clock.now -= 90 * DAY;
    expect(await me(used)).toBe('session_expired');
  });

  it('takes the idle time from the configuration', async () => {
    await t.close();
    ({ t } = await startSeededApp(kind, LONE_VOLUNTEER, { sessionIdleMs: 7 * DAY }));
    const token = await phone();
    t.clock.now += 7 * DAY - MINUTE;
    expect(await me(token)).toBe('ok');
    t.clock.now += 7 * DAY;
    expect(await me(token)).toBe('session_expired');
  });
});
