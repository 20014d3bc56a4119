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

export interface BenchServer {
  server: RunningServer;
  officerToken: string;
  villages: Record<string, string>;
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
  const running = server;
  return {
    server: running,
    officerToken: setup.officerToken,
    villages: setup.villages,
    async stop() {
      await running.stop({ keepData: true });
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
