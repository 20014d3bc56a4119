import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { launchChromium } from '../e2e/browser';

/**
 * The gzip size of every JavaScript file a fresh browser loads for the first screen (nothing
 * cached, no service worker yet), measured from the real network responses.
 */
export async function firstScreenJsGzipKB(url: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const bodies: Promise<number>[] = [];
    const unread: string[] = [];
    const onResponse = (res: Response) => {
      const type = res.request().resourceType();
      if (type === 'script' || res.headers()['content-type']?.includes('javascript')) {
        bodies.push(
          res.body().then(
            (b) => gzipSync(b, { level: 9 }).length,
            (e: unknown) => {
              unread.push(`${res.url()}: ${String(e)}`);
              return 0;
            },
          ),
        );
      }
    };
    page.on('response', onResponse);
    await page.goto(url, { waitUntil: 'networkidle' });
    // What arrives after the first screen is not part of it (and is never read after closing).
    page.off('response', onResponse);
    const sizes = await Promise.all(bodies);
    if (unread.length > 0) throw new Error(`first screen scripts not read: ${unread.join('; ')}`);
    return Math.round((sizes.reduce((a, b) => a + b, 0) / 1024) * 10) / 10;
  } finally {
    await browser.close();
  }
}
