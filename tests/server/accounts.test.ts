import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userWithPasswordSchema } from '../../src/protocol';
import { OTHER_COMMUNE, seedCommune, type SeededCommune } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

describe.each(DATABASE_KINDS)('villages, volunteers and devices on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    t = await startTestApp(kind);
    s = await seedCommune(t.store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: '0922222222', role: 'volunteer', villages: ['Thôn Đông', 'Thôn Tây'] },
      ],
    });
  });
  afterEach(() => t.close());

  const login = (username: string, password: string) =>
    t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, deviceName: 'Máy' },
    });

  it('a leader creates a volunteer with a temporary password that must be changed before any work', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/api/users',
      token: s.tokens['totruong'],
      payload: {
        username: '0911111111',
        displayName: 'Phạm Văn Hùng',
        role: 'volunteer',
        villageIds: [s.villages['Thôn Đông']],
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = userWithPasswordSchema.parse(created.json());
    expect(user.mustChangePassword).toBe(true);
    const first = await login('0911111111', String(temporaryPassword));
    expect(first.json().user.mustChangePassword).toBe(true);
    const token = first.json().token as string;
    expect((await t.call({ method: 'GET', url: '/api/villages', token })).json().error.code).toBe(
      'password_change_required',
    );
    const changed = await t.call({
      method: 'POST',
      url: '/api/auth/password',
      token,
      payload: { currentPassword: temporaryPassword, newPassword: 'mat-khau-cua-hung' },
    });
    expect(changed.statusCode).toBe(200);
    const villages = await t.call({ method: 'GET', url: '/api/villages', token });
    expect(villages.json().villages.map((v: { name: string }) => v.name)).toEqual(['Thôn Đông']);
  });

  it('a volunteer logs in with a phone number', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/api/users',
      token: s.tokens['canbo'],
      payload: {
        username: 'khong-phai-so',
        displayName: 'Ai đó',
        role: 'volunteer',
        villageIds: [],
      },
    });
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'username' }],
    });
    const taken = await t.call({
      method: 'POST',
      url: '/api/users',
      token: s.tokens['canbo'],
      payload: { username: '0922222222', displayName: 'Trùng', role: 'volunteer', villageIds: [] },
    });
    expect(taken.json().error.code).toBe('username_taken');
  });

  it('login names are per commune: another commune’s accounts are neither revealed nor blocked', async () => {
    const other = await seedCommune(t.store, {
      code: OTHER_COMMUNE,
      villages: ['Tổ 1'],
      users: [{ username: 'canbo2', role: 'officer' }],
    });
    // The other commune's officer registers a phone number this commune already uses: created,
    // exactly as for a new number; inside one commune a name is still taken.
    const created = await t.call({
      method: 'POST',
      url: '/api/users',
      token: other.tokens.canbo2,
      payload: { username: '0922222222', displayName: 'Lan', role: 'volunteer', villageIds: [] },
    });
    expect(created.statusCode).toBe(201);
    const temporaryPassword = userWithPasswordSchema.parse(created.json()).temporaryPassword ?? '';

    // Each owner logs in with their own password and lands in their own commune.
    const mine = await login('0922222222', s.password);
    expect(mine.json().commune.code).toBe(s.communeCode);
    const theirs = await login('0922222222', temporaryPassword);
    expect(theirs.json().commune.code).toBe(OTHER_COMMUNE);

    // The same name with the same password in both: the commune's code is asked, then used.
    const samePassword = await t.call({
      method: 'POST',
      url: '/api/auth/password',
      token: theirs.json().token,
      payload: { currentPassword: temporaryPassword, newPassword: s.password },
    });
    expect(samePassword.statusCode).toBe(200);
    const ambiguous = await login('0922222222', s.password);
    expect(ambiguous.json().error.code).toBe('commune_required');
    const chosen = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: '0922222222',
        password: s.password,
        deviceName: 'Máy',
        communeCode: OTHER_COMMUNE,
      },
    });
    expect(chosen.json().commune.code).toBe(OTHER_COMMUNE);
  });

  it("a leader cannot edit a volunteer who also serves a village that is not the leader's", async () => {
    const res = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users['0922222222']}`,
      token: s.tokens['totruong'],
      payload: { villageIds: [s.villages['Thôn Đông']], displayName: 'Lê Thị Mai' },
    });
    expect(res.json().error.code).toBe('out_of_scope');
    const users = await t.call({ method: 'GET', url: '/api/users', token: s.tokens['canbo'] });
    const mai = (
      users.json().users as { id: string; displayName: string; villageIds: string[] }[]
    ).find((u) => u.id === s.users['0922222222']);
    expect(mai?.displayName).toBe('0922222222');
    expect(mai?.villageIds.sort()).toEqual(
      [s.villages['Thôn Đông'], s.villages['Thôn Tây']].sort(),
    );
  });

  it('a disabled account is cut off on every device; a reset password must be changed', async () => {
    const off = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users['0922222222']}`,
      token: s.tokens['canbo'],
      payload: { disabled: true },
    });
    expect(off.json().user.disabled).toBe(true);
    const me = await t.call({ method: 'GET', url: '/api/me', token: s.tokens['0922222222'] });
    expect(me.json().error.code).toBe('device_revoked');
    expect((await login('0922222222', s.password)).json().error.code).toBe('invalid_credentials');

    const reset = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users['0922222222']}`,
      token: s.tokens['canbo'],
      payload: { disabled: false, resetPassword: true },
    });
    const temp = reset.json().temporaryPassword as string;
    expect((await login('0922222222', s.password)).statusCode).toBe(401);
    expect((await login('0922222222', temp)).json().user.mustChangePassword).toBe(true);
  });

  it('disabling ends the account’s sessions for good: enabled again, its old tokens stay ended', async () => {
    const user = `/api/users/${s.users['0922222222']}`;
    const old = s.tokens['0922222222'];
    const set = (disabled: boolean) =>
      t.call({ method: 'PATCH', url: user, token: s.tokens['canbo'], payload: { disabled } });
    expect((await set(true)).json().user.disabled).toBe(true);
    expect((await set(false)).json().user.disabled).toBe(false);
    // The stolen or lost phone's token does not come back with the account; the app keeps its
    // data and asks its owner to log in again.
    const me = await t.call({ method: 'GET', url: '/api/me', token: old });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('session_expired');
    const pull = await t.call({ method: 'GET', url: '/api/sync/pull', token: old });
    expect(pull.json().error.code).toBe('session_expired');
    // The owner logs in again with the same password, on a new session.
    const again = await login('0922222222', s.password);
    expect(again.statusCode).toBe(200);
    const fresh = await t.call({ method: 'GET', url: '/api/me', token: again.json().token });
    expect(fresh.statusCode).toBe(200);
  });

  it('villages: names are unique in the commune; archived ones leave the volunteers’ scope', async () => {
    const dup = await t.call({
      method: 'POST',
      url: '/api/villages',
      token: s.tokens['canbo'],
      payload: { name: 'thôn đông' },
    });
    expect(dup.json().error.code).toBe('village_name_taken');
    const bad = await t.call({
      method: 'POST',
      url: '/api/villages',
      token: s.tokens['canbo'],
      payload: { name: 'X', kind: 'lang' },
    });
    expect(bad.json().error.code).toBe('validation_failed');
    await t.call({
      method: 'PATCH',
      url: `/api/villages/${s.villages['Thôn Tây']}`,
      token: s.tokens['canbo'],
      payload: { archived: true },
    });
    const me = await t.call({ method: 'GET', url: '/api/me', token: s.tokens['0922222222'] });
    expect(me.json().villages.map((v: { name: string }) => v.name)).toEqual(['Thôn Đông']);
  });

  it('lists devices with when they were last seen, and marks the caller’s own', async () => {
    t.clock.now += 1;
    // The leader's list leaves out 0922222222, who also serves Thôn Tây (the officer manages her).
    const res = await t.call({ method: 'GET', url: '/api/devices', token: s.tokens['canbo'] });
    const devices = res.json().devices as {
      user: { username: string };
      current: boolean;
      lastSeenAt: string;
    }[];
    expect(devices.map((d) => [d.user.username, d.current]).sort()).toEqual([
      ['0922222222', false],
      ['canbo', true],
      ['totruong', false],
    ]);
    expect(Number.isNaN(Date.parse(devices[0]?.lastSeenAt ?? ''))).toBe(false);
  });
});
