import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, with the flags this workplace needs (no sandbox as root, no background network). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(
  extraArgs: string[] = [],
  opts: LaunchOptions = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...opts,
  });
}

/**
 * A Chromium with a real (non-incognito) profile in a temp folder: needed where Chromium treats
 * incognito differently, such as the install prompt.
 */
export async function launchPersistentChromium(extraArgs: string[] = []) {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tn-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  return {
    context,
    /** The profile's folder on disk. */
    dir,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
