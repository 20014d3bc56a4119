import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import type { DatabaseKind, Store } from '../../src/server/store/store';

/**
 * The databases every server test runs against: PGlite always, PostgreSQL when DATABASE_URL is
 * set (CI sets it). Each test gets its own database, dropped afterwards: an empty one
 * (createTestDatabase) for the tests of migrations and restarts, a migrated one
 * (createMigratedTestDatabase) for every other test.
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

/** Test databases made from a migrated template are named with this prefix. */
export const TEMPLATE_PREFIX = 'tn_tpl_';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new PostgreSQL database, empty or a copy of `template`; dropped by `drop`. */
async function postgresDatabase(template?: string): Promise<TestDatabase> {
  const name = `tn_test_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) =>
    c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`),
  );
  const url = withDatabase(adminUrl(), name);
  return {
    url,
    open: () => openPostgres(url),
    drop: () => asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(),
  };
}

/** A new empty database of the given kind; PGlite in memory, or in `dir` to test restarts. */
export async function createTestDatabase(kind: DatabaseKind, dir?: string): Promise<TestDatabase> {
  if (kind === 'pglite') return { open: () => openPglite(dir), drop: async () => undefined };
  return postgresDatabase();
}

/**
 * PostgreSQL: one migrated template per test process, made on first use; each test's database is
 * a copy of it (CREATE DATABASE … TEMPLATE, a file copy), not a run of every migration. The
 * server project's global teardown (tests/support/templates.ts) drops the templates.
 */
let pgTemplate: Promise<string> | null = null;

function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `${TEMPLATE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    await asAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    const store = await openPostgres(withDatabase(adminUrl(), name), 1);
    try {
      await migrate(store);
    } finally {
      await store.close(); // a template must have no connection when it is copied
    }
    return name;
  })();
  return pgTemplate;
}

/**
 * PGlite: starting one costs 2.5-3 s of CPU (initdb in WebAssembly), most of a server test's time.
 * A test process keeps the PGlite databases its tests have closed, and gives the next test one of
 * them emptied: every table truncated but the migrations' own, and the session reset (DISCARD
 * ALL), which is the state `migrate` leaves in a new database (the migrations insert no rows and
 * create no sequences). A database whose emptying fails is closed, never given again.
 */
const idlePglite: Store[] = [];

async function emptied(store: Store): Promise<boolean> {
  try {
    const tables = await store.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    if (tables.length > 0)
      await store.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
    await store.exec('DISCARD ALL');
    return true;
  } catch {
    await store.close().catch(() => undefined);
    return false;
  }
}

async function leasePglite(): Promise<Store> {
  let store = idlePglite.pop();
  if (!store) {
    store = await openPglite();
    await migrate(store);
  }
  const db = store;
  let closed = false;
  const live = () => {
    if (closed) throw new Error('the test database is closed');
  };
  return {
    kind: 'pglite',
    concurrency: 1,
    query: (text, params) => (live(), db.query(text, params)),
    exec: (text) => (live(), db.exec(text)),
    transaction: (fn) => (live(), db.transaction(fn)),
    async close() {
      if (closed) return;
      closed = true;
      if (await emptied(db)) idlePglite.push(db);
    },
  };
}

/** A migrated database of `kind` for one test; dropping it also closes what `open` gave. */
export async function createMigratedTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') return postgresDatabase(await postgresTemplate());
  const opened: Store[] = [];
  return {
    open: async () => {
      const store = await leasePglite();
      opened.push(store);
      return store;
    },
    drop: async () => {
      for (const s of opened) await s.close();
    },
  };
}

/** A new, migrated database of `kind` for one test; closing and dropping it join `cleanups`. */
export async function openMigratedStore(
  kind: DatabaseKind,
  cleanups: (() => Promise<void>)[],
): Promise<Store> {
  const db = await createMigratedTestDatabase(kind);
  cleanups.push(() => db.drop());
  const store = await db.open();
  cleanups.push(() => store.close());
  return store;
}
