/**
 * The dashboard over a 200,000-record commune (20k households, 80k people, 100k visits, 20k
 * Đại sứ số pairings) in Chromium: read from IndexedDB, computed and rendered by the app's own
 * code. A benchmark, never a test: `npx tsx tests/bench/dashboard.ts` prints the figures; the
 * bench runner calls dashboardBench(). Budget: ≤ 500 ms.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { launchChromium } from '../e2e/browser';
import { freePort } from '../e2e/server';
import type { DashboardPageResult, Timings } from './dashboardPage';
import { median } from './stats';

const root = path.resolve(import.meta.dirname, '../..');

export interface DashboardBenchResult {
  /** Median time to open the dashboard (kept figures read and rendered): the budget's figure. */
  dashboardMs: number;
  /** Median time to recompute it from every row (first open, or after new data), and its parts. */
  dashboardRecomputeMs: number;
  dashboardReadMs: number;
  dashboardComputeMs: number;
  dashboardRenderMs: number;
  /** The same for one village (a team leader's view). */
  villageDashboardMs: number;
  villageRecomputeMs: number;
  records: number;
  loadS: number;
}

export async function dashboardBench(
  opts: { runs?: number; seed?: number; cpuSlowdown?: number } = {},
): Promise<DashboardBenchResult> {
  const port = await freePort();
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    server: { port, host: '127.0.0.1', strictPort: true, hmr: false },
    optimizeDeps: { include: ['dexie', 'react', 'react-dom', 'react-dom/client'] },
  });
  await vite.listen();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    if (opts.cpuSlowdown && opts.cpuSlowdown > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuSlowdown });
    }
    await page.goto(`http://127.0.0.1:${port}/tests/bench/dashboard.html`);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 });
    const r = (await page.evaluate(
      (o) =>
        (
          window as unknown as {
            runDashboardBench(o: { runs: number; seed: number }): Promise<unknown>;
          }
        ).runDashboardBench(o),
      { runs: opts.runs ?? 5, seed: opts.seed ?? 1 },
    )) as DashboardPageResult;
    const m = (xs: number[]) => Math.round(median(xs));
    const recompute = (t: Timings) =>
      m(t.readMs.map((ms, i) => ms + (t.computeMs[i] ?? 0) + (t.renderMs[i] ?? 0)));
    return {
      dashboardMs: m(r.commune.openMs),
      dashboardRecomputeMs: recompute(r.commune),
      dashboardReadMs: m(r.commune.readMs),
      dashboardComputeMs: m(r.commune.computeMs),
      dashboardRenderMs: m(r.commune.renderMs),
      villageDashboardMs: m(r.village.openMs),
      villageRecomputeMs: recompute(r.village),
      records: r.records,
      loadS: Math.round(r.loadMs / 100) / 10,
    };
  } finally {
    await browser.close();
    await vite.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await dashboardBench({ runs: Number(process.env.BENCH_RUNS ?? 3) });
  console.log(
    `dashboard over ${r.records.toLocaleString('en')} records (loaded in ${r.loadS} s)\n` +
      `  commune, open: ${r.dashboardMs} ms (budget ≤ 500 ms)\n` +
      `  commune, recompute from rows: ${r.dashboardRecomputeMs} ms ` +
      `(read ${r.dashboardReadMs} + compute ${r.dashboardComputeMs} + render ${r.dashboardRenderMs})\n` +
      `  one village: open ${r.villageDashboardMs} ms, recompute ${r.villageRecomputeMs} ms`,
  );
}
