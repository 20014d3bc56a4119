// @vitest-environment node
// The phone's side of the officer's audit log against a real server in the same process.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportLogSchema } from '../../src/protocol';
import { login, wireApi } from '../../src/app/session/actions';
import { endSessionKeepingData, wipeDevice } from '../../src/app/session/deviceData';
import { noteExport, pendingExports } from '../../src/app/session/exportNotes';
import { sendExports } from '../../src/app/sync/exportLog';
import { createApp } from '../../src/server/app';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/store';
import { bearer, seedCommune, TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { stubPageAndFetch } from '../support/inProcessApp';

let server: FastifyInstance;
let store: Store;
let s: SeededCommune;
const LAN = '0912345678';
const HUNG = '0933333333';
const network = { up: true };

beforeAll(async () => {
  stubPageAndFetch(() => {
    if (!network.up) throw new TypeError('Failed to fetch');
    return server;
  });
  store = await openPglite();
  await migrate(store);
  server = await createApp({ store });
  s = await seedCommune(store, {
    villages: ['Thôn Đông', 'Thôn Tây'],
    users: [
      { username: 'canbo', role: 'officer' },
      { username: LAN, role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Lò Thị Lan' },
      { username: HUNG, role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Hùng' },
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
  network.up = true;
  await wipeDevice();
});

async function officerLog() {
  const res = await server.inject({ url: '/api/exports', headers: bearer(String(s.tokens.canbo)) });
  return exportLogSchema.parse(res.json()).entries;
}

describe('the log of exports, on the phone', () => {
  it('notes a print offline and sends it at the next sync, as the phone’s user', async () => {
    expect(await login(LAN, TEST_PASSWORD, 'Điện thoại Lan')).toEqual({ ok: true });
    network.up = false;
    const dong = s.villages['Thôn Đông'] as string;
    await noteExport({
      kind: 'stickers_print',
      what: 'Tem QR Thôn Đông: 12 hộ',
      villageId: dong,
      names: true,
    });
    await noteExport({
      kind: 'report_csv',
      what: 'Báo cáo Tháng 3-2026 - Thôn Đông',
      villageId: null,
      names: false,
    });
    await sendExports();
    expect(await pendingExports()).toHaveLength(2);
    expect(await officerLog()).toEqual([]);

    network.up = true;
    await sendExports();
    expect(await pendingExports()).toEqual([]);
    const log = await officerLog();
    expect(log.map((e) => [e.what, e.by.displayName, e.by.deviceName]).sort()).toEqual([
      ['Báo cáo Tháng 3-2026 - Thôn Đông', 'Lò Thị Lan', 'Điện thoại Lan'],
      ['Tem QR Thôn Đông: 12 hộ', 'Lò Thị Lan', 'Điện thoại Lan'],
    ]);
  });

  it('keeps one user’s notes for that user: nobody else logs in over them', async () => {
    expect(await login(LAN, TEST_PASSWORD, 'Điện thoại chung')).toEqual({ ok: true });
    network.up = false;
    await noteExport({
      kind: 'report_print',
      what: 'Báo cáo của Lan',
      villageId: null,
      names: false,
    });
    // "Quên mã PIN?" offline: Lan's data stays for her next login.
    await endSessionKeepingData(LAN);
    network.up = true;
    expect(await login(HUNG, TEST_PASSWORD, 'Điện thoại chung')).toMatchObject({
      ok: false,
      reason: 'unsynced_other_user',
      count: 1,
    });
    expect(await login(LAN, TEST_PASSWORD, 'Điện thoại chung')).toEqual({ ok: true });
    await sendExports();
    const [entry] = (await officerLog()).filter((e) => e.what === 'Báo cáo của Lan');
    expect(entry?.by.displayName).toBe('Lò Thị Lan');
    await endSessionKeepingData(LAN);
    expect(await login(HUNG, TEST_PASSWORD, 'Điện thoại chung')).toEqual({ ok: true });
  });

  it('drops a note the server refuses for good, and sends the rest', async () => {
    expect(await login(LAN, TEST_PASSWORD, 'Điện thoại Lan')).toEqual({ ok: true });
    // Lan no longer serves Thôn Tây (say): that note can never be taken.
    const tay = s.villages['Thôn Tây'] as string;
    await noteExport({
      kind: 'stickers_print',
      what: 'Tem QR Thôn Tây',
      villageId: tay,
      names: true,
    });
    await sendExports();
    expect(await pendingExports()).toEqual([]);
    await noteExport({
      kind: 'report_print',
      what: 'Báo cáo sau đó',
      villageId: null,
      names: false,
    });
    await sendExports();
    const whats = (await officerLog()).map((e) => e.what);
    expect(whats).toContain('Báo cáo sau đó');
    expect(whats).not.toContain('Tem QR Thôn Tây');
  });
});
