import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/browser';
import { loginInBrowser, setUpCommune } from '../e2e/accountsHelpers';
import { startProduct, type RunningServer } from '../e2e/server';
import { clockAt, uuid } from '../support/sync';
import { addToTally } from './tally';

/**
 * The real app in Chromium under faults: the network cut during a sync, the phone's storage
 * full while saving (CDP Storage.overrideQuotaForOrigin), and an app older than the server.
 */
const STATIC_DIR = path.resolve(process.env.STATIC_DIR ?? 'dist');

/** Households on the device, by head name, as the unlocked app reads them (sealed on disk). */
const localHouseholds = async (page: Page): Promise<string[]> => {
  await page.getByTestId('session-bar').waitFor(); // loaded and unlocked
  return page.evaluate(async () => (await window.__tungNhaDevice?.householdNames()) ?? []);
};

/** Commits one tiny write to a database of its own; the error name if IndexedDB refuses it. */
const probeWrite = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('quota-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('probe');
        open.onerror = () => resolve(String(open.error?.name));
        open.onsuccess = () => {
          const tx = open.result.transaction('probe', 'readwrite');
          tx.objectStore('probe').put(Date.now(), 'last');
          tx.oncomplete = () => {
            open.result.close();
            resolve('committed');
          };
          tx.onabort = () => {
            open.result.close();
            resolve(String(tx.error?.name));
          };
        };
      }),
  );

async function addHousehold(page: Page, url: string, name: string) {
  await page.goto(url);
  await page
    .getByRole('button', { name: /Thêm hộ mới/ })
    .first()
    .click();
  // With one village the form picks it itself and shows no choice.
  const village = page.getByLabel('Thôn / xóm / tổ dân phố');
  if (await village.count()) await village.selectOption({ label: 'Thôn Đông' });
  await page.getByLabel('Chủ hộ').fill(name);
  await page.getByLabel('Địa chỉ').fill('Số 5, ngõ 3, Thôn Đông');
  await page.getByRole('button', { name: 'Lưu hộ' }).click();
}

describe('the app in Chromium under faults', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let officerToken = '';
  let village = '';
  let faults = 0;

  beforeAll(async () => {
    server = await startProduct({ env: { STATIC_DIR, DATABASE_URL: '' } });
    const setup = await setUpCommune(server.url, { villages: ['Thôn Đông'] });
    officerToken = setup.officerToken;
    village = setup.villages['Thôn Đông'] as string;
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginInBrowser(page, server.url, setup.officer.username, setup.officer.password);
    // The app shell is cached and the page controlled: navigations work when the network drops.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
      polling: 250,
    });
  });
  afterAll(async () => {
    addToTally({ faultsInjected: faults });
    await browser?.close();
    await server?.stop();
  });

  const serverNames = async () => {
    const res = await fetch(`${server.url}/api/sync/pull?limit=5000`, {
      headers: { authorization: `Bearer ${officerToken}` },
    });
    const body = (await res.json()) as {
      records: { entity: string; data: { headName?: string } }[];
    };
    return body.records.filter((r) => r.entity === 'household').map((r) => r.data.headName);
  };

  it('the network cut during a sync: the sync completes later and nothing is lost', async () => {
    // Another phone's 300 households wait on the server; this phone has one of its own to send.
    const ops = Array.from({ length: 300 }, (_, i) => ({
      opId: uuid(),
      entity: 'household',
      id: uuid(),
      fields: { villageId: village, headName: `Hộ máy khác ${i}` },
      clock: clockAt(),
    }));
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officerToken}` },
      body: JSON.stringify({ ops }),
    });
    expect(pushed.status).toBe(200);
    // The connection drops the moment a pull starts (the save's own push has gone through).
    await page.route('**/api/sync/pull**', async (route) => {
      faults++;
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await addHousehold(page, server.url, 'Nguyễn Văn Đức');
    await page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức', exact: true }).waitFor();

    await expect.poll(() => faults).toBeGreaterThan(0);
    expect(await localHouseholds(page)).toEqual(['Nguyễn Văn Đức']);
    await page.unroute('**/api/sync/pull**');
    await context.setOffline(false);
    await page.evaluate(() => window.__tungNhaSync?.requestSync());
    await expect
      .poll(async () => (await localHouseholds(page)).length, { timeout: 30_000 })
      .toBe(301);
    const names = await serverNames();
    expect(names).toContain('Nguyễn Văn Đức');
    expect(names).toHaveLength(301);
    expect(new Set(await localHouseholds(page))).toEqual(new Set(names));
  });

  it('storage full while saving: a clear Vietnamese message, the form kept, and what was saved stays', async () => {
    const before = await localHouseholds(page);
    // The refusal is handled: no error escapes to the page (draft autosave and save alike).
    const pageErrors: string[] = [];
    const onError = (e: Error) => pageErrors.push(`${e.name}: ${e.message}`);
    page.on('pageerror', onError);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 1 });
    faults++;
    // Chromium's IndexedDB keeps the space it last got from the quota manager for up to 30 s
    // (BucketContext::kBucketSpaceCacheTimeLimit), so a new quota only bites once that runs out.
    await expect
      .poll(() => probeWrite(page), { timeout: 45_000, interval: 500 })
      .toBe('QuotaExceededError');
    await addHousehold(page, server.url, 'Trần Thị Hết Chỗ');
    await expect
      .poll(() => page.getByTestId('storage-full').textContent())
      .toContain('Bộ nhớ máy đã đầy');
    // Nothing half-saved, and the form still holds what was typed.
    expect(await localHouseholds(page)).toEqual(before);
    expect(await page.getByLabel('Chủ hộ').inputValue()).toBe('Trần Thị Hết Chỗ');
    page.off('pageerror', onError);
    expect(pageErrors).toEqual([]);

    // Space freed: the same form saves, and everything saved before is still there.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
    await page.getByRole('button', { name: 'Lưu hộ' }).click();
    await page.getByRole('heading', { name: 'Hộ Trần Thị Hết Chỗ', exact: true }).waitFor();
    await page.reload();
    expect(new Set(await localHouseholds(page))).toEqual(new Set([...before, 'Trần Thị Hết Chỗ']));
    await cdp.detach();
  });

  it('an app older than the server is told to update', async () => {
    await page.route('**/api/**', (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-protocol-version': '0' } }),
    );
    faults++;
    await page.goto(`${server.url}/dong-bo`);
    await page.getByTestId('sync-now').click();
    await expect
      .poll(() => page.getByTestId('sync-outdated').textContent())
      .toContain('cần cập nhật ứng dụng');
    await page.unroute('**/api/**');
  });
});
