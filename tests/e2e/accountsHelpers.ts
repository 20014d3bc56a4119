import type { Page } from 'playwright-core';

/**
 * For end-to-end tests that need a logged-in device: sets up the commune through the API (first
 * run), optionally creates a village and a volunteer, then logs in through the real screens and
 * sets the PIN. Returns what was created.
 */
export async function setUpCommune(url: string, opts: { villages?: string[] } = {}) {
  const setup = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      communeCode: '09988',
      officer: { username: 'canbo', displayName: 'Cán bộ xã', password: 'mat-khau-can-bo' },
    }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const { token } = (await setup.json()) as { token: string };
  const villages: Record<string, string> = {};
  for (const name of opts.villages ?? []) {
    const res = await fetch(`${url}/api/villages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name }),
    });
    villages[name] = ((await res.json()) as { village: { id: string } }).village.id;
  }
  return {
    officer: { username: 'canbo', password: 'mat-khau-can-bo' },
    officerToken: token,
    villages,
  };
}

/**
 * The app starts locked after every load (the data key lives in memory only): from here on, after
 * each load of the page, the PIN is entered as soon as the lock screen shows. Returns the function
 * that stops it (a test of the lock itself).
 */
export function unlockWhenAsked(page: Page, pin = '250913'): () => void {
  const onLoad = () => {
    const field = page.getByLabel('Nhập mã PIN');
    void field
      .waitFor({ timeout: 30_000 })
      .then(() => enterPin(page, pin))
      .catch(() => undefined); // not locked (no PIN yet, logged out), or the page went away
  };
  page.on('load', onLoad);
  return () => page.off('load', onLoad);
}

async function enterPin(page: Page, pin: string) {
  await page.getByLabel('Nhập mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
}

export const lockScreen = (page: Page) => page.getByRole('heading', { name: 'Ứng dụng đang khóa' });

/** Enters the PIN on the lock screen and waits for the app behind it. */
export async function unlock(page: Page, pin = '250913') {
  await enterPin(page, pin);
  await page.getByTestId('session-bar').waitFor();
}

/** Logs in through the login screen and sets the PIN (the user must not need a password change). */
export async function loginInBrowser(
  page: Page,
  url: string,
  username: string,
  password: string,
  pin = '250913',
) {
  await page.goto(`${url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập (số điện thoại)').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mã PIN (6 chữ số)').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await page.getByTestId('session-bar').waitFor();
  return unlockWhenAsked(page, pin);
}
