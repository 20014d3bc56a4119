import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';

/**
 * Global setup of the projects that start the whole product (tests/e2e/server.ts): one migrated,
 * empty PGlite data folder, made once per run. A product started for a test gets a copy of it
 * (half a second) instead of running initdb in WebAssembly on disk (about 5 s); the product then
 * opens it as it opens any existing DATA_DIR. `startProduct({ fresh: true })` still starts one on
 * an empty folder.
 */
let dir: string | undefined;

export async function setup(): Promise<void> {
  if (process.env.TN_PGLITE_TEMPLATE) return; // made by another project of this run
  dir = await mkdtemp(path.join(os.tmpdir(), 'tn-pglite-template-'));
  const store = await openPglite(dir);
  await migrate(store);
  await store.close();
  process.env.TN_PGLITE_TEMPLATE = dir;
}

export async function teardown(): Promise<void> {
  if (!dir) return;
  await rm(dir, { recursive: true, force: true });
  delete process.env.TN_PGLITE_TEMPLATE;
  dir = undefined;
}
