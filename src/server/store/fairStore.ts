import { createFairQueue } from './fairQueue';
import { currentLane } from './lanes';
import type { Sql, Store } from './store';

/**
 * The store, shared fairly: every statement and transaction waits for a turn of the current lane
 * (lanes.ts), at most as many at once as the database serves (PGlite: one; PostgreSQL: its pool).
 * One commune flooding the server queues behind its own calls, not in front of everyone's.
 */
export function fairStore(store: Store): Store {
  const queue = createFairQueue(store.concurrency);
  return {
    kind: store.kind,
    concurrency: store.concurrency,
    query<T>(text: string, params?: readonly unknown[]) {
      return queue.run(currentLane(), () => store.query<T>(text, params));
    },
    exec: (text) => queue.run(currentLane(), () => store.exec(text)),
    transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return queue.run(currentLane(), () => store.transaction<T>(fn));
    },
    close: () => store.close(),
  };
}
