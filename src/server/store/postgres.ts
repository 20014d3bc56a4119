import pg from 'pg';
import type { Sql, Store } from './store';

type Queryable = Pick<pg.PoolClient, 'query'>;

// Return BIGINT (int8) as a JS number: every bigint we store (sequences, counts) stays far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

const wrap = (db: Queryable): Sql => ({
  async query<T>(text: string, params?: readonly unknown[]) {
    const result = await db.query(text, params ? [...params] : undefined);
    return result.rows as T[];
  },
  async exec(text: string) {
    await db.query(text);
  },
});

/** A real PostgreSQL server, reached through a connection pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection (database restarted): the pool replaces it on next use.
  });
  // A connection lost while its client is out of the pool but between statements (inside a
  // transaction, or just handed to the next caller) is reported on the client, not on a query;
  // unheard, that 'error' would crash the whole process. The client is then not queryable: its
  // next statement fails (503 unavailable) and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  // Fail fast on a wrong URL instead of on the first request.
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    concurrency: poolSize,
    ...wrap(pool),
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(wrap(conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
