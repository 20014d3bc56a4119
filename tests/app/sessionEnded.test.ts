// @vitest-environment node
// The app against a real server in the same process: fetch is answered by the server's inject, so
// tokens, error codes and the outbox take the app's own paths. The node environment, because the
// server reads its files from import.meta.url; the page is the small one below.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/app/db/db';
import { isVaultLocked, vault } from '../../src/app/db/vault';
import { entityRows } from '../../src/app/db/entityRows';
import { newId, writeAll } from '../../src/app/db/mutate';
import { forgotPin, login, SESSION_ENDED_NOTICE, wireApi } from '../../src/app/session/actions';
import { LOGIN_NOTICE_KEY, readSession, wipeDevice } from '../../src/app/session/deviceData';
import { syncOnce } from '../../src/app/sync/engine';
import { httpTransport } from '../../src/app/sync/transport';
import { failureMessage } from '../../src/app/features/auth/messages';
import { createApp } from '../../src/server/app';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/store';
import { bearer, seedCommune, TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { stubPageAndFetch } from '../support/inProcessApp';

let server: FastifyInstance;
let store: Store;
let s: SeededCommune;
const clock = { now: Date.parse('2026-03-01T08:00:00Z') };
let page: ReturnType<typeof stubPageAndFetch>;
const LAN = '0912345678';
const HUNG = '0933333333';

beforeAll(async () => {
  page = stubPageAndFetch(() => server);
  store = await openPglite();
  await migrate(store);
  server = await createApp({ store, now: () => clock.now });
  s = await seedCommune(store, {
    villages: ['Thôn Đông'],
    users: [
      { username: 'canbo', role: 'officer' },
      { username: LAN, role: 'volunteer', villages: ['Thôn Đông'] },
      { username: HUNG, role: 'volunteer', villages: ['Thôn Đông'] },
    ],
  });
  wireApi();
}, 60_000); // an embedded database and three password hashes
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
  await store.close();
});
afterEach(async () => {
  await wipeDevice();
  page.location.pathname = '/';
});

/** The API client's reaction to the refusal ends with the login screen (its last step). */
const backAtLogin = () =>
  vi.waitFor(() => expect(page.location.pathname).toBe('/dang-nhap'), { timeout: 5000 });

const now = () => clock.now;
/** A call to the server from another device of the commune. */
const call = (method: 'POST' | 'PATCH', url: string, token: string | undefined, payload?: object) =>
  server.inject({ method, url, headers: bearer(String(token)), ...(payload ? { payload } : {}) });
async function householdOnServer(id: string): Promise<boolean> {
  const rows = await store.query('SELECT 1 FROM records WHERE entity = $1 AND id = $2', [
    'household',
    id,
  ]);
  return rows.length > 0;
}
/** A household written on the phone, waiting in the outbox. */
async function writeHousehold(): Promise<string> {
  const id = newId();
  await writeAll(
    [
      {
        entity: 'household',
        id,
        fields: { villageId: s.villages['Thôn Đông'], headName: 'Hộ Lan' },
      },
    ],
    db,
    now,
  );
  return id;
}

describe('a session the server ended', { timeout: 30_000 }, () => {
  it('keeps the unsent work, says why in Vietnamese, and sends it once the same user logs in again', async () => {
    expect(await login(LAN, TEST_PASSWORD, 'Điện thoại Lan')).toEqual({ ok: true });
    const household = await writeHousehold();
    expect(await db.outbox.count()).toBe(1);

    // Lan changes her password on another phone: this one's session ends.
    const changed = await call('POST', '/api/auth/password', s.tokens[LAN], {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-cua-lan',
    });
    expect(changed.statusCode).toBe(200);

    const refused = await syncOnce({ db, transport: httpTransport, now });
    expect(refused).toEqual({ ok: false, failure: 'unauthenticated' });
    await backAtLogin();
    expect(await readSession()).toBeNull();
    expect((await db.meta.get(LOGIN_NOTICE_KEY))?.value).toBe(SESSION_ENDED_NOTICE);
    expect(SESSION_ENDED_NOTICE).toContain('các thay đổi chưa gửi vẫn được giữ trên máy');
    // Nothing was wiped, nothing was sent; the data is locked until Lan logs in again.
    expect(await db.outbox.count()).toBe(1);
    expect(await db.households.count()).toBe(1);
    expect(vault.isOpen()).toBe(false);
    expect(isVaultLocked(await db.households.get(household).catch((e: unknown) => e))).toBe(true);
    expect(await householdOnServer(household)).toBe(false);

    // Another volunteer picks up the phone: refused while Lan's work is unsent, and nothing of
    // hers is sent under his name.
    const hung = await login(HUNG, TEST_PASSWORD, 'Điện thoại Lan');
    expect(hung).toEqual({ ok: false, reason: 'unsynced_other_user', count: 1, username: LAN });
    expect(failureMessage(hung)).toContain(`1 thay đổi chưa gửi của tài khoản ${LAN}`);
    expect(await readSession()).toBeNull();
    expect(await db.outbox.count()).toBe(1);

    // Lan logs in again: the login notice goes, the work is sent.
    expect(await login(LAN, 'mat-khau-moi-cua-lan', 'Điện thoại Lan')).toEqual({ ok: true });
    expect(await db.meta.get(LOGIN_NOTICE_KEY)).toBeUndefined();
    const synced = await syncOnce({ db, transport: httpTransport, now });
    expect(synced).toMatchObject({ ok: true, pushed: 1, rejected: [] });
    expect(await db.outbox.count()).toBe(0);
    expect(await householdOnServer(household)).toBe(true);
    expect(await entityRows(db, 'household').get(household)).toMatchObject({ headName: 'Hộ Lan' });
  });

  it('after a reset by a manager, the phone keeps its data too', async () => {
    expect(await login(HUNG, TEST_PASSWORD, 'Điện thoại Hùng')).toEqual({ ok: true });
    const household = await writeHousehold();
    await call('PATCH', `/api/users/${s.users[HUNG]}`, s.tokens.canbo, { resetPassword: true });
    expect(await syncOnce({ db, transport: httpTransport, now })).toEqual({
      ok: false,
      failure: 'unauthenticated',
    });
    await backAtLogin();
    expect(await readSession()).toBeNull();
    expect(await db.outbox.count()).toBe(1);
    expect(await db.households.count()).toBe(1);
    // The new password's login opens the same data (the account's recovery secret).
    const again = await call('PATCH', `/api/users/${s.users[HUNG]}`, s.tokens.canbo, {
      resetPassword: true,
    });
    const temporary = (again.json() as { temporaryPassword: string }).temporaryPassword;
    expect(await login(HUNG, temporary, 'Điện thoại Hùng')).toEqual({ ok: true });
    expect(await entityRows(db, 'household').get(household)).toMatchObject({ headName: 'Hộ Lan' });
  });

  it('“Quên mã PIN?” keeps the data, and the next login ends the device left behind on the server', async () => {
    expect(await login('canbo', TEST_PASSWORD, 'Máy cán bộ')).toEqual({ ok: true });
    const household = await writeHousehold();
    const before = await readSession();
    const me = async (token: string | undefined) =>
      (await server.inject({ method: 'GET', url: '/api/me', headers: bearer(String(token)) }))
        .statusCode;
    expect(await forgotPin()).toEqual({ ok: true });
    await backAtLogin();
    // The old token is sealed on the phone (a copy of the phone holds it until the login).
    expect(await me(before?.token)).toBe(200);
    expect(await login('canbo', TEST_PASSWORD, 'Máy cán bộ')).toEqual({ ok: true });
    expect(await me(before?.token)).toBe(401);
    const after = await readSession();
    expect(after?.deviceId).not.toBe(before?.deviceId);
    expect(await me(after?.token)).toBe(200);
    expect(await entityRows(db, 'household').get(household)).toMatchObject({ headName: 'Hộ Lan' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('unlike a revoked device, which is wiped', async () => {
    expect(await login('canbo', TEST_PASSWORD, 'Máy cán bộ')).toEqual({ ok: true });
    await writeHousehold();
    const session = await readSession();
    await call('POST', `/api/devices/${session?.deviceId}/revoke`, s.tokens.canbo);
    expect((await syncOnce({ db, transport: httpTransport, now })).ok).toBe(false);
    await backAtLogin();
    expect(await db.outbox.count()).toBe(0);
    expect(await readSession()).toBeNull();
  });
});
