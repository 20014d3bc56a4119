import { gzipSync } from 'node:zlib';
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
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type === 'script' || res.headers()['content-type']?.includes('javascript')) {
        bodies.push(res.body().then((b) => gzipSync(b, { level: 9 }).length));
      }
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(bodies);
    return Math.round((sizes.reduce((a, b) => a + b, 0) / 1024) * 10) / 10;
  } finally {
    await browser.close();
  }
}
