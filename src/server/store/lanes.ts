import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose turn a database call belongs to: each request runs in a lane, named first by the client's
 * address and, once its token is checked, by its commune (fairStore.ts takes turns between them).
 * Work outside any request (start-up, migrations, admin commands) is the `system` lane.
 */
export interface Lane {
  key: string;
}

const lanes = new AsyncLocalStorage<Lane>();

export const SYSTEM_LANE = 'system';

/** Runs fn (and everything it starts) in the given lane. */
export function runInLane<T>(lane: Lane, fn: () => T): T {
  return lanes.run(lane, fn);
}

/** The current lane's name. */
export function currentLane(): string {
  return lanes.getStore()?.key ?? SYSTEM_LANE;
}

/** Renames the current lane, for the rest of its request (the caller's commune is now known). */
export function moveLane(key: string) {
  const lane = lanes.getStore();
  if (lane) lane.key = key;
}
