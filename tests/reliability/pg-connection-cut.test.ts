import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/store/store';
import { isDatabaseUnavailable } from '../../src/server/store/unavailable';
import { createTestDatabase, type TestDatabase } from '../support/stores';
import { dropDatabaseConnections } from './soakServer';
import { addToTally } from './tally';

/**
 * PostgreSQL connections cut (pg_terminate_backend) while a transaction holds one between two
 * statements: the transaction fails as "unavailable" (the API's 503), the process lives on, and
 * the store works again at once.
 */
describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connection cut mid-transaction', () => {
  let db: TestDatabase;
  let store: Store;
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('fails the transaction as unavailable, never crashes the process, then recovers', async () => {
    db = await createTestDatabase('postgres');
    store = await db.open();
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = await store
        .transaction(async (sql) => {
          await sql.query('SELECT 1');
          const cut = await dropDatabaseConnections(
            process.env.DATABASE_URL as string,
            db.url as string,
          );
          expect(cut).toBeGreaterThan(0);
          // The cut reaches the client while no statement runs.
          await new Promise((r) => setTimeout(r, 300));
          await sql.query('SELECT 1');
          return 'committed';
        })
        .catch((e: unknown) => e);
      expect(isDatabaseUnavailable(outcome), String(outcome)).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      expect(await store.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
      expect(await store.transaction((sql) => sql.query<{ n: number }>('SELECT 2 AS n'))).toEqual([
        { n: 2 },
      ]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    addToTally({ faultsInjected: 1 });
  });
});
