/**
 * The real product process on its own database (PostgreSQL when DATABASE_URL is set, PGlite
 * otherwise), with the commune set up through the API and, optionally, data seeded straight into
 * the database while the server is stopped (PGlite allows one process per data folder).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../src/server/store/store';
import { openStore } from '../../src/server/store/open';
import { setUpCommune } from '../e2e/accountsHelpers';
import { startProduct, type RunningServer } from '../e2e/server';
import { createTestDatabase } from '../support/stores';
import { keepBuild } from './baseline';

export interface BenchServer {
  server: RunningServer;
  officerToken: string;
  villages: Record<string, string>;
  /**
   * Serves another build from now on (the product restarted on the same port and data): an A/B
   * run's devices each load their own build from the same server and database.
   */
  serve(staticDir: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchServer(opts: {
  staticDir: string;
  villages?: string[];
  seed?: (store: Store) => Promise<void>;
}): Promise<BenchServer> {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-bench-'));
  const database = await createTestDatabase(
    kind,
    kind === 'pglite' ? path.join(dataDir, 'pglite') : undefined,
  );
  const env = {
    STATIC_DIR: opts.staticDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
  let server = await startProduct({ dataDir, env });
  const setup = await setUpCommune(server.url, { villages: opts.villages ?? [] });
  if (opts.seed) {
    await server.stop({ keepData: true });
    const store = await openStore({ databaseUrl: database.url, dataDir });
    try {
      await opts.seed(store);
    } finally {
      await store.close();
    }
    server = await startProduct({ dataDir, env, port: server.port });
  }
  let serving = opts.staticDir;
  const bench: BenchServer = {
    server,
    officerToken: setup.officerToken,
    villages: setup.villages,
    async serve(staticDir) {
      if (staticDir === serving) return;
      await bench.server.stop({ keepData: true });
      await keepBuild(staticDir);
      bench.server = await startProduct({
        dataDir,
        env: { ...env, STATIC_DIR: staticDir },
        port: bench.server.port,
      });
      serving = staticDir;
    },
    async stop() {
      await bench.server.stop({ keepData: true });
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return bench;
}
