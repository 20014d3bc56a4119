import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_WIRE_FIELDS } from '../../src/protocol/sync';
import { SMALL_BODY_LIMIT } from '../../src/server/routes/villages';
import { TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { startSeededApp, VOLUNTEER, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';

/** An object of `n` keys: 200,000 of them make about 2.3 MB of JSON. */
function wide(n: number): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 0; i < n; i++) o[`k${i}`] = 'x';
  return o;
}
const WIDE = wide(200_000);

const code = (res: { statusCode: number; json(): unknown }) =>
  `${res.statusCode} ${String((res.json() as { error?: { code?: unknown } }).error?.code ?? '')}`.trim();

describe.each(DATABASE_KINDS)('body limits on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeEach(async () => {
    ({ t, s } = await startSeededApp(kind));
  });
  afterEach(() => t.close());

  it('the account routes refuse a body over 16 KiB before reading it, logged in or not', async () => {
    const id = s.users[VOLUNTEER];
    const routes: [string, string, string | undefined][] = [
      ['POST', '/api/setup', undefined],
      ['POST', '/api/auth/login', undefined],
      ['POST', '/api/auth/password', s.tokens[VOLUNTEER]],
      ['POST', '/api/auth/logout', s.tokens[VOLUNTEER]],
      ['POST', '/api/users', s.tokens.canbo],
      ['PATCH', `/api/users/${id}`, s.tokens.canbo],
      ['POST', '/api/villages', s.tokens.canbo],
      ['PATCH', `/api/villages/${s.villages['Thôn Đông']}`, s.tokens.canbo],
      ['POST', `/api/devices/${s.devices[VOLUNTEER]}/revoke`, s.tokens.canbo],
    ];
    const justOver = { name: 'x'.repeat(SMALL_BODY_LIMIT) };
    for (const [method, url, token] of routes) {
      for (const payload of [WIDE, justOver]) {
        const res = await t.call({ method: method as 'POST', url, token, payload });
        expect(code(res), `${method} ${url}`).toBe('413 payload_too_large');
      }
    }
    // Nothing was done, and the server answers everyone else as before.
    expect((await t.call({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(
      (await t.call({ method: 'GET', url: '/api/me', token: s.tokens[VOLUNTEER] })).statusCode,
    ).toBe(200);
    const login = await t.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: VOLUNTEER, password: TEST_PASSWORD, deviceName: 'Điện thoại' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('10 huge bodies at once to setup and login are all refused, and the server goes on', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call({
          method: 'POST',
          url: i % 2 ? '/api/setup' : '/api/auth/login',
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          payload: { ...WIDE, username: 'a', password: 'b', deviceName: 'c' },
        }),
      ),
    );
    expect(answers.map(code)).toEqual(answers.map(() => '413 payload_too_large'));
    expect((await t.call({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it(`a push whose op has more than ${MAX_WIRE_FIELDS} fields is refused before its fields are walked`, async () => {
    const push = (fields: unknown) =>
      t.call({
        method: 'POST',
        url: '/api/sync/push',
        token: s.tokens[VOLUNTEER],
        payload: {
          ops: [
            {
              opId: '0190a0a0-0000-7000-8000-000000000001',
              entity: 'household',
              id: '0190a0a0-0000-7000-8000-000000000002',
              fields,
              clock: '000000000-0000-abc',
            },
          ],
        },
      });
    for (const fields of [WIDE, wide(MAX_WIRE_FIELDS + 1), ['a'], 'x', null]) {
      const res = await push(fields);
      expect(code(res)).toBe('400 validation_failed');
      expect(res.json().error.issues[0]).toMatchObject({ path: 'ops.0.fields' });
    }
    // Up to the bound, the op reaches the sync engine, which answers it op by op.
    expect((await push(wide(MAX_WIRE_FIELDS))).statusCode).toBe(200);
    expect((await t.call({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const pull = await t.call({ method: 'GET', url: '/api/sync/pull', token: s.tokens[VOLUNTEER] });
    expect(pull.statusCode).toBe(200);
  });
});
