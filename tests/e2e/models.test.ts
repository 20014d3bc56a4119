import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginInBrowser, setUpCommune } from './accountsHelpers';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';

/**
 * The movement's models on a phone with no signal: a mentor reaches 5/5, a household reaches
 * "Gia đình số" from ticked skills alone, a trader's 4T progress, the digital identity list.
 */
const RESIDENTS = [
  { name: 'Lê Văn Nam', year: '1970', gender: 'Nam' }, // the head: name prefilled
  { name: 'Phạm Thị Lan', year: '1974', gender: 'Nữ', relation: 'Vợ/chồng' },
  { name: 'Lê Văn Hùng', year: '1995', gender: 'Nam', relation: 'Con' },
  { name: 'Lê Thị Mai', year: '1999', gender: 'Nữ', relation: 'Con' },
  { name: 'Lê Minh Tuấn', year: '2003', gender: 'Nam', relation: 'Con' },
  { name: 'Lê Văn Khoa', year: '1948', gender: 'Nam', relation: 'Bố/mẹ' },
];

async function addMember(page: Page, m: (typeof RESIDENTS)[number], first: boolean) {
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  if (!first) await page.getByLabel('Họ và tên').fill(m.name);
  await page.getByLabel('Năm sinh').fill(m.year);
  await page.getByLabel('Giới tính').selectOption({ label: m.gender });
  if (m.relation) await page.getByLabel('Quan hệ với chủ hộ').selectOption({ label: m.relation });
  await page.getByLabel('Có điện thoại thông minh').check();
  await page.getByRole('button', { name: 'Lưu thành viên' }).click();
  await page.getByRole('heading', { name: /^Hộ / }).waitFor();
}

/** Operations waiting in the device's outbox, by entity (read straight from IndexedDB). */
function outboxEntities(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tung-nha');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => {
            resolve((req.result as { entity: string }[]).map((r) => r.entity));
            open.result.close();
          };
        };
      }),
  );
}

describe('the movement’s models in Chromium, offline', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let householdUrl = '';

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchChromium();
    const { officer } = await setUpCommune(server.url, { villages: ['Thôn Đông'] });
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await loginInBrowser(page, server.url, officer.username, officer.password);
    // Once the worker has installed (precached the shell) it takes control of the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
      polling: 250,
    });
    await page.getByTestId('session-bar').waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('connectivity').filter({ hasText: 'Ngoại tuyến' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('pairs a mentor with five mentees (5/5) and computes Gia đình số from ticked skills', async () => {
    // A household of six, all 16 or older, none with a digital identity yet.
    await page.getByRole('button', { name: /Thêm hộ mới/ }).click();
    await page.getByLabel('Chủ hộ').fill('Lê Văn Nam');
    await page.getByLabel('Địa chỉ').fill('Số 12, xóm Chợ, Thôn Đông');
    await page.getByRole('button', { name: 'Lưu hộ' }).click();
    await page.getByRole('heading', { name: 'Hộ Lê Văn Nam', exact: true }).waitFor();
    for (const [i, m] of RESIDENTS.entries()) await addMember(page, m, i === 0);
    householdUrl = page.url();

    // Gia đình số: computed, never typed. Nobody has the skills yet.
    const gds = page.getByTestId('gds-card');
    await expect.poll(() => gds.textContent()).toContain('Chưa đạt');
    expect(await gds.textContent()).toContain('Mua sắm trực tuyến');
    expect(await page.getByRole('button', { name: 'Xác nhận Gia đình số' }).count()).toBe(0);

    // The head learns on the platform and ticks everything but online payment: still short of it.
    await page.getByRole('button', { name: /^Sửa thành viên Lê Văn Nam/ }).click();
    await page.getByLabel('Nền tảng “Bình dân học vụ số”').selectOption({ label: 'Đang học' });
    for (const label of [
      'Biết dùng dịch vụ công trực tuyến',
      'Biết mua sắm trực tuyến',
      'Biết tự bảo vệ trên không gian mạng',
      'Dùng được một nền tảng số của địa phương',
      'Hướng dẫn cả gia đình',
    ])
      await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { name: 'Hộ Lê Văn Nam', exact: true }).waitFor();
    await expect
      .poll(() => gds.getByRole('list', { name: 'Còn thiếu' }).textContent())
      .toBe('Thanh toán trực tuyến');
    expect(await gds.textContent()).toContain('Chưa đạt');

    // Online payment ticked: the household reaches "Gia đình số"; the leader confirms it.
    await page.getByRole('button', { name: /^Sửa thành viên Lê Văn Nam/ }).click();
    await page.getByLabel('Biết thanh toán trực tuyến').check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('heading', { name: 'Hộ Lê Văn Nam', exact: true }).waitFor();
    await expect.poll(() => gds.locator('.readiness').textContent()).toBe('Đạt');
    expect(await gds.getByRole('list', { name: 'Còn thiếu' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Xác nhận Gia đình số' }).click();
    await expect.poll(() => page.getByTestId('gds-confirmed').textContent()).toContain('Cán bộ xã');

    // Đại sứ số: the user mentors five residents picked from the suggestions.
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /Đại sứ số/ }).click();
    await page.getByRole('button', { name: 'Tôi làm đại sứ số' }).click();
    await page.getByRole('heading', { name: 'Đại sứ số: Cán bộ xã' }).waitFor();
    const badge = page.getByTestId('mentor-badge').first();
    await expect.poll(() => badge.textContent()).toBe('0/5');
    const suggestions = page.getByRole('list', { name: 'Gợi ý người học' });
    await expect.poll(() => suggestions.getByRole('listitem').count()).toBe(6);
    for (let n = 1; n <= 5; n++) {
      await suggestions
        .getByRole('button', { name: /^Nhận / })
        .first()
        .click();
      await expect.poll(() => badge.textContent()).toBe(`${n}/5`);
    }
    const mentees = page
      .getByRole('list', { name: 'Người học', exact: true })
      .getByRole('listitem');
    expect(await mentees.count()).toBe(5);
    expect(await suggestions.getByRole('listitem').count()).toBe(1); // only the one left
    const leftName = (await suggestions.locator('strong').textContent()) ?? '';

    // Stopping a pairing drops the count; resuming it restores it.
    const firstName = (await mentees.first().locator('strong').textContent()) ?? '';
    await page.getByLabel(`Trạng thái của ${firstName}`).selectOption({ label: 'Dừng' });
    await expect.poll(() => badge.textContent()).toBe('4/5');
    await page.getByLabel(`Trạng thái của ${firstName}`).selectOption({ label: 'Đang hướng dẫn' });
    await expect.poll(() => badge.textContent()).toBe('5/5');

    // A resident mentor may not take someone who already has an active mentor.
    await page.goto(`${server.url}/dai-su-so`);
    const reached = page.getByRole('list', { name: 'Đại sứ số đã đủ người học' });
    await expect.poll(() => reached.textContent()).toContain('Cán bộ xã');
    expect(await reached.textContent()).toContain('5/5');
    await page.getByLabel('Tìm người dân làm đại sứ số').fill(leftName);
    await page.getByRole('list', { name: 'Người dân tìm thấy' }).getByRole('button').click();
    await page.getByRole('heading', { name: `Đại sứ số: ${leftName}` }).waitFor();
    await page.getByLabel('Tìm người học theo tên').fill(firstName);
    await page.getByRole('button', { name: `Nhận ${firstName} làm người học` }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Mỗi người chỉ có một đại sứ số' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await page.getByTestId('mentor-badge').first().textContent()).toBe('0/5');

    // Everything went through the outbox and survives a reload with no network.
    const ops = await outboxEntities(page);
    expect(ops.filter((e) => e === 'mentorship').length).toBe(7); // 5 pairings, 2 status changes
    expect(ops).toContain('household');
    await page.goto(householdUrl);
    await expect.poll(() => gds.locator('.readiness').textContent()).toBe('Đạt');
    await page.goto(`${server.url}/dai-su-so`);
    await expect.poll(() => reached.textContent()).toContain('5/5');
  });

  it('records a trader’s 4T steps, lists missing digital identities, then syncs with nothing refused', async () => {
    await page.goto(householdUrl);
    await page.getByRole('button', { name: 'Thêm tiểu thương' }).click();
    await page.getByRole('button', { name: 'Lưu tiểu thương' }).click();
    // Nothing saved half-valid: who and the stall's name are required.
    await expect.poll(() => page.getByText('Không được để trống.').count()).toBe(2);
    await page.getByLabel('Thành viên là tiểu thương').selectOption({ label: 'Phạm Thị Lan' });
    await page.getByLabel('Tên quầy hàng / cơ sở kinh doanh').fill('Sạp rau cô Lan, chợ Đông');
    await page.getByRole('button', { name: 'Đạt hôm nay: Tiểu thương' }).click();
    await page.getByRole('button', { name: 'Đạt hôm nay: Thanh toán không dùng tiền mặt' }).click();
    await page.getByRole('button', { name: 'Lưu tiểu thương' }).click();
    const traders = page.getByRole('list', { name: 'Tiểu thương của hộ' });
    await expect.poll(() => traders.getByTestId('trader-progress').textContent()).toBe('4T 2/4');
    expect(await traders.textContent()).toContain(
      'Bước tiếp theo: Hướng dẫn bán hàng trên sàn thương mại điện tử',
    );

    // The third step, recorded later, from the 4T list.
    await page.goto(`${server.url}/cho-so-4t`);
    await expect
      .poll(() => page.getByTestId('trader-summary').textContent())
      .toContain('1 tiểu thương');
    await page.getByRole('button', { name: 'Sửa tiểu thương Sạp rau cô Lan, chợ Đông' }).click();
    await page.getByRole('button', { name: 'Đạt hôm nay: Thương mại điện tử' }).click();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect.poll(() => traders.getByTestId('trader-progress').textContent()).toBe('4T 3/4');
    expect(await traders.textContent()).toContain('Bước tiếp theo: Hướng dẫn tiết kiệm số');

    // Mỗi công dân – Một danh tính số: all six adults still lack VNeID and a bank account.
    await page.goto(`${server.url}/danh-tinh-so`);
    await expect
      .poll(() => page.getByTestId('digital-id-summary').textContent())
      .toContain('0 / 6');
    const missing = page.getByRole('list', { name: 'Người còn thiếu danh tính số' });
    expect(await missing.getByRole('listitem').count()).toBe(6);
    expect(await missing.textContent()).toContain('Chưa có tài khoản VNeID');
    await missing.getByRole('button', { name: /Lê Minh Tuấn/ }).click();
    await page.getByRole('heading', { name: 'Hộ Lê Văn Nam', exact: true }).waitFor();

    // Back online: every pairing, tick, confirmation and trader is accepted by the server.
    await context.setOffline(false);
    await page.goto(`${server.url}/dong-bo`);
    await page.getByTestId('sync-now').click();
    await expect
      .poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 })
      .toBe('Mọi thay đổi đã được gửi.');
    expect(await page.getByTestId('sync-rejected').count()).toBe(0);
    expect(await outboxEntities(page)).toEqual([]);
  });
});
