import { readdir, readFile } from 'node:fs/promises';
import type { Store } from './store';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Serialises migrations when several server processes start against one PostgreSQL. */
const MIGRATION_LOCK = 7_274_626;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({
      version: Number(FILE_PATTERN.exec(name)?.[1]),
      name,
      sql: await readFile(new URL(name, dir), 'utf8'),
    })),
  );
}

/** Applies the numbered SQL migrations not yet applied, each in its own transaction. */
export async function migrate(store: Store, migrations?: Migration[]): Promise<number> {
  const all = migrations ?? (await loadMigrations());
  await store.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  for (const m of all) {
    await store.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (done.length > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    });
  }
  return currentMigration(store);
}

export async function currentMigration(store: Store): Promise<number> {
  const rows = await store.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM schema_migrations',
  );
  return rows[0]?.v ?? 0;
}
