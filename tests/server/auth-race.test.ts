import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginResponseSchema, userWithPasswordSchema } from '../../src/protocol';
import type * as Passwords from '../../src/server/accounts/password';
import { verifyPassword } from '../../src/server/accounts/password';
import { TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { startSeededApp, VOLUNTEER, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

// A gate in the password check: while `hold` > 0, each check (its answer already known) waits
// until the test opens the gate. So logins that have read and verified the old password hash are
// held exactly between that check and the insert of their device while the change commits.
const gate = vi.hoisted(() => {
  let open = () => {};
  const g = {
    hold: 0,
    held: 0,
    opened: Promise.resolve(),
    close(n: number) {
      g.hold = n;
      g.held = 0;
      g.opened = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
  };
  return g;
});
vi.mock('../../src/server/accounts/password', async (importOriginal) => {
  const real = await importOriginal<typeof Passwords>();
  return {
    ...real,
    verifyPassword: vi.fn(async (password: string, hash: string) => {
      const ok = await real.verifyPassword(password, hash);
      if (gate.hold > 0) {
        gate.hold--;
        gate.held++;
        await gate.opened;
      }
      return ok;
    }),
  };
});

const NEW_PASSWORD = 'mat-khau-moi-123';
const LOGINS = 10;

describe.each(DATABASE_KINDS)('logins racing a password change on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind));
    vi.mocked(verifyPassword).mockClear();
  });
  afterEach(() => t.close());

  // Each login from its own address: the per-name-and-address bucket would refuse 10 at once.
  const login = async (i: number, password = TEST_PASSWORD) => {
    const res = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      payload: { username: VOLUNTEER, password, deviceName: `Điện thoại ${i}` },
    });
    return loginResponseSchema.parse(res.json()).token;
  };
  const me = async (token: string | undefined) => {
    const res = await t.call({ method: 'GET', url: '/api/me', token });
    return res.statusCode === 200 ? 'ok' : String(res.json().error.code);
  };

  /** Starts LOGINS logins with the old password and holds them right after their password check. */
  async function heldLogins(): Promise<Promise<string>[]> {
    gate.close(LOGINS);
    const logins = Array.from({ length: LOGINS }, (_, i) => login(i));
    await vi.waitFor(() => expect(gate.held).toBe(LOGINS), { timeout: 20_000 });
    return logins;
  }

  it('no login with the old password outlives a password change it raced', async () => {
    const changer = s.tokens[VOLUNTEER];
    const logins = await heldLogins();
    const changed = await t.call({
      method: 'POST',
      url: '/api/auth/password',
      token: changer,
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    gate.open();
    const tokens = await Promise.all(logins);
    expect(tokens).toHaveLength(LOGINS);
    expect(await Promise.all(tokens.map(me))).toEqual(tokens.map(() => 'session_expired'));
    expect(await me(changer)).toBe('ok');
    expect(await me(await login(LOGINS, NEW_PASSWORD))).toBe('ok');
  });

  it("no login with the old password outlives a manager's reset it raced", async () => {
    const logins = await heldLogins();
    const reset = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users[VOLUNTEER]}`,
      token: s.tokens.canbo,
      payload: { resetPassword: true },
    });
    expect(reset.statusCode).toBe(200);
    const temp = String(userWithPasswordSchema.parse(reset.json()).temporaryPassword);
    gate.open();
    const tokens = await Promise.all(logins);
    expect(await Promise.all(tokens.map(me))).toEqual(tokens.map(() => 'session_expired'));
    expect(await me(s.tokens[VOLUNTEER])).toBe('session_expired');
    expect(await me(s.tokens.canbo)).toBe('ok');
    expect(await me(await login(LOGINS, temp))).toBe('ok');
  });

  it('10 logins sent at once with a password change: every old-password token ends', async () => {
    const changer = s.tokens[VOLUNTEER];
    const [changed, ...answers] = await Promise.all([
      t.call({
        method: 'POST',
        url: '/api/auth/password',
        token: changer,
        payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      }),
      ...Array.from({ length: LOGINS }, (_, i) =>
        t.call({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
          payload: { username: VOLUNTEER, password: TEST_PASSWORD, deviceName: `Điện thoại ${i}` },
        }),
      ),
    ]);
    expect(changed?.statusCode).toBe(200);
    // A login that checked the password after the change answers invalid_credentials; every
    // token obtained with the old password must end.
    const tokens = answers
      .filter((a) => a.statusCode === 200)
      .map((a) => loginResponseSchema.parse(a.json()).token);
    expect(await Promise.all(tokens.map(me))).toEqual(tokens.map(() => 'session_expired'));
    expect(await me(changer)).toBe('ok');
  });
});
