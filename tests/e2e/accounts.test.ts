import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';
import { unlockWhenAsked } from './accountsHelpers';

/** Counts the rows of every table of the device database, from inside the page. */
function countRows(page: Page) {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tung-nha');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const counts: Record<string, number> = {};
    for (const name of Array.from(idb.objectStoreNames)) {
      counts[name] = await new Promise<number>((resolve) => {
        const req = idb.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
    }
    idb.close();
    return counts;
  });
}

function putRow(page: Page, store: string, row: Record<string, unknown>) {
  return page.evaluate(
    async ({ store, row }) => {
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('tung-nha');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(store, 'readwrite');
        tx.objectStore(store).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    },
    { store, row },
  );
}

async function setPin(page: Page, pin: string) {
  await page.getByRole('heading', { name: 'Đặt mã PIN' }).waitFor();
  await page.getByLabel('Mã PIN (6 chữ số)').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await page.getByTestId('session-bar').waitFor();
  unlockWhenAsked(page, pin);
}

describe('accounts in Chromium: setup, a volunteer, a lost phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let officerCtx: BrowserContext;
  let phoneCtx: BrowserContext;
  beforeAll(async () => {
    server = await startProduct({ fresh: true }); // a first run: initdb in an empty DATA_DIR
    browser = await launchChromium();
    officerCtx = await browser.newContext({ locale: 'vi-VN' });
    phoneCtx = await browser.newContext({ locale: 'vi-VN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up the commune, creates a volunteer, revokes the phone, and the phone wipes itself', async () => {
    const officer = await officerCtx.newPage();
    await officer.goto(server.url);
    await officer.getByRole('heading', { name: 'Thiết lập xã' }).waitFor();
    expect(new URL(officer.url()).pathname).toBe('/thiet-lap');
    await officer.getByLabel('Tìm xã, phường (tên hoặc mã)').fill('hoa lac');
    await officer.getByLabel(/Xã Hòa Lạc — Thành phố Hà Nội/).check();
    await officer.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await officer.getByLabel('Tên đăng nhập').fill('canbo.hoalac');
    await officer.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-can-bo');
    await officer.getByLabel('Nhập lại mật khẩu').fill('mat-khau-can-bo');
    await officer.getByRole('button', { name: 'Thiết lập xã' }).click();
    await setPin(officer, '607182');
    await expect
      .poll(() => officer.getByTestId('session-bar').textContent())
      .toContain('Xã Hòa Lạc');

    await officer.getByRole('button', { name: 'Quản lý' }).click();
    await officer.getByLabel('Tên thôn, xóm mới').fill('Thôn Đông');
    await officer.getByRole('button', { name: 'Thêm thôn, xóm' }).click();
    await officer.getByRole('button', { name: 'Lưu trữ Thôn Đông' }).waitFor();
    await officer.getByLabel('Họ và tên').fill('Trần Văn Minh');
    await officer.getByLabel('Số điện thoại (tên đăng nhập)').fill('0912345678');
    await officer.getByRole('checkbox', { name: 'Thôn Đông' }).check();
    await officer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const shown = await officer
      .getByTestId('temporary-password')
      .locator('strong')
      .nth(1)
      .textContent();
    const temporary = String(shown);
    expect(temporary).toMatch(/^[a-z]{4}\d{6}$/);

    // The volunteer's phone: first login needs the temporary password changed, then a PIN.
    const phone = await phoneCtx.newPage();
    await phone.goto(server.url);
    await phone.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await phone.getByLabel('Tên đăng nhập (số điện thoại)').fill('0912345678');
    await phone.getByLabel('Mật khẩu').fill(temporary);
    await phone.getByRole('button', { name: 'Đăng nhập' }).click();
    await phone.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await phone.getByLabel('Mật khẩu tạm').fill(temporary);
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-minh');
    await phone.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-minh');
    await phone.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await setPin(phone, '319475');
    await expect
      .poll(() => phone.getByTestId('session-bar').textContent())
      .toContain('Trần Văn Minh');
    // The volunteer sees their own devices, this phone among them.
    await phone.getByRole('button', { name: 'Thiết bị' }).click();
    await phone.getByRole('heading', { name: 'Thiết bị của tôi' }).waitFor();
    await expect.poll(() => phone.locator('main').textContent()).toContain('máy này');
    await phone.goto(server.url);
    await phone.getByTestId('session-bar').waitFor();
    await putRow(phone, 'drafts', { formId: 'ho-moi', value: { name: 'Hộ ông Tư' }, updatedAt: 1 });
    expect((await countRows(phone)).drafts).toBe(1);

    // What the volunteer downloads reaches the officer's log of exports at the phone's next sync.
    await phone.goto(`${server.url}/bao-cao`);
    await phone.getByRole('button', { name: 'Tải về CSV' }).click();
    await phone.evaluate(() => window.__tungNhaSync?.requestSync());
    await officer.getByRole('heading', { name: 'Nhật ký xuất dữ liệu' }).waitFor();
    const exportLog = async () => {
      await officer.getByRole('button', { name: 'Tải lại' }).click();
      return officer.getByRole('list', { name: 'Nhật ký xuất dữ liệu' }).textContent();
    };
    await expect.poll(exportLog, { timeout: 20_000 }).toMatch(/Tải báo cáo CSV: Báo cáo Tháng/);
    expect(await exportLog()).toContain('Trần Văn Minh (');
    // A report holds no names: asked for those with names only, the list has none.
    await officer.getByLabel('Chỉ những lần có tên người dân').check();
    await officer.getByText('Chưa có ai xuất hay in dữ liệu.').waitFor();
    await officer.getByLabel('Chỉ những lần có tên người dân').uncheck();

    // The phone is lost: the officer revokes it after a confirmation.
    await officer.reload();
    await officer.getByRole('button', { name: /Thu hồi .* của Trần Văn Minh/ }).click();
    await officer.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect
      .poll(() =>
        officer.getByTestId('device-row').filter({ hasText: 'Trần Văn Minh' }).textContent(),
      )
      .toContain('Đã thu hồi');

    // Its next contact with the server: refused, the data is wiped, back to login with a message.
    await phone.reload();
    await expect
      .poll(() => phone.getByTestId('login-notice').textContent(), { timeout: 20_000 })
      .toContain('Thiết bị này đã bị thu hồi quyền truy cập');
    expect(new URL(phone.url()).pathname).toBe('/dang-nhap');
    const counts = await countRows(phone);
    expect({ ...counts, meta: undefined }).toEqual(
      Object.fromEntries(Object.keys(counts).map((k) => [k, k === 'meta' ? undefined : 0])),
    );
    expect(counts.meta).toBe(1); // only the notice itself

    // The officer cannot log out while changes wait to be sent.
    await officer.goto(`${server.url}/`);
    await putRow(officer, 'outbox', {
      opId: 'op-1',
      entity: 'household',
      id: 'h1',
      fields: {},
      clock: '0',
      createdAt: 1,
    });
    await officer.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect
      .poll(() => officer.getByRole('alert').first().textContent())
      .toContain('chưa gửi lên máy chủ');
    expect(await officer.getByTestId('session-bar').isVisible()).toBe(true);
  });
});
