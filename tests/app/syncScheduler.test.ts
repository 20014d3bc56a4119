import { describe, expect, it } from 'vitest';
import { backoffDelay, createSyncScheduler } from '../../src/app/sync/scheduler';

function harness(outcomes: ('ok' | 'retry' | 'stop')[]) {
  const timers: { cb: () => void; ms: number }[] = [];
  let trigger = () => undefined as void;
  let runs = 0;
  const scheduler = createSyncScheduler({
    run: async () => outcomes[runs++] ?? 'ok',
    subscribeTriggers: (cb) => {
      trigger = cb;
      return () => undefined;
    },
    isOnline: () => true,
    random: () => 1,
    setTimer: (cb, ms) => timers.push({ cb, ms }),
    clearTimer: () => undefined,
    baseBackoffMs: 1000,
    maxBackoffMs: 8000,
    intervalMs: 300_000,
  });
  return { scheduler, timers, runs: () => runs, trigger: () => trigger() };
}

describe('when the app syncs', () => {
  it('retries a failed sync later and later (exponential backoff, capped), then every 5 minutes', async () => {
    const h = harness(['retry', 'retry', 'retry', 'retry', 'retry', 'ok']);
    await h.scheduler.request();
    for (let i = 0; i < 5; i++) await h.scheduler.request();
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000, 4000, 8000, 8000, 300_000]);
  });

  it('jitters the backoff so many phones do not retry at the same moment', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => backoffDelay(3, 1000, 60_000, () => r));
    expect(delays).toEqual([800, 4000, 7200]);
  });

  it('never runs twice at once: a tap during a sync queues exactly one more run', async () => {
    const h = harness([]);
    const first = h.scheduler.request();
    void h.scheduler.request();
    void h.scheduler.request();
    await first;
    expect(h.runs()).toBe(2);
  });

  it('syncs when the network returns or the app comes back to the foreground', async () => {
    const h = harness([]);
    h.trigger();
    await Promise.resolve();
    expect(h.runs()).toBe(1);
  });
});
