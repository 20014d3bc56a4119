import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/stores';
import { startSeededApp } from '../support/accountsApp';
import type { TestApp } from '../support/accountsApp';
import type { SeededCommune } from '../support/accounts';

/**
 * API answers carry the names and phones of whole villages: the browser's HTTP cache (and the
 * service worker) must never keep a second copy of one, whatever the answer.
 */
describe.each(DATABASE_KINDS)('API answers are never stored by a cache, on %s', (kind) => {
  let t: TestApp;
  let s: SeededCommune;
  beforeAll(async () => {
    ({ t, s } = await startSeededApp(kind));
  });
  afterAll(() => t.close());

  it.each([
    ['the pull of a village', '/api/sync/pull?limit=10', 'volunteer', 200],
    ['the list of users', '/api/users', 'officer', 200],
    ['who I am', '/api/me', 'volunteer', 200],
    ['a refused pull (no token)', '/api/sync/pull', null, 401],
    ['an unknown API path', '/api/khong-co', 'officer', 404],
  ] as const)('%s: Cache-Control no-store', async (_name, url, who, status) => {
    const token =
      who === 'volunteer' ? s.tokens['0912345678'] : who === 'officer' ? s.tokens.canbo : undefined;
    const res = await t.call({ method: 'GET', url, ...(token ? { token } : {}) });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
