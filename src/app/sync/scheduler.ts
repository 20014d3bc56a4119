/**
 * When to sync: on demand (the "Đồng bộ" button), when connectivity returns, when the app comes
 * back to the foreground, and every few minutes while open. A failed run is retried with
 * exponential backoff and full jitter; runs never overlap (a request during a run queues one more).
 */
export interface SchedulerDeps {
  run(): Promise<'ok' | 'retry' | 'stop'>;
  /** Subscribes to "the network came back" and "the app is in the foreground again". */
  subscribeTriggers(cb: () => void): () => void;
  isOnline(): boolean;
  random?: () => number;
  setTimer?: (cb: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  intervalMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface SyncScheduler {
  request(): Promise<void>;
  stop(): void;
}

export const SYNC_INTERVAL_MS = 5 * 60 * 1000;

export function backoffDelay(attempt: number, base: number, max: number, random: () => number) {
  return Math.round(random() * Math.min(max, base * 2 ** attempt));
}

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const setTimer = deps.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const random = deps.random ?? Math.random;
  const base = deps.baseBackoffMs ?? 2000;
  const max = deps.maxBackoffMs ?? 5 * 60 * 1000;
  let attempt = 0;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer !== null) clearTimer(timer);
    timer = stopped ? null : setTimer(() => void request(), ms);
  };

  async function runLoop() {
    do {
      again = false;
      const outcome = await deps.run().catch(() => 'retry' as const);
      if (outcome === 'retry') {
        schedule(Math.max(250, backoffDelay(attempt, base, max, random)));
        attempt++;
        return;
      }
      attempt = 0;
      schedule(deps.intervalMs ?? SYNC_INTERVAL_MS);
      if (outcome === 'stop') return;
    } while (again);
  }

  function request(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runLoop().finally(() => {
      running = null;
    });
    return running;
  }

  const unsubscribe = deps.subscribeTriggers(() => {
    if (deps.isOnline()) {
      attempt = 0;
      void request();
    }
  });

  return {
    request,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer !== null) clearTimer(timer);
    },
  };
}
