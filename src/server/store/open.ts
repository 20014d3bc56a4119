import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Store } from './store';

/** PostgreSQL when a URL is given, otherwise PGlite in `<dataDir>/pglite`. */
export async function openStore(opts: { databaseUrl?: string; dataDir: string }): Promise<Store> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const dir = path.resolve(opts.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}
