import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginResponseSchema, meSchema } from '../../src/protocol';
import { TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { startSeededApp, startTestApp, VOLUNTEER, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

const MARKS = '\u0300'.repeat(99);

type Outcome = { status: number; code: string };
const outcome = (res: { statusCode: number; json(): unknown }): Outcome => ({
  status: res.statusCode,
  code:
    res.statusCode < 300
      ? 'ok'
      : String((res.json() as { error?: { code?: unknown } }).error?.code ?? 'none'),
});

describe.each(DATABASE_KINDS)('account names are cleaned at the wire on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind, {
      villages: ['Thon A'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'totruong', role: 'leader', villages: ['Thon A'] },
        { username: VOLUNTEER, role: 'volunteer', villages: ['Thon A'] },
      ],
    }));
  });
  afterEach(() => t.close());

  const villageNames = async () => {
    const res = await t.call({ method: 'GET', url: '/api/villages', token: s.tokens.canbo });
    return (res.json().villages as { name: string }[]).map((v) => v.name).sort();
  };
  const displayNames = async () => {
    const res = await t.call({ method: 'GET', url: '/api/users', token: s.tokens.canbo });
    return (res.json().users as { displayName: string }[]).map((u) => u.displayName).sort();
  };
  const addVillage = async (name: string) =>
    outcome(
      await t.call({
        method: 'POST',
        url: '/api/villages',
        token: s.tokens.canbo,
        payload: { name },
      }),
    );

  it('village names: invisible and control characters go, letterless names are refused, and uniqueness holds on the cleaned name', async () => {
    expect(await addVillage('Thon A\u200b')).toEqual({ status: 409, code: 'village_name_taken' });
    expect(await addVillage('\u202eThon a ')).toEqual({ status: 409, code: 'village_name_taken' });
    for (const letterless of ['\u200b\u200b', MARKS, '\uFFFF', ' 3 ', '...'])
      expect(await addVillage(letterless), JSON.stringify(letterless)).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    expect(await addVillage('Thon\nA\u0007')).toEqual({ status: 409, code: 'village_name_taken' });
    expect(await addVillage('Thon\n\tB\u0007')).toMatchObject({ status: 201 });
    expect(await addVillage(`Xom C${MARKS}`)).toMatchObject({ status: 201 });
    expect(await addVillage('Ban D\uFFFF')).toMatchObject({ status: 201 });
    expect(await villageNames()).toEqual(['Ban D', 'Thon A', 'Thon B', 'Xom C\u0300\u0300'].sort());

    const renamed = await t.call({
      method: 'PATCH',
      url: `/api/villages/${s.villages['Thon A']}`,
      token: s.tokens.canbo,
      payload: { name: 'Thon B\u200d' },
    });
    expect(outcome(renamed)).toEqual({ status: 409, code: 'village_name_taken' });
    const cleared = await t.call({
      method: 'PATCH',
      url: `/api/villages/${s.villages['Thon A']}`,
      token: s.tokens.canbo,
      payload: { name: '\u2066\u2069' },
    });
    expect(outcome(cleared)).toEqual({ status: 400, code: 'validation_failed' });
    expect(await villageNames()).toContain('Thon A');
  });

  it('display names a leader types are stored cleaned; a letterless one is refused', async () => {
    const create = async (username: string, displayName: string) =>
      outcome(
        await t.call({
          method: 'POST',
          url: '/api/users',
          token: s.tokens.totruong,
          payload: {
            username,
            displayName,
            role: 'volunteer',
            villageIds: [s.villages['Thon A']],
          },
        }),
      );
    expect(await create('0911111111', 'Nguyen \u202eredaeL')).toMatchObject({ status: 201 });
    expect(await create('0922222222', 'A\u0007\u001b[31mB')).toMatchObject({ status: 201 });
    expect(await create('0933333333', '\u200b\u00a0\u200b')).toEqual({
      status: 400,
      code: 'validation_failed',
    });
    const edited = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users[VOLUNTEER]}`,
      token: s.tokens.totruong,
      payload: { displayName: '\u200fLê  Thị\u00a0Mai\u0085' },
    });
    expect(outcome(edited)).toMatchObject({ status: 200 });
    const refused = await t.call({
      method: 'PATCH',
      url: `/api/users/${s.users.totruong}`,
      token: s.tokens.canbo,
      payload: { displayName: '\u0007\u200b' },
    });
    expect(outcome(refused)).toEqual({ status: 400, code: 'validation_failed' });
    expect(await displayNames()).toEqual(
      ['A[31mB', 'Lê Thị Mai', 'Nguyen redaeL', 'canbo', 'totruong'].sort(),
    );
  });

  it("a device name given at login is stored cleaned, as a leader's device list shows it", async () => {
    const res = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        username: VOLUNTEER,
        password: TEST_PASSWORD,
        deviceName: '\u202e\u0007Leader phone\n',
      },
    });
    const { deviceId } = loginResponseSchema.parse(res.json());
    const list = await t.call({ method: 'GET', url: '/api/devices', token: s.tokens.totruong });
    const device = (list.json().devices as { id: string; name: string }[]).find(
      (d) => d.id === deviceId,
    );
    expect(device?.name).toBe('Leader phone');
    const letterless = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: VOLUNTEER, password: TEST_PASSWORD, deviceName: '\u200b\n' },
    });
    expect(outcome(letterless)).toEqual({ status: 400, code: 'validation_failed' });
  });

  it('passwords are never cleaned', async () => {
    const odd = 'mat\u200b  khau\u202e\u0007 ';
    const changed = await t.call({
      method: 'POST',
      url: '/api/auth/password',
      token: s.tokens[VOLUNTEER],
      payload: { currentPassword: TEST_PASSWORD, newPassword: odd },
    });
    expect(changed.statusCode).toBe(200);
    const login = async (password: string) =>
      outcome(
        await t.call({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: VOLUNTEER, password, deviceName: 'Điện thoại' },
        }),
      );
    expect(await login('mat khau')).toEqual({ status: 401, code: 'invalid_credentials' });
    expect(await login(odd)).toEqual({ status: 200, code: 'ok' });
  });
});

describe.each(DATABASE_KINDS)('the first officer set up on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(kind);
  });
  afterEach(() => t.close());

  const setup = (officer: Record<string, string>, deviceName?: string) =>
    t.call({
      method: 'POST',
      url: '/api/setup',
      payload: { communeCode: '09988', officer, ...(deviceName ? { deviceName } : {}) },
    });

  it('is stored with cleaned names, and a password exactly as typed', async () => {
    const password = ' mat\u200bkhau  dai ';
    const refused = await setup({ username: 'canbo', displayName: '\u200b', password });
    expect(outcome(refused)).toEqual({ status: 400, code: 'validation_failed' });
    const noDevice = await setup(
      { username: 'canbo', displayName: 'Cán bộ', password },
      '\u0007\u2067',
    );
    expect(outcome(noDevice)).toEqual({ status: 400, code: 'validation_failed' });

    const res = await setup(
      { username: 'canbo', displayName: '\u202eCa\u0301n  bo\u0323\u0302\u0007' },
      '\u200bMáy\nxã\u0007',
    );
    expect(outcome(res)).toEqual({ status: 400, code: 'validation_failed' }); // no password
    const ok = await setup(
      { username: 'canbo', displayName: '\u202eCa\u0301n  bo\u0323\u0302\u0007', password },
      '\u200bMáy\nxã\u0007',
    );
    expect(outcome(ok)).toEqual({ status: 200, code: 'ok' });
    const { token } = loginResponseSchema.parse(ok.json());
    const me = meSchema.parse((await t.call({ method: 'GET', url: '/api/me', token })).json());
    expect(me.user.displayName).toBe('Cán bộ');
    const devices = await t.call({ method: 'GET', url: '/api/devices', token });
    expect((devices.json().devices as { name: string }[]).map((d) => d.name)).toEqual(['Máy xã']);
    const again = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'canbo', password, deviceName: 'Điện thoại' },
    });
    expect(again.statusCode).toBe(200);
  });
});
