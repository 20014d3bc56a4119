import { configureApi } from '../api/client';
import { deviceDb, holdIndexer, vault } from '../db';
import { browserConnectivity, type Connectivity } from '../platform/connectivity';
import { readSession } from '../session/deviceData';
import { useSyncState } from '../state/sync';
import { syncOnce } from './engine';
import { sendExports } from './exportLog';
import { createSyncScheduler, type SyncScheduler } from './scheduler';
import { httpTransport } from './transport';

/** The app's one sync engine: started once, triggered by the button, the network and the clock. */
let scheduler: SyncScheduler | null = null;

function onForeground(cb: () => void): () => void {
  const handler = () => {
    if (document.visibilityState === 'visible') cb();
  };
  document.addEventListener('visibilitychange', handler);
  return () => document.removeEventListener('visibilitychange', handler);
}

export function startSync(connectivity: Connectivity = browserConnectivity) {
  if (scheduler) return;
  configureApi({ onOutdated: () => useSyncState.getState().setOutdated() });
  scheduler = createSyncScheduler({
    isOnline: connectivity.isOnline,
    subscribeTriggers(cb) {
      const a = connectivity.subscribe(cb);
      const b = onForeground(cb);
      // The data opening (the PIN entered) lets a run that stopped on the lock go again.
      const c = vault.subscribe((open) => open && cb());
      return () => {
        a();
        b();
        c();
      };
    },
    async run() {
      if (!(await readSession())) return 'stop'; // not logged in yet, or locked
      const state = useSyncState.getState();
      state.begin();
      // Pulled pages leave marks for the indexer (app/db), which catches up once the run ends.
      const release = holdIndexer();
      const outcome = await syncOnce({
        db: deviceDb,
        transport: httpTransport,
        onProgress: (p) => state.report(p.phase, p.done, p.total),
      }).finally(release);
      state.finish(outcome.ok ? null : outcome.failure);
      // The officer's audit log: what this phone exported or printed since (exportLog.ts).
      if (outcome.ok) await sendExports().catch(() => undefined);
      if (outcome.ok) return 'ok';
      return outcome.failure === 'offline' || outcome.failure === 'server' ? 'retry' : 'stop';
    },
  });
  void scheduler.request();
}

/** The "Đồng bộ" button, and any screen that just saved work it wants sent soon. */
export function requestSync(): Promise<void> {
  return scheduler?.request() ?? Promise.resolve();
}

/** For e2e tests: the running app's sync, reachable from the page. */
declare global {
  interface Window {
    __tungNhaSync?: { requestSync: typeof requestSync };
  }
}
if (typeof window !== 'undefined') window.__tungNhaSync = { requestSync };
