import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDay } from '../../src/domain/calendar';
import { targetRecordId } from '../../src/domain/targetRecords';
import { exportLogSchema } from '../../src/protocol';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { seedCommune, TEST_PASSWORD } from '../support/accounts';
import { op } from '../support/sync';
import { loginInBrowser } from './accountsHelpers';
import { communeOps, LEADER, push } from './communeSeed';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';

/**
 * The team leader's views against the real product: the commune's data arrives through
 * POST /api/sync/push (as volunteers' phones would send it) and a sync in the app; the leader then
 * reads the dashboard offline, opens a household from "Việc cần làm", and exports the XLSX report.
 */
async function syncNow(page: Page, url: string) {
  await page.goto(`${url}/dong-bo`);
  await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click();
  await page.evaluate(() => window.__tungNhaSync?.requestSync());
  await page.getByTestId('sync-pending').filter({ hasText: 'Mọi thay đổi đã được gửi.' }).waitFor();
}

async function open(page: Page, p: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, p);
}

describe('leader views in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let ids: ReturnType<typeof communeOps>['ids'];
  let officerToken = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-views-'));
    const store = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(store);
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [
        { username: LEADER, role: 'leader', villages: ['Thôn Đông'], displayName: 'Tổ trưởng Hải' },
        { username: 'canbo', role: 'officer', displayName: 'Cán bộ xã' },
      ],
    });
    await store.close();
    officerToken = seed.tokens.canbo as string;
    server = await startProduct({
      dataDir,
    });
    const data = communeOps(seed);
    ids = data.ids;
    await push(server.url, seed.tokens[LEADER] as string, data.ops);
    const year = Number(vietnamDay(Date.now()).slice(0, 4));
    await push(server.url, seed.tokens.canbo as string, [
      op('target', targetRecordId(year), { year, adultsSmartphone: 70 }),
    ]);
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginInBrowser(page, server.url, LEADER, TEST_PASSWORD);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
    });
    await syncNow(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop({ keepData: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('after a sync, brings the dashboard’s summaries up to date before anyone opens it', async () => {
    const counts = () =>
      page.evaluate(
        () =>
          new Promise<[number, number]>((resolve, reject) => {
            const open = indexedDB.open('tung-nha');
            open.onerror = () => reject(new Error('no database'));
            open.onsuccess = () => {
              const tx = open.result.transaction(['summaryBuckets', 'summaryDirty']);
              const buckets = tx.objectStore('summaryBuckets').count();
              const dirty = tx.objectStore('summaryDirty').count();
              tx.oncomplete = () => {
                resolve([buckets.result, dirty.result]);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(counts, { timeout: 10_000 }).toEqual([expect.any(Number), 0]);
    const [buckets] = await counts();
    expect(buckets).toBeGreaterThan(0);
  });

  it('shows the dashboard against the commune’s targets, offline', async () => {
    await context.setOffline(true);
    await page.goto(`${server.url}/tong-quan`);
    const phones = page.getByTestId('indicator-adultsSmartphone');
    await phones.waitFor();
    const text = await phones.textContent();
    expect(text).toContain('3 / 4');
    expect(text).toContain('75%');
    expect(text).toContain('≥ 70%');
    expect(text).toContain('Đạt');
    const meter = page.getByRole('meter', { name: 'Người trưởng thành có điện thoại thông minh' });
    expect(await meter.getAttribute('aria-valuenow')).toBe('75');
    // Default target where the officer set none: e-payment > 50 %, 1 of 4 adults.
    const pay = await page.getByTestId('indicator-adultsEpayment').textContent();
    expect(pay).toContain('1 / 4');
    expect(pay).toContain('> 50%');
    expect(pay).toContain('Chưa đạt');
    // The last four weeks: the visit of 40 days ago is outside; the leader's own name is known.
    expect(await page.getByTestId('activity-totals').textContent()).toContain(
      '1 lượt hướng dẫn · 1 hộ được hướng dẫn',
    );
    expect(await page.getByRole('rowheader', { name: 'Tổ trưởng Hải' }).count()).toBe(1);
    await context.setOffline(false);
  });

  it('opens the household from a to-do row', async () => {
    await open(page, '/viec-can-lam');
    const never = page.getByRole('list', { name: 'Hộ chưa được thăm lần nào' });
    await never.waitFor();
    expect(await never.getByRole('listitem').count()).toBe(1);
    const stale = await page.getByTestId('todo-notVisitedFor').textContent();
    expect(stale).toContain('Nguyễn Văn An');
    await never.getByRole('link', { name: /Trần Thị Bình/ }).click();
    await page.getByRole('heading', { name: 'Hộ Trần Thị Bình' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ho/${ids.binh}`);
  });

  it('exports the month’s report as XLSX with the figures and Vietnamese text', async () => {
    await open(page, '/bao-cao');
    await page.getByRole('button', { name: 'Tải về Excel (XLSX)' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Báo cáo Tháng \d+-\d{4} - Thôn Đông\.xlsx$/);
    const rows = await readSheet(await readFile(await download.path()));
    expect(String(rows[0]?.[0])).toContain('Báo cáo kết quả Phong trào "Bình dân học vụ số"');
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('Người trưởng thành có điện thoại thông minh')?.slice(1, 6)).toEqual([
      3,
      4,
      75,
      '≥ 70%',
      'Đạt',
    ]);
    expect(find('Hộ gia đình trên địa bàn')?.[1]).toBe(3);
    expect(find('Phạm vi')?.[1]).toBe('Thôn Đông');

    // The officer's log of exports has it, with the leader's name, once the phone syncs.
    await page.evaluate(() => window.__tungNhaSync?.requestSync());
    const logged = async () => {
      const res = await fetch(`${server.url}/api/exports`, {
        headers: { authorization: `Bearer ${officerToken}` },
      });
      const { entries } = exportLogSchema.parse(await res.json());
      return entries.map((e) => `${e.kind} ${e.what} ${e.by.displayName}`);
    };
    const name = download.suggestedFilename().replace(/\.xlsx$/, '');
    await expect.poll(logged, { timeout: 20_000 }).toEqual([`report_xlsx ${name} Tổ trưởng Hải`]);
  });

  it('fetches the same report from the server', async () => {
    await open(page, '/bao-cao');
    const row = page.getByRole('row', { name: /^Người trưởng thành có điện thoại thông minh/ });
    const onDevice = await row.textContent();
    await page.getByRole('button', { name: 'Lấy báo cáo từ máy chủ' }).click();
    await page
      .getByTestId('report-source')
      .filter({ hasText: 'Đang xem báo cáo tính từ dữ liệu trên máy chủ.' })
      .waitFor();
    expect(await row.textContent()).toBe(onDevice);
    expect(onDevice).toContain('≥ 70%');
  });
});
