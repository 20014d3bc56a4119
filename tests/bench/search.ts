/**
 * Search p95 over a generated commune (20,000 households, 80,000 people, 100,000 visits) in
 * Chromium, through the app's own Dexie tables and search function, from a production build. A benchmark, never a test:
 * `npx tsx tests/bench/search.ts` prints the figures; the bench runner calls searchBench().
 */
import { pathToFileURL } from 'node:url';
import type { CommuneSize } from '../../src/domain/generate';
import { launchChromium } from '../e2e/browser';
import { buildBenchPages, servePages } from './pages';
import { COMMUNE_SIZE } from './scale';
import type { SearchPageResult } from './searchPage';
import { median, percentile } from './stats';

export interface SearchBenchResult {
  searchP50Ms: number;
  searchP95Ms: number;
  queries: number;
  loadS: number;
  slowest: [query: string, ms: number][];
}

/**
 * Loads the commune once, then runs `rounds` rounds of queries for each CPU slowdown (1 = none,
 * 4 = CDP Emulation.setCPUThrottlingRate 4×), alternating the settings round by round. Each
 * setting's figures are the medians over its rounds.
 */
export async function searchBench(
  opts: { queries?: number; seed?: number; rounds?: number; cpuSlowdowns?: number[] } = {},
): Promise<Map<number, SearchBenchResult>> {
  await buildBenchPages(); // a production build, as users get the app
  const pages = await servePages();
  const browser = await launchChromium();
  const slowdowns = opts.cpuSlowdowns ?? [1];
  const rounds = opts.rounds ?? 1;
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${pages.url}/tests/bench/search.html`);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 });
    const byRate = new Map<number, SearchPageResult[]>(slowdowns.map((r) => [r, []]));
    for (let round = 0; round < rounds; round++) {
      for (const rate of slowdowns) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const result = (await page.evaluate(
          (o) =>
            (
              window as unknown as {
                runSearchBench(o: {
                  queries: number;
                  seed: number;
                  keep: boolean;
                  size: CommuneSize;
                }): Promise<unknown>;
              }
            ).runSearchBench(o),
          { queries: opts.queries ?? 300, seed: opts.seed ?? 1, keep: true, size: COMMUNE_SIZE },
        )) as SearchPageResult;
        byRate.get(rate)?.push(result);
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const round = (n: number) => Math.round(n * 10) / 10;
    return new Map(
      [...byRate].map(([rate, results]) => [
        rate,
        {
          searchP50Ms: round(median(results.map((r) => median(r.timesMs)))),
          searchP95Ms: round(median(results.map((r) => percentile(r.timesMs, 95)))),
          queries: results.reduce((n, r) => n + r.queries, 0),
          loadS: round((results[0]?.loadMs ?? 0) / 1000),
          slowest: (results[0]?.slowest ?? []).map(([q, ms]) => [q, round(ms)]),
        },
      ]),
    );
  } finally {
    await browser.close();
    await pages.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await searchBench({ cpuSlowdowns: [1, 4] });
  const r = results.get(1)!;
  const t = results.get(4)!;
  console.log(
    `search over 20,000 households / 80,000 people / 100,000 visits (loaded in ${r.loadS} s)\n` +
      `  ${r.queries} queries: p50 ${r.searchP50Ms} ms, p95 ${r.searchP95Ms} ms (budget ≤ 50 ms)\n` +
      `  CPU 4× slower: p50 ${t.searchP50Ms} ms, p95 ${t.searchP95Ms} ms`,
  );
  if (process.env.BENCH_VERBOSE) console.log(r.slowest);
}
