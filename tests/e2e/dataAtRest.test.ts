import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { seedCommune, TEST_PASSWORD } from '../support/accounts';
import { op, uuid } from '../support/sync';
import { lockScreen, loginInBrowser } from './accountsHelpers';
import { launchPersistentChromium } from './browser';
import { communeOps, LEADER, push } from './communeSeed';
import { startProduct, type RunningServer } from './server';

/**
 * A phone that synced its village, then was locked and copied: its browser profile on disk, and
 * the origin's storage as a page script reads it, hold none of the personal strings the app
 * shows (docs/data-protection.md).
 */
const PRIVATE = {
  headName: 'Đỗ Thị Riêng',
  address: 'Xóm Giữa, ngõ 7',
  phone: '0987123456',
};
/** The strings looked for: as the app shows them, and as the search keeps them (no diacritics). */
const PERSONAL = [
  ...Object.values(PRIVATE),
  'Nguyễn Văn An',
  'Phạm Thị Hoa',
  'Trần Thị Bình',
  'Số 5, ngõ 3',
  'do thi rieng',
  'tran thi binh',
];

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Which of `strings` a file holds, as UTF-8 or UTF-16 (V8 writes two-byte strings so). */
function found(bytes: Buffer, strings: string[]): string[] {
  return strings.filter(
    (s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')),
  );
}

describe('personal data at rest in Chromium', () => {
  let server: RunningServer;
  let dataDir: string;
  let dong = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-at-rest-'));
    const store = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(store);
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [{ username: LEADER, role: 'leader', villages: ['Thôn Đông'] }],
    });
    await store.close();
    server = await startProduct({ dataDir });
    dong = seed.villages['Thôn Đông'] as string;
    const token = seed.tokens[LEADER] as string;
    await push(server.url, token, communeOps(seed).ops);
    await push(server.url, token, [
      op('household', uuid(), { villageId: dong, status: 'active', ...PRIVATE }),
    ]);
  });
  afterAll(async () => {
    await server?.stop({ keepData: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('after a full sync and a lock, the profile on disk and the origin’s storage show nobody', async () => {
    const chromium = await launchPersistentChromium();
    try {
      const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
      page.setDefaultTimeout(30_000);
      const stopUnlocking = await loginInBrowser(page, server.url, LEADER, TEST_PASSWORD);
      // The app shows them: the village's households, synced.
      await page.goto(`${server.url}/thon/${dong}`);
      const list = page.getByRole('list', { name: 'Hộ gia đình' });
      // The first sync after the login brings the village: it may take a while on a busy machine.
      await expect.poll(() => list.textContent(), { timeout: 60_000 }).toContain(PRIVATE.headName);
      expect(await list.textContent()).toContain('Trần Thị Bình');
      await page.goto(`${server.url}/tim`);
      await page.getByLabel('Tên, địa chỉ hoặc số điện thoại').fill('do thi rieng');
      await expect
        .poll(() => page.getByRole('list', { name: 'Hộ tìm thấy' }).textContent(), {
          timeout: 30_000,
        })
        .toContain(PRIVATE.headName);

      // Locked (a reload: the key is gone), the page's own scripts read the origin's storage.
      stopUnlocking();
      await page.reload();
      await lockScreen(page).waitFor();
      const origin = await page.evaluate(async () => {
        const texts: string[] = [];
        const decode = (v: unknown): string =>
          v instanceof Uint8Array
            ? new TextDecoder().decode(v)
            : typeof v === 'object' && v !== null
              ? Object.values(v).map(decode).join(' ')
              : String(v);
        const idb = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('tung-nha');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        let rows = 0;
        for (const store of [...idb.objectStoreNames]) {
          const all = await new Promise<unknown[]>((resolve) => {
            const req = idb.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result as unknown[]);
          });
          rows += all.length;
          texts.push(...all.map(decode));
        }
        idb.close();
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const req of await cache.keys())
            texts.push(req.url, (await (await cache.match(req))?.text()) ?? '');
        }
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i) ?? '';
          texts.push(key, localStorage.getItem(key) ?? '');
        }
        return { text: texts.join('\n'), rows };
      }, null);
      expect(origin.rows).toBeGreaterThan(5); // the village is there, sealed
      expect(PERSONAL.filter((s) => origin.text.includes(s))).toEqual([]);

      // The profile copied as it lies on disk: every file of it.
      await chromium.context.close();
      const leaks: string[] = [];
      for (const file of await filesUnder(chromium.dir)) {
        const hits = found(await readFile(file), PERSONAL);
        if (hits.length) leaks.push(`${path.relative(chromium.dir, file)}: ${hits.join(', ')}`);
      }
      expect(leaks).toEqual([]);
    } finally {
      await chromium.close();
    }
  });

  it('a logout deletes the database itself: nothing personal, and not the wrapped key, is left in the profile', async () => {
    const chromium = await launchPersistentChromium();
    try {
      const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
      page.setDefaultTimeout(30_000);
      await loginInBrowser(page, server.url, LEADER, TEST_PASSWORD);
      await page.goto(`${server.url}/thon/${dong}`);
      const list = page.getByRole('list', { name: 'Hộ gia đình' });
      // The first sync after the login brings the village: it may take a while on a busy machine.
      await expect.poll(() => list.textContent(), { timeout: 60_000 }).toContain(PRIVATE.headName);
      // The data key as the PIN wraps it (in clear in `meta`): it must not outlive the logout.
      const wrapped = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open('tung-nha');
            req.onsuccess = () => {
              const get = req.result.transaction('meta').objectStore('meta').get('keyring');
              get.onsuccess = () => {
                resolve((get.result as { value: { pin: { data: string } } }).value.pin.data);
                req.result.close();
              };
            };
          }),
      );
      expect(wrapped.length).toBeGreaterThan(40);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      const left = await page.evaluate(async () => {
        const idb = await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open('tung-nha');
          req.onsuccess = () => resolve(req.result);
        });
        const counts: Record<string, number> = {};
        for (const store of [...idb.objectStoreNames])
          counts[store] = await new Promise<number>((resolve) => {
            const req = idb.transaction(store).objectStore(store).count();
            req.onsuccess = () => resolve(req.result);
          });
        idb.close();
        return counts;
      });
      expect(Object.values(left).reduce((a, b) => a + b, 0)).toBe(0);
      // The server's answer had the browser clear the origin's storage, its service worker with
      // it: the app installed the worker again at once, so it still opens with no network.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await chromium.context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await chromium.context.close();
      const leaks: string[] = [];
      for (const file of await filesUnder(chromium.dir)) {
        const hits = found(await readFile(file), [...PERSONAL, wrapped]);
        if (hits.length) leaks.push(`${path.relative(chromium.dir, file)}: ${hits.join(', ')}`);
      }
      expect(leaks).toEqual([]);
    } finally {
      await chromium.close();
    }
  });
});
