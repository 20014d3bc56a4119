import { PGlite } from '@electric-sql/pglite';
import type { Sql, Store } from './store';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

const wrap = (db: PgliteLike): Sql => ({
  async query<T>(text: string, params?: readonly unknown[]) {
    const result = await db.query<T>(text, params ? [...params] : undefined);
    return result.rows;
  },
  async exec(text: string) {
    await db.exec(text);
  },
});

/** The embedded database: PostgreSQL compiled to WebAssembly, kept in a folder (or in memory). */
export async function openPglite(dataDir?: string): Promise<Store> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const sql = wrap(db);
  return {
    kind: 'pglite',
    concurrency: 1,
    ...sql,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
