import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { seedCommune, TEST_PASSWORD, type SeededCommune } from '../support/accounts';
import { op, uuid } from '../support/sync';
import { loginInBrowser } from './accountsHelpers';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';

/**
 * A volunteer deletes six households of the lane through the API (as a stolen or misused phone
 * would): five go at once, the sixth waits. The team leader, on the real product in Chromium,
 * sees who deleted what and from which phone, restores one household, agrees to the held delete,
 * undoes a rename, and after a sync the leader's own phone shows both households as they were.
 */
const LAN = '0912000011';
const LEADER = '0912000012';
const heads = Array.from({ length: 6 }, (_, i) => `Hộ thử ${i + 1} Páo`);
const KEPT = 'Hộ thử 7 Mùa';

async function push(url: string, token: string, ops: ReturnType<typeof op>[]) {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ ops }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results;
}

/** Runs a sync now; resolves when it is over. */
const syncNow = (page: Page) => page.evaluate(() => window.__tungNhaSync?.requestSync());

describe('a leader undoes a volunteer’s deletions', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let seed: SeededCommune;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-deletions-'));
    const store = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(store);
    seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [
        { username: LAN, role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Lò Thị Lan' },
        { username: LEADER, role: 'leader', villages: ['Thôn Đông'], displayName: 'Tổ trưởng Hà' },
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

  it('shows who deleted what, restores a household, and agrees to a held delete', async () => {
    const token = seed.tokens[LAN] as string;
    const dong = seed.villages['Thôn Đông'] as string;
    const ids = heads.map(() => uuid());
    await push(
      server.url,
      token,
      ids.map((id, i) => op('household', id, { villageId: dong, headName: heads[i] })),
    );
    const deleted = await push(
      server.url,
      token,
      ids.map((id) => op('household', id, { deleted: true })),
    );
    expect(deleted.map((r) => r.code ?? r.status)).toEqual([
      ...Array(5).fill('applied'),
      'deletion_held',
    ]);
    // And renames a seventh household to "X": its old name is kept for the leader to undo.
    const renamed = uuid();
    await push(server.url, token, [op('household', renamed, { villageId: dong, headName: KEPT })]);
    await push(server.url, token, [op('household', renamed, { headName: 'X' })]);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await loginInBrowser(page, server.url, LEADER, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Quản lý' }).click();
    await page.getByRole('heading', { name: 'Đã xóa gần đây' }).waitFor();

    const rows = page.getByRole('list', { name: 'Đã xóa gần đây' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(6); // five deletions and one edit
    const first = rows.filter({ hasText: heads[0] as string });
    expect(await first.textContent()).toContain('Xóa bởi Lò Thị Lan (Máy của 0912000011)');
    const held = page.getByRole('list', { name: 'Yêu cầu xóa chờ đồng ý' });
    expect(await held.textContent()).toContain(`${heads[5]}`);
    expect(await held.textContent()).toContain('Lò Thị Lan xin xóa');

    await page.getByRole('button', { name: `Khôi phục: ${heads[0]}` }).click();
    await page.getByRole('button', { name: 'Xác nhận khôi phục' }).click();
    await expect.poll(() => first.textContent()).toContain('Đã khôi phục bởi Tổ trưởng Hà');

    await page.getByRole('button', { name: `Đồng ý xóa: ${heads[5]}` }).click();
    await page.getByRole('button', { name: 'Xác nhận xóa' }).click();
    await held.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count()).toBe(8); // the leader's own delete, and the request

    const edit = rows.filter({ hasText: KEPT });
    expect(await edit.textContent()).toContain(
      'Sửa tên, địa chỉ hoặc số điện thoại bởi Lò Thị Lan',
    );
    await page.getByRole('button', { name: `Hoàn tác: ${KEPT}` }).click();
    await page.getByRole('button', { name: 'Xác nhận hoàn tác' }).click();
    await expect.poll(() => edit.textContent()).toContain('Đã hoàn tác bởi Tổ trưởng Hà');

    // The leader's phone receives the restored household on its next sync.
    await syncNow(page);
    await page.goto(`${server.url}/thon/${dong}`);
    const households = page.getByRole('list', { name: 'Hộ gia đình' });
    await expect.poll(() => households.textContent()).toContain(heads[0]);
    expect(await households.textContent()).toContain(KEPT);
    expect(await households.textContent()).not.toContain(heads[1]);
    expect(await households.textContent()).not.toContain(heads[5]);
    await context.close();
  });
});
