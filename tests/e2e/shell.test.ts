import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockScreen, loginInBrowser, setUpCommune, unlock } from './accountsHelpers';
import { launchChromium, launchPersistentChromium } from './browser';
import { startProduct, type RunningServer } from './server';

describe('the installable app shell, served by npm start', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads in Vietnamese, is controlled by the service worker, and reopens offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A server with no commune yet offers the first-run setup.
    await page.goto(server.url);
    await expect.poll(() => page.url()).toContain('/thiet-lap');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.getByTestId('connectivity').textContent()).toBe('Trực tuyến');

    const { officer } = await setUpCommune(server.url);
    const stopUnlocking = await loginInBrowser(
      page,
      server.url,
      officer.username,
      officer.password,
    );
    await page.goto(server.url);
    await page.getByTestId('session-bar').waitFor();
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    const home = await page.locator('h1').first().textContent();

    // The worker installs and precaches the shell; after a reload it controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    stopUnlocking();
    await page.reload();
    await expect.poll(() => page.getByTestId('connectivity').textContent()).toBe('Ngoại tuyến');
    // Offline, the same home screen opens from the device, after the PIN (a load starts locked).
    await expect.poll(() => page.locator('.brand').textContent()).toBe('Từng Nhà');
    await lockScreen(page).waitFor();
    await unlock(page);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(home);

    // A deep link from a QR sticker also opens offline (navigation fallback to the app shell).
    await page.goto(`${server.url}/h/09988/ABC123`);
    await expect.poll(() => page.locator('.brand').textContent()).toBe('Từng Nhà');
    await context.close();
  });

  it('is installable: Chromium reports no installability errors for the manifest', async () => {
    // Incognito contexts are never installable, so this one uses a real profile.
    const persistent = await launchPersistentChromium();
    const context = persistent.context;
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const cdp = await context.newCDPSession(page);
    const result = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: unknown[];
    };
    expect(result.installabilityErrors).toEqual([]);
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ name: 'Từng Nhà', lang: 'vi', display: 'standalone' });
    await persistent.close();
  });
});
