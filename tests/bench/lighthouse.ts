import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';

/** Lighthouse (npm) performance score, 0–100, of a URL with its default mobile emulation. */
export async function lighthousePerformance(url: string): Promise<number> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      logLevel: 'silent',
      output: 'json',
    });
    const score = result?.lhr.categories.performance?.score;
    if (typeof score !== 'number') throw new Error('Lighthouse returned no performance score');
    return Math.round(score * 100);
  } finally {
    await chrome.kill();
  }
}
