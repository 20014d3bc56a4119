import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import type { DatabaseKind, Store } from '../../src/server/store/store';

/**
 * The databases every server test runs against: PGlite always, PostgreSQL when DATABASE_URL is
 * set (CI sets it). Each test gets its own empty database, dropped afterwards.
 */
export const DATABASE_KINDS: DatabaseKind[] = process.env.DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  open(): Promise<Store>;
  /** The connection URL of a PostgreSQL test database (undefined for PGlite). */
  url?: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new empty database of the given kind; PGlite in memory, or in `dir` to test restarts. */
export async function createTestDatabase(kind: DatabaseKind, dir?: string): Promise<TestDatabase> {
  if (kind === 'pglite') {
    return { open: () => openPglite(dir), drop: async () => undefined };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `tn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  return {
    url,
    open: () => openPostgres(url),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A new, migrated database of `kind` for one test; closing and dropping it join `cleanups`. */
export async function openMigratedStore(
  kind: DatabaseKind,
  cleanups: (() => Promise<void>)[],
): Promise<Store> {
  const db = await createTestDatabase(kind);
  cleanups.push(() => db.drop());
  const store = await db.open();
  cleanups.push(() => store.close());
  await migrate(store);
  return store;
}
