import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginResponseSchema, meSchema } from '../../src/protocol';
import { seedCommune, TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

describe.each(DATABASE_KINDS)('setup and login on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => t.close());

  const officer = {
    username: 'canbo.hoalac',
    displayName: 'Nguyễn Thị Lan',
    password: 'mat-khau-rat-dai',
  };

  it('sets up an empty server once: commune from the official list, first officer logged in', async () => {
    expect((await t.call({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsSetup: true,
    });
    const found = await t.call({ method: 'GET', url: '/api/communes?q=hoa lac' });
    expect(found.json().communes).toContainEqual({
      code: '09988',
      name: 'Xã Hòa Lạc',
      province: 'Thành phố Hà Nội',
    });
    const unknown = await t.call({
      method: 'POST',
      url: '/api/setup',
      payload: { communeCode: '99999', officer },
    });
    expect(unknown.json().error.code).toBe('unknown_commune');

    const res = await t.call({
      method: 'POST',
      url: '/api/setup',
      payload: { communeCode: '09988', officer },
    });
    expect(res.statusCode).toBe(200);
    const session = loginResponseSchema.parse(res.json());
    expect(session.commune.name).toBe('Xã Hòa Lạc');
    expect(session.user).toMatchObject({
      username: 'canbo.hoalac',
      role: 'officer',
      mustChangePassword: false,
    });
    const me = await t.call({ method: 'GET', url: '/api/me', token: session.token });
    expect(meSchema.parse(me.json()).user.displayName).toBe('Nguyễn Thị Lan');

    expect((await t.call({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsSetup: false,
    });
    const again = await t.call({
      method: 'POST',
      url: '/api/setup',
      payload: { communeCode: '00070', officer: { ...officer, username: 'khac' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_set_up');
  });

  it('finds communes without diacritics and never more than 50', async () => {
    const res = await t.call({ method: 'GET', url: '/api/communes?q=phuong' });
    expect(res.json().communes.length).toBeLessThanOrEqual(50);
    const dd = await t.call({ method: 'GET', url: '/api/communes?q=dong%20da' });
    expect(dd.json().communes.map((c: { name: string }) => c.name)).toContain('Phường Đống Đa');
  });

  describe('with a commune', () => {
    let s: SeededCommune;
    beforeEach(async () => {
      s = await seedCommune(t.store, {
        villages: ['Thôn Đồng'],
        users: [
          { username: '0912345678', role: 'volunteer', villages: ['Thôn Đồng'] },
          { username: '0987654321', role: 'volunteer', villages: ['Thôn Đồng'] },
        ],
      });
    });
    const login = (password: string, username = '0912345678') =>
      t.call({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password, deviceName: 'Điện thoại Lan' },
      });

    it('logs in with a new device token and gives the same answer for an unknown user', async () => {
      const ok = await login(TEST_PASSWORD);
      expect(ok.statusCode).toBe(200);
      const body = loginResponseSchema.parse(ok.json());
      expect(body.villages.map((v) => v.name)).toEqual(['Thôn Đồng']);
      expect(body.deviceId).not.toBe(s.devices['0912345678']);
      expect((await t.call({ method: 'GET', url: '/api/me', token: body.token })).statusCode).toBe(
        200,
      );

      const wrong = await login('sai-mat-khau');
      const nobody = await login('sai-mat-khau', '0999999999');
      expect([wrong.statusCode, nobody.statusCode]).toEqual([401, 401]);
      expect(wrong.json()).toEqual(nobody.json());
      expect(wrong.json().error.code).toBe('invalid_credentials');
    });

    it('a login that names the device it replaces ends that device, only if it is the account’s own', async () => {
      const me = (token: string | undefined) =>
        t.call({ method: 'GET', url: '/api/me', token }).then((r) => r.json().error?.code ?? 'ok');
      const replacing = (replacesDeviceId: string) =>
        t.call({
          method: 'POST',
          url: '/api/auth/login',
          payload: {
            username: '0912345678',
            password: TEST_PASSWORD,
            deviceName: 'Điện thoại Lan',
            replacesDeviceId,
          },
        });
      // Another account's device, named by Lan's login: left alone.
      const fromOther = await replacing(s.devices['0987654321'] ?? '');
      expect(fromOther.statusCode).toBe(200);
      expect(await me(s.tokens['0987654321'])).toBe('ok');
      // An unknown id: the login works all the same, and tells nothing.
      const unknown = await replacing('0192f000-0000-7000-8000-000000000000');
      expect(unknown.statusCode).toBe(200);
      // Her own device left behind ("Quên mã PIN?"): ended; the new one works.
      const after = loginResponseSchema.parse(
        (await replacing(s.devices['0912345678'] ?? '')).json(),
      );
      expect(await me(s.tokens['0912345678'])).toBe('device_revoked');
      expect(await me(after.token)).toBe('ok');
      const bad = await t.call({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          username: '0912345678',
          password: TEST_PASSWORD,
          deviceName: 'x',
          replacesDeviceId: 'abc',
        },
      });
      expect(bad.json().error.code).toBe('validation_failed');
    });

    it('after 5 wrong passwords from one address, that address gets one try every 3 minutes', async () => {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await login('sai-mat-khau')).json().error.code);
      expect(codes).toEqual([...Array(5).fill('invalid_credentials'), 'login_throttled']);
      const right = await login(TEST_PASSWORD);
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('login_throttled');
      t.clock.now += 2 * 60_000;
      expect((await login(TEST_PASSWORD)).json().error.code).toBe('login_throttled');
      t.clock.now += 60_000;
      expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('changes the password: the old one stops working, the new one works', async () => {
      const token = s.tokens['0912345678'];
      const bad = await t.call({
        method: 'POST',
        url: '/api/auth/password',
        token,
        payload: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-123' },
      });
      expect(bad.json().error.code).toBe('current_password_wrong');
      const short = await t.call({
        method: 'POST',
        url: '/api/auth/password',
        token,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
      });
      expect(short.json().error.code).toBe('validation_failed');
      const ok = await t.call({
        method: 'POST',
        url: '/api/auth/password',
        token,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-123' },
      });
      expect(ok.statusCode).toBe(200);
      expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login('mat-khau-moi-123')).statusCode).toBe(200);
    });

    it('rate-limits login attempts from one address', async () => {
      const statuses = new Set<number>();
      for (let i = 0; i < 35; i++) statuses.add((await login('x', `ai-do-${i}`)).statusCode);
      expect(statuses.has(429)).toBe(true);
    });

    it('gives every device of the account the same recovery secret, and only with a login or a live token', async () => {
      const a = loginResponseSchema.parse((await login(TEST_PASSWORD)).json());
      const b = loginResponseSchema.parse((await login(TEST_PASSWORD)).json());
      expect(a.recoverySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(b.recoverySecret).toBe(a.recoverySecret);
      const me = await t.call({ method: 'GET', url: '/api/me', token: a.token });
      expect(me.json().recoverySecret).toBe(a.recoverySecret);
      const wrong = await login('sai-mat-khau-1');
      expect(wrong.statusCode).toBe(401);
      expect(JSON.stringify(wrong.json())).not.toContain(a.recoverySecret);
      const anonymous = await t.call({ method: 'GET', url: '/api/me' });
      expect(JSON.stringify(anonymous.json())).not.toContain(a.recoverySecret);
    });

    it('logout revokes only the calling device, and has its browser clear the stored data', async () => {
      const other = loginResponseSchema.parse((await login(TEST_PASSWORD)).json());
      const out = await t.call({ method: 'POST', url: '/api/auth/logout', token: other.token });
      expect(out.statusCode).toBe(200);
      expect(out.headers['clear-site-data']).toBe('"storage"');
      const after = await t.call({ method: 'GET', url: '/api/me', token: other.token });
      expect(after.json().error.code).toBe('device_revoked');
      expect(
        (await t.call({ method: 'GET', url: '/api/me', token: s.tokens['0912345678'] })).statusCode,
      ).toBe(200);
    });
  });
});
