/**
 * `npm run bench`: measures every budget of ARCHITECTURE.md and writes bench-results.json at the
 * repository root (or BENCH_RESULTS) plus a table on stdout. Benchmarks report numbers; they never
 * fail a build. Each figure is the median of several runs on this (noisy) machine.
 * BENCH_SCALE=smoke runs every part small (scale.ts); tests/bench/smoke.test.ts does, in npm test.
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
import { dashboardBench } from './dashboard';
import { deviceBench } from './device';
import { idbRowsBench } from './idbRows';
import { searchBench } from './search';
import { syncVsPouch } from './syncVsPouch';
import { FAIRNESS, IDB_ROWS, LOAD, POUCH_HOUSEHOLDS, SMOKE } from './scale';
import { runFairness } from './fairness';
import { median } from './stats';
import { BUDGETS, printTable, type BenchResults, type Versus } from './results';
import { keepBuild, prepareBaseline, ROOT, runScript } from './baseline';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? (SMOKE ? 1 : 3));
// The production build the bench serves; built by the product's start when its sources changed.
const STATIC_DIR = path.resolve(root, process.env.BENCH_STATIC_DIR ?? '.tmp/dist-bench');
const RESULTS = path.resolve(root, process.env.BENCH_RESULTS ?? 'bench-results.json');
const CPU_SLOWDOWN = 4;
// BENCH_BASELINE=<git ref>: the build before a change, measured in turn with this one (baseline.ts).
const baseline = process.env.BENCH_BASELINE
  ? await prepareBaseline(process.env.BENCH_BASELINE)
  : null;
const versus: Versus | null = baseline
  ? { ref: baseline.ref, commit: baseline.commit, figures: {} }
  : null;
const startedAt = Date.now();
const loadAverages: number[] = [];
const sampleLoad = setInterval(() => loadAverages.push(os.loadavg()[0] ?? 0), 5000);

const results: BenchResults = {
  firstScreenJsGzipKB: null,
  lighthousePerformance: null,
  searchP95Ms: null,
  qrOpenMs: null,
  dashboardMs: null,
  unlockMs: null,
  freshPullS: null,
  syncVsPouchRatio: null,
  load: null,
  fairness: null,
  idbRows: null,
  throttled: null,
  versus,
  machine: {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync(CHROMIUM_PATH, ['--version']).toString().trim(),
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  },
  notes: {},
};
const throttled = {
  cpuSlowdown: CPU_SLOWDOWN,
  searchP95Ms: null as number | null,
  qrOpenMs: null as number | null,
  dashboardMs: null as number | null,
  unlockMs: null as number | null,
};

// BENCH_ONLY=freshPullS,versus: only those parts (the keys `measure` names), e.g. an A/B alone.
const ONLY = process.env.BENCH_ONLY?.split(',').map((k) => k.trim());

async function measure(key: keyof BenchResults & string, fn: () => Promise<void>) {
  if (ONLY && !ONLY.includes(key)) return;
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

// Also builds the app into STATIC_DIR when its sources are newer (scripts/start.mjs).
const server = await startProduct({ env: { STATIC_DIR } });
try {
  await measure('firstScreenJsGzipKB', async () => {
    results.firstScreenJsGzipKB = await firstScreenJsGzipKB(server.url);
    if (baseline && versus) {
      await keepBuild(baseline.staticDir);
      const before = await startProduct({ env: { STATIC_DIR: baseline.staticDir } });
      try {
        versus.figures.firstScreenJsGzipKB = [
          results.firstScreenJsGzipKB,
          await firstScreenJsGzipKB(before.url),
        ];
      } finally {
        await before.stop();
      }
    }
  });
  await measure('lighthousePerformance', async () => {
    const scores: number[] = [];
    for (let i = 0; i < RUNS; i++) scores.push(await lighthousePerformance(server.url));
    results.lighthousePerformance = median(scores);
  });
} finally {
  await server.stop();
}

await measure('searchP95Ms', async () => {
  const search = await searchBench({ rounds: RUNS, cpuSlowdowns: [1, CPU_SLOWDOWN] });
  results.searchP95Ms = search.get(1)?.searchP95Ms ?? null;
  throttled.searchP95Ms = search.get(CPU_SLOWDOWN)?.searchP95Ms ?? null;
  results.notes.searchP95Ms =
    `${RUNS} rounds of 300 queries (p95 of each round, median over rounds); ` +
    `p50 ${search.get(1)?.searchP50Ms} ms; commune loaded into IndexedDB in ${search.get(1)?.loadS} s`;
});

await measure('idbRows', async () => {
  const r = await idbRowsBench({ runs: RUNS, records: IDB_ROWS });
  results.idbRows = r;
  results.notes.idbRows =
    `IndexedDB in this Chromium, ${r.records} records in transactions of 2,000: one row per ` +
    `record ${r.oneRowPerRecordS} s (${r.msPerRow} ms a row), rows of 100 records ` +
    `${r.chunksOf100S} s (${r.msPerChunk} ms a row); why members and visits are kept in chunks`;
});

await measure('freshPullS', async () => {
  const device = await deviceBench({
    staticDir: STATIC_DIR,
    ...(baseline ? { baselineDir: baseline.staticDir } : {}),
    runs: RUNS,
    scans: SMOKE ? 2 : 7,
    unlocks: SMOKE ? 1 : 5,
  });
  results.freshPullS = device.freshPullS;
  results.qrOpenMs = device.qrOpenMs;
  throttled.qrOpenMs = device.qrOpenMsThrottled;
  results.unlockMs = device.unlockMs;
  throttled.unlockMs = device.unlockMsThrottled;
  results.notes.unlockMs =
    `the device holding the ${device.records} records opened again after 10 minutes away: ` +
    `${device.unlockSamples.join(', ')} ms (CPU ${CPU_SLOWDOWN}×: ${device.unlockSamplesThrottled.join(', ')} ms)`;
  const before = device.baseline;
  if (versus && before) {
    versus.figures.freshPullS = [device.freshPullS, before.freshPullS];
    versus.figures.unlockMs = [device.unlockMs, before.unlockMs];
    versus.figures.unlockMsThrottled = [device.unlockMsThrottled, before.unlockMsThrottled];
    versus.figures.qrOpenMs = [device.qrOpenMs, before.qrOpenMs];
    versus.figures.qrOpenMsThrottled = [device.qrOpenMsThrottled, before.qrOpenMsThrottled];
    results.notes.versusDevice =
      `fresh pulls, builds taking turns: this ${device.freshPullRuns.join(', ')} s, before ` +
      `${before.freshPullRuns.join(', ')} s; unlocks before ${before.unlockSamples.join(', ')} ms ` +
      `(4×: ${before.unlockSamplesThrottled.join(', ')}); QR before ${before.qrSamples.join(', ')} ms`;
  }
  results.notes.freshPullS = `${device.records} records, ${RUNS} fresh devices: ${device.freshPullRuns.join(', ')} s`;
  results.notes.qrOpenMs = device.qrError
    ? `failed: ${device.qrError}`
    : `${device.qrSamples.length} households scanned on the device holding the commune: ` +
      `${device.qrSamples.join(', ')} ms (CPU ${CPU_SLOWDOWN}×: ${device.qrSamplesThrottled.join(', ')} ms)`;
});

await measure('syncVsPouchRatio', async () => {
  const cmp = await syncVsPouch({ staticDir: STATIC_DIR, runs: RUNS });
  results.syncVsPouchRatio = cmp.ratio;
  results.notes.syncVsPouchRatio =
    `${POUCH_HOUSEHOLDS.toLocaleString('en')} households, push + fresh pull, runs alternating; PouchDB ${cmp.pouchMs.join(', ')} ms ` +
    `(push part ${cmp.pouchPushMs.join(', ')}) ` +
    `(pouchdb-browser IndexedDB ↔ pouchdb-server LevelDB, default batch sizes), ours ` +
    `${cmp.oursMs.join(', ')} ms (push part ${cmp.oursPushMs.join(', ')}; our engine ↔ product server on ${results.machine.database}); ` +
    'ratio = median of per-run ratios';
});

await measure('dashboardMs', async () => {
  const plain = await dashboardBench({ runs: RUNS });
  const slow = await dashboardBench({ runs: RUNS, cpuSlowdown: CPU_SLOWDOWN });
  // The budget's figure: current figures after a data change (summaries updated, added up).
  results.dashboardMs = plain.dashboardRecomputeMs;
  throttled.dashboardMs = slow.dashboardRecomputeMs;
  results.notes.dashboardMs =
    `commune dashboard over ${plain.records} records (median of ${RUNS}): current figures after ` +
    `an edit ${plain.dashboardRecomputeMs} ms (update marked summaries ${plain.dashboardUpdateMs} + ` +
    `read summaries ${plain.dashboardReadMs} + compute ${plain.dashboardComputeMs} + render ` +
    `${plain.dashboardRenderMs}); opened with kept figures ${plain.dashboardMs} ms; one village ` +
    `${plain.villageRecomputeMs} ms; one-time rebuild ${plain.dashboardRebuildMs} ms; the old way ` +
    `from every row ${plain.dashboardRowsReadMs} + ${plain.dashboardRowsComputeMs} ms; ` +
    `CPU ${CPU_SLOWDOWN}× ${slow.dashboardRecomputeMs} ms`;
});
results.throttled = throttled;

if (baseline && versus)
  await measure('versus', async () => {
    // Each side's own search and dashboard scripts, in its own process, taking turns.
    const sides = [ROOT, baseline.src];
    const figures: Record<string, number[][]> = {};
    const take = (name: string, side: number, text: string, pattern: RegExp) => {
      const value = Number(pattern.exec(text)?.[1]);
      const pair = (figures[name] ??= [[], []]);
      if (Number.isFinite(value)) pair[side]?.push(value);
    };
    for (let run = 0; run < RUNS; run++) {
      for (const side of run % 2 ? [1, 0] : [0, 1]) {
        const cwd = sides[side] ?? ROOT;
        const search = await runScript(cwd, 'tests/bench/search.ts');
        take('searchP95Ms', side, search, /queries: p50 [\d.]+ ms, p95 ([\d.]+) ms/);
        take('searchP95MsThrottled', side, search, /4× slower: p50 [\d.]+ ms, p95 ([\d.]+) ms/);
        const dashboard = await runScript(cwd, 'tests/bench/dashboard.ts', { BENCH_RUNS: '3' });
        take('dashboardMs', side, dashboard, /current figures after an edit: ([\d.]+) ms/);
      }
    }
    for (const [name, [now = [], before = []] = []] of Object.entries(figures))
      versus.figures[name] = [
        now.length ? median(now) : null,
        before.length ? median(before) : null,
      ];
  });

await measure('load', async () => {
  const load = await runLoad({
    ...LOAD,
    staticDir: STATIC_DIR,
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

await measure('fairness', async () => {
  const f = await runFairness({ ...FAIRNESS, staticDir: STATIC_DIR });
  results.fairness = { otherCommuneP95Ms: f.otherCommuneP95Ms, refused: f.refused, pulls: f.pulls };
  results.notes.fairness =
    `${FAIRNESS.households} households, ${f.refused} of ${f.pulls} flood pulls refused busy, ` +
    `${FAIRNESS.visits} visits, on ${f.database}`;
});

clearInterval(sampleLoad);
loadAverages.push(os.loadavg()[0] ?? 0);
results.notes.machineLoad =
  `shared machine (other engineers' tests running): 1-min load average during the bench ` +
  `median ${median(loadAverages).toFixed(1)}, max ${Math.max(...loadAverages).toFixed(1)} on ` +
  `${os.cpus().length} cores; whole bench ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`;
for (const key of Object.keys(results) as (keyof BenchResults)[]) {
  if (results[key] === null && !results.notes[key]) results.notes[key] = 'not measured yet';
}
await writeFile(RESULTS, JSON.stringify(results, null, 2) + '\n');
printTable(results, BUDGETS);
