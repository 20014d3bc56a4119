/**
 * syncVsPouchRatio: PouchDB's time divided by ours to push 20,000 records from one device and pull
 * them to a fresh one, in the same Chromium, runs alternating between the two. PouchDB replicates
 * to pouchdb-server (npm, LevelDB on disk); ours goes through the real product server and its
 * database. Both are reached through the same local pass-through, so the page has one origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../e2e/browser';
import { freePort } from '../e2e/server';
import { startBenchServer } from './benchServer';
import { buildBenchPages, servePages } from './pages';
import type { SyncSideResult } from './pouchPage';
import { POUCH_HOUSEHOLDS } from './scale';
import { median } from './stats';

const VILLAGES = ['Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc', 'Xóm Chợ', 'Xóm Bãi'];

async function startPouchServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tn-pouch-'));
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--port', String(port), '--host', '127.0.0.1', '--dir', dir, '--no-stdout-logs'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${output}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error(`pouchdb-server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SyncVsPouchResult {
  ratio: number;
  pouchMs: number[];
  oursMs: number[];
  /** The push part of each run (the rest is the fresh device's pull). */
  pouchPushMs: number[];
  oursPushMs: number[];
}

export async function syncVsPouch(opts: {
  staticDir: string;
  runs: number;
}): Promise<SyncVsPouchResult> {
  await buildBenchPages();
  const pouch = await startPouchServer();
  const browser = await launchChromium();
  const pouchMs: number[] = [];
  const oursMs: number[] = [];
  const pouchPushMs: number[] = [];
  const oursPushMs: number[] = [];
  try {
    for (let run = 0; run < opts.runs; run++) {
      // A fresh product server and database each run, so the fresh device pulls exactly 20,000.
      const ours = await startBenchServer({ staticDir: opts.staticDir, villages: VILLAGES });
      const pages = await servePages({ '/api/': ours.server.url, '/benchdb': pouch.url });
      try {
        const page = await browser.newPage();
        await page.goto(`${pages.url}/tests/bench/pouch.html`);
        await page.waitForFunction(() => document.title === 'ready');
        const villageIds = Object.values(ours.villages);
        const sides = run % 2 === 0 ? (['pouch', 'ours'] as const) : (['ours', 'pouch'] as const);
        for (const side of sides) {
          const args = {
            seed: run + 1,
            villageIds,
            token: ours.officerToken,
            remote: `${pages.url}/benchdb${run}`,
            households: POUCH_HOUSEHOLDS,
          };
          const r = (await page.evaluate(
            ([fn, a]) =>
              (window as unknown as Record<string, (x: unknown) => Promise<unknown>>)[fn]!(a),
            [side === 'pouch' ? 'runPouch' : 'runOurs', args] as const,
          )) as SyncSideResult;
          if (r.onDevice !== POUCH_HOUSEHOLDS)
            throw new Error(
              `${side}: ${r.onDevice} of ${POUCH_HOUSEHOLDS} records reached the fresh device`,
            );
          (side === 'pouch' ? pouchMs : oursMs).push(r.ms);
          (side === 'pouch' ? pouchPushMs : oursPushMs).push(r.pushMs);
        }
        await page.close();
      } finally {
        await pages.close();
        await ours.stop();
      }
    }
  } finally {
    await browser.close();
    await pouch.stop();
  }
  const ratios = pouchMs.map((p, i) => p / (oursMs[i] ?? p));
  return {
    ratio: Math.round(median(ratios) * 10) / 10,
    pouchMs: pouchMs.map(Math.round),
    oursMs: oursMs.map(Math.round),
    pouchPushMs: pouchPushMs.map(Math.round),
    oursPushMs: oursPushMs.map(Math.round),
  };
}
