import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { seedCommune, TEST_PASSWORD } from '../support/accounts';
import { loginInBrowser } from './accountsHelpers';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';

/**
 * Two volunteers' phones (two browser contexts) against the real product: both edit the same
 * household offline — different fields, then the same field — and each logs a visit. Once both
 * are online and synced, both show the same merged household and both visits.
 */
const LAN = '0912000001';
const MINH = '0912000002';

async function syncNow(page: Page) {
  await page.getByTestId('sync-badge').click();
  await page.getByRole('button', { name: 'Đồng bộ', exact: true }).click();
  // The same run the button started; resolves when it is over.
  await page.evaluate(() => window.__tungNhaSync?.requestSync());
  await expect
    .poll(() => page.getByTestId('sync-pending').textContent())
    .toBe('Mọi thay đổi đã được gửi.');
}

async function editHousehold(page: Page, id: string, label: string, value: string) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/ho/${id}/sua`);
  await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: /^Lưu/ }).click();
  await page.getByRole('heading', { name: /^Hộ / }).waitFor();
}

async function logVisit(page: Page, task: string) {
  await page.getByRole('button', { name: 'Ghi lượt hướng dẫn' }).click();
  await page.getByLabel(task).check();
  await page.getByLabel('Đã hoàn thành').check();
  await page.getByRole('button', { name: 'Lưu lượt hướng dẫn' }).click();
  await page.getByRole('heading', { name: /^Hộ / }).waitFor();
}

describe('two phones converge through the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-sync-browser-'));
    const store = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(store);
    await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [
        { username: LAN, role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Lan' },
        { username: MINH, role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Minh' },
      ],
    });
    await store.close();
    server = await startProduct({ dataDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop({ keepData: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('both show the same merged household and both visits', async () => {
    const phones: { context: BrowserContext; page: Page }[] = [];
    for (const user of [LAN, MINH]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await loginInBrowser(page, server.url, user, TEST_PASSWORD);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 60_000,
      });
      phones.push({ context, page });
    }
    const [lan, minh] = phones as [(typeof phones)[0], (typeof phones)[0]];

    // Lan registers the household online and syncs; Minh receives it.
    await lan.page.goto(`${server.url}/ho/moi`);
    await lan.page.getByLabel('Chủ hộ').fill('Nguyễn Văn Đức');
    await lan.page.getByLabel('Địa chỉ').fill('Số 5, ngõ 3');
    await lan.page.getByRole('button', { name: 'Lưu hộ' }).click();
    await lan.page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức' }).waitFor();
    const id = new URL(lan.page.url()).pathname.split('/')[2] as string;
    await syncNow(lan.page);
    await syncNow(minh.page);
    await minh.page.goto(`${server.url}/ho/${id}`);
    await minh.page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức' }).waitFor();

    // Both go offline and edit: different fields, then the same field (Minh's edit is later).
    await lan.page.goto(`${server.url}/ho/${id}`);
    await lan.page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức' }).waitFor();
    for (const p of phones) await p.context.setOffline(true);
    await editHousehold(lan.page, id, 'Số điện thoại (không bắt buộc)', '0912 345 678');
    await editHousehold(minh.page, id, 'Địa chỉ', 'Số 7, ngõ 9, Thôn Đông');
    await editHousehold(lan.page, id, 'Chủ hộ', 'Nguyễn Văn Đức (Lan sửa)');
    await lan.page.waitForTimeout(20);
    await editHousehold(minh.page, id, 'Chủ hộ', 'Nguyễn Văn Đức (Minh sửa)');
    await logVisit(lan.page, 'Cài VNeID');
    await logVisit(minh.page, 'Cài VssID');

    for (const p of phones) await p.context.setOffline(false);
    await syncNow(lan.page);
    await syncNow(minh.page);
    await syncNow(lan.page);

    for (const { page } of phones) {
      await page.goto(`${server.url}/ho/${id}`);
      await page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức (Minh sửa)' }).waitFor();
      const summary = await page.locator('section > p').first().textContent();
      expect(summary).toContain('Số 7, ngõ 9, Thôn Đông');
      expect(summary).toContain('0912345678');
      const visits = page.getByRole('list', { name: 'Lượt hướng dẫn' }).getByRole('listitem');
      await expect.poll(() => visits.count()).toBe(2);
      const text = await page.getByRole('list', { name: 'Lượt hướng dẫn' }).textContent();
      expect(text).toContain('Cài VNeID');
      expect(text).toContain('Cài VssID');
    }
    for (const p of phones) await p.context.close();
  }, 240_000);
});
