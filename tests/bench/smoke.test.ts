import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BenchResults } from './results';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `npm run bench` at its smoke scale (scale.ts: a few hundred records, one round), exactly as a
 * person runs it: every part must report its figure, so a change that breaks a part of the bench
 * fails `npm test`. The figures themselves are not judged here: that is the full bench's work.
 */
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('reports every figure of the bench, PouchDB’s and the load’s included', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tn-bench-smoke-'));
  const resultsFile = path.join(dir, 'bench-results.json');
  const output = await new Promise<{ code: number; log: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'bench'], {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_SCALE: 'smoke',
        BENCH_RESULTS: resultsFile,
        // The build `npm test` has just made (rebuilt by the product's start if it is stale).
        BENCH_STATIC_DIR: process.env.BENCH_STATIC_DIR ?? 'dist',
      },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += String(d)));
    child.stderr.on('data', (d) => (log += String(d)));
    child.on('close', (code) => resolve({ code: code ?? -1, log }));
  });
  expect(output.code, output.log).toBe(0);
  const r = JSON.parse(await readFile(resultsFile, 'utf8')) as BenchResults;
  const failed = Object.entries(r.notes).filter(([, note]) => note?.startsWith('failed'));
  expect(failed, output.log).toEqual([]);
  const figures = {
    firstScreenJsGzipKB: r.firstScreenJsGzipKB,
    lighthousePerformance: r.lighthousePerformance,
    searchP95Ms: r.searchP95Ms,
    qrOpenMs: r.qrOpenMs,
    dashboardMs: r.dashboardMs,
    freshPullS: r.freshPullS,
    unlockMs: r.unlockMs,
    throttledUnlockMs: r.throttled?.unlockMs,
    syncVsPouchRatio: r.syncVsPouchRatio,
    throttledSearchP95Ms: r.throttled?.searchP95Ms,
    throttledQrOpenMs: r.throttled?.qrOpenMs,
    throttledDashboardMs: r.throttled?.dashboardMs,
    loadP95Ms: r.load?.p95Ms,
    fairnessOtherCommuneP95Ms: r.fairness?.otherCommuneP95Ms,
    idbRowsMsPerRow: r.idbRows?.msPerRow,
  };
  const missing = Object.entries(figures).filter(([, v]) => typeof v !== 'number' || !(v >= 0));
  expect(missing, output.log).toEqual([]);
  // The load part's volunteers all got their work in, none lost.
  expect(r.load).toMatchObject({ volunteers: 20, errors: 0, lostOps: 0 });
}, 900_000);
