import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { startProduct, type RunningServer } from './server';
import { unlockWhenAsked } from './accountsHelpers';
import { PROTOCOL_VERSION } from '../../src/protocol/version';

const OFFICER = { username: 'canbo.xa', displayName: 'Cán bộ xã', password: 'mat-khau-thu-nghiem' };

/** First-run setup of the commune and one village through the real API (as the admin would). */
async function seedCommune(url: string) {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-protocol-version': String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const setup = await post('/api/setup', { communeCode: '09988', officer: OFFICER });
  await post('/api/villages', { name: 'Thôn Đông', kind: 'thon' }, String(setup.token));
}

/**
 * The form drafts saved on the device, read straight from IndexedDB as a copy of the profile
 * would: when each was saved (in clear), and all of them as text (their content is sealed).
 */
function rawDrafts(page: Page): Promise<{ savedAt: number[]; text: string }> {
  return page.evaluate(
    () =>
      new Promise<{ savedAt: number[]; text: string }>((resolve, reject) => {
        const open = indexedDB.open('tung-nha');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('drafts').objectStore('drafts').getAll();
          req.onsuccess = () => {
            const rows = req.result as Record<string, unknown>[];
            const text = rows
              .map((r) =>
                Object.values(r)
                  .map((v) =>
                    v instanceof Uint8Array ? new TextDecoder().decode(v) : JSON.stringify(v),
                  )
                  .join(' '),
              )
              .join('\n');
            resolve({ savedAt: rows.map((r) => Number(r.updatedAt)), text });
            open.result.close();
          };
        };
      }),
  );
}

/** Logs in once, online, through the login screen, and sets the PIN. */
async function logIn(page: Page) {
  await page.getByLabel('Tên đăng nhập (số điện thoại)').fill(OFFICER.username);
  await page.getByLabel('Mật khẩu').fill(OFFICER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mã PIN (6 chữ số)').fill('250913');
  await page.getByLabel('Nhập lại mã PIN').fill('250913');
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await page.getByTestId('field-counts').waitFor();
  unlockWhenAsked(page);
}

async function addMember(
  page: Page,
  m: { name?: string; year: string; gender: string; relation?: string },
) {
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  if (m.name) await page.getByLabel('Họ và tên').fill(m.name);
  await page.getByLabel('Năm sinh').fill(m.year);
  await page.getByLabel('Giới tính').selectOption({ label: m.gender });
  if (m.relation) await page.getByLabel('Quan hệ với chủ hộ').selectOption({ label: m.relation });
  await page.getByLabel('Có điện thoại thông minh').check();
  await page.getByRole('button', { name: 'Lưu thành viên' }).click();
  await page.getByRole('heading', { name: /^Hộ / }).waitFor();
}

describe('field work in Chromium, offline from the start', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    await seedCommune(server.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers a household with three members, logs a visit, keeps it all and finds it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/dang-nhap`);
    // The worker installs and precaches the shell while the user logs in (polled: the page may
    // replace its URL meanwhile).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
      polling: 250,
    });
    await logIn(page);

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('connectivity').textContent()).toBe('Ngoại tuyến');

    // A household, validated in Vietnamese at the field before anything is saved.
    await page.getByRole('button', { name: /Thêm hộ mới/ }).click();
    await page.getByLabel('Chủ hộ').fill('Nguyễn Văn Đức');
    await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0912 345');
    await page.getByRole('button', { name: 'Lưu hộ' }).click();
    await expect.poll(() => page.getByText('Số điện thoại gồm 10 chữ số').count()).toBe(1);
    expect(await page.getByText('Không được để trống.').count()).toBe(1); // the address
    await page.getByLabel('Số điện thoại (không bắt buộc)').fill('0912 345 678');
    await page.getByLabel('Địa chỉ').fill('Số 5, ngõ 3, Thôn Đông');
    await page.getByLabel('Hộ nghèo', { exact: true }).check();
    await page.getByRole('button', { name: 'Lưu hộ' }).click();
    await page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức', exact: true }).waitFor();

    await addMember(page, { year: '1968', gender: 'Nam' }); // the head, name prefilled
    await addMember(page, {
      name: 'Trần Thị Hoa',
      year: '1972',
      gender: 'Nữ',
      relation: 'Vợ/chồng',
    });
    await addMember(page, { name: 'Nguyễn Minh Anh', year: '2012', gender: 'Nữ', relation: 'Con' });

    // A routine visit: everyone preselected as present, one task, the outcome.
    await page.getByRole('button', { name: 'Ghi lượt hướng dẫn' }).click();
    expect(await page.getByRole('checkbox', { name: 'Trần Thị Hoa' }).isChecked()).toBe(true);
    await page.getByLabel('Cài VNeID').check();
    await page.getByLabel('Đã hoàn thành').check();
    await page.getByRole('button', { name: 'Lưu lượt hướng dẫn' }).click();
    await page.getByRole('heading', { name: 'Hộ Nguyễn Văn Đức', exact: true }).waitFor();

    await page.reload();
    const members = page.getByRole('list', { name: 'Thành viên' }).getByRole('listitem');
    await expect.poll(() => members.count()).toBe(3);
    const visits = page.getByRole('list', { name: 'Lượt hướng dẫn' }).getByRole('listitem');
    await expect.poll(() => visits.count()).toBe(1);
    expect(await visits.first().textContent()).toContain('Cài VNeID');
    expect(await page.getByText('Hộ nghèo').count()).toBe(1);

    // Search without diacritics, across households and members.
    await page.goto(`${server.url}/tim`);
    await page.getByLabel('Tên, địa chỉ hoặc số điện thoại').fill('nguyen van duc');
    await expect
      .poll(() => page.getByRole('list', { name: 'Hộ tìm thấy' }).textContent())
      .toContain('Nguyễn Văn Đức');
    await page.getByLabel('Tên, địa chỉ hoặc số điện thoại').fill('TRAN THI HOA');
    await expect
      .poll(() => page.getByRole('list', { name: 'Thành viên tìm thấy' }).textContent())
      .toContain('Trần Thị Hoa');
    await page.getByLabel('Tên, địa chỉ hoặc số điện thoại').fill('0912345');
    await expect
      .poll(() => page.getByRole('list', { name: 'Hộ tìm thấy' }).textContent())
      .toContain('Nguyễn Văn Đức');

    // A half-typed visit survives a reload.
    await page.getByRole('list', { name: 'Hộ tìm thấy' }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Ghi lượt hướng dẫn' }).click();
    await page.getByLabel('Cài VssID').check();
    const typed = await page.evaluate(() => Date.now());
    await page.getByLabel('Ghi chú').fill('Hẹn chiều mai quay lại');
    // The draft is written once the typing pauses (debounced): reload only after it is. On the
    // disk it is sealed: the note is not there in clear.
    await expect
      .poll(async () => Math.max(0, ...(await rawDrafts(page)).savedAt))
      .toBeGreaterThanOrEqual(typed);
    expect((await rawDrafts(page)).text).not.toContain('Hẹn chiều mai');
    await page.reload();
    await expect.poll(() => page.getByLabel('Ghi chú').inputValue()).toBe('Hẹn chiều mai quay lại');
    expect(await page.getByLabel('Cài VssID').isChecked()).toBe(true);
    expect(await page.getByText('Đã khôi phục bản nháp chưa lưu.').count()).toBe(1);
    await context.close();
  });
});
