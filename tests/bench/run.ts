/**
 * `npm run bench`: measures every budget of ARCHITECTURE.md and writes bench-results.json at the
 * repository root plus a table on stdout. Benchmarks report numbers; they never fail a build.
 * Each figure is the median of several runs on this (noisy) machine.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startProduct } from '../e2e/server';
import { CHROMIUM_PATH } from '../e2e/browser';
import { firstScreenJsGzipKB } from './firstScreen';
import { lighthousePerformance } from './lighthouse';
import { runLoad } from './load';
import { median } from './stats';
import { BUDGETS, printTable, type BenchResults } from './results';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const results: BenchResults = {
  firstScreenJsGzipKB: null,
  lighthousePerformance: null,
  searchP95Ms: null,
  qrOpenMs: null,
  dashboardMs: null,
  freshPullS: null,
  syncVsPouchRatio: null,
  load: null,
  throttled: null,
  machine: {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync(CHROMIUM_PATH, ['--version']).toString().trim(),
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  },
  notes: {},
};

async function measure(key: keyof BenchResults & string, fn: () => Promise<void>) {
  const started = Date.now();
  process.stdout.write(`… ${key}\n`);
  try {
    await fn();
  } catch (err) {
    results.notes[key] =
      `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
  process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const server = await startProduct({ env: { STATIC_DIR: path.join(root, '.tmp/dist-bench') } });
try {
  await measure('firstScreenJsGzipKB', async () => {
    results.firstScreenJsGzipKB = await firstScreenJsGzipKB(server.url);
  });
  await measure('lighthousePerformance', async () => {
    const scores: number[] = [];
    for (let i = 0; i < RUNS; i++) scores.push(await lighthousePerformance(server.url));
    results.lighthousePerformance = median(scores);
  });
} finally {
  await server.stop();
}

await measure('load', async () => {
  const load = await runLoad({
    volunteers: 1000,
    windowMs: 60_000,
    staticDir: path.join(root, '.tmp/dist-bench'),
  });
  results.load = {
    volunteers: load.volunteers,
    p95Ms: load.p95Ms,
    errors: load.errors,
    lostOps: load.lostOps,
  };
  if (load.database !== 'postgres')
    results.notes.load = 'measured on PGlite: set DATABASE_URL for the PostgreSQL figure';
});

for (const key of Object.keys(results) as (keyof BenchResults)[]) {
  if (results[key] === null && !results.notes[key]) results.notes[key] = 'not measured yet';
}
await writeFile(path.join(root, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
printTable(results, BUDGETS);
