/**
 * Fairness (second security round, defect 1): while one volunteer of a 20,000-household village
 * holds 200 pulls open without reading them, another commune's officer logs in and pulls, again and
 * again, against the real product process. Reports the p95 of those logins and pulls.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/server/store/migrate';
import { startProduct } from '../e2e/server';
import { floodAndVisit, seedFairnessWorld } from '../support/fairness';
import { createTestDatabase } from '../support/stores';
import { percentile } from './stats';

export interface FairnessResult {
  otherCommuneP95Ms: number;
  /** The flood's pulls answered `busy` (429), of `pulls`. */
  refused: number;
  pulls: number;
  database: string;
}

export async function runFairness(opts: {
  households: number;
  pulls: number;
  visits: number;
  staticDir: string;
}): Promise<FairnessResult> {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-fairness-'));
  const database = await createTestDatabase(kind, path.join(dataDir, 'pglite'));
  try {
    const store = await database.open();
    await migrate(store);
    const world = await seedFairnessWorld(store, opts.households);
    await store.close();
    const server = await startProduct({
      dataDir,
      env: { STATIC_DIR: opts.staticDir, ...(database.url ? { DATABASE_URL: database.url } : {}) },
    });
    try {
      const { visits, statuses } = await floodAndVisit(server.url, world, opts);
      return {
        otherCommuneP95Ms: Math.round(
          percentile(
            visits.flatMap((v) => [v.loginMs, v.pullMs]),
            95,
          ),
        ),
        refused: statuses.filter((s) => s === 429).length,
        pulls: opts.pulls,
        database: kind,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
