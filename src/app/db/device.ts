import type { TungNhaDb } from './db';
import { vault } from './vault';
import { CLOCK_KEY, entry, metaKey, metaOf, type MetaEntry } from './meta';
import { clearRejected, SYNC_KEYS, type RejectedOp } from './syncStore';

/** The device as a whole: its unsent work, the sync's record of it, and wiping it. */
export function deviceOf(db: TungNhaDb) {
  const meta = metaOf(db);
  return {
    /** How many changes wait in the outbox to be sent. */
    pendingChanges: () => db.outbox.count(),
    /**
     * Where this device's data stands: its clock (moves on every local write) and the sync
     * cursor (moves on every pulled page). A display cache keyed by this is current.
     */
    async position(): Promise<string> {
      const [clock, cursor] = await Promise.all([meta.get(CLOCK_KEY), meta.get(CURSOR)]);
      return JSON.stringify([clock ?? null, cursor ?? null]);
    },
    /** When the last sync ended well (ms), if ever. */
    lastSyncAt: () => meta.get(LAST_SYNC_AT),
    /** Changes the server refused or a later edit replaced, newest last. */
    notices: async () => (await meta.get(REJECTED)) ?? [],
    clearNotices: () => clearRejected(db),
    /** Whether anything but the account's values is stored (households, visits, drafts…). */
    async hasFieldData(): Promise<boolean> {
      for (const table of db.tables) {
        if (table.name === 'meta') continue;
        if ((await table.count()) > 0) return true;
      }
      return false;
    },
    /**
     * Deletes the device database itself (IndexedDB removes its files; clearing tables would
     * leave old pages on disk until reused), the wrapped data keys with it, drops the key held in
     * memory, then opens an empty one and writes `keep` (a notice for the login: a value kept in
     * clear). Other tabs of the app are closed by the deletion.
     */
    async wipe(keep: MetaEntry[] = []): Promise<void> {
      vault.close();
      await db.delete({ disableAutoOpen: false });
      await db.open();
      await db.meta.bulkPut(keep.map((e) => ({ key: e.key.name, value: e.value })));
    },
  };
}

const LAST_SYNC_AT = metaKey<number>(SYNC_KEYS.lastSyncAt, (v) =>
  typeof v === 'number' ? v : undefined,
);
const CURSOR = metaKey<unknown>(SYNC_KEYS.cursor);
const REJECTED = metaKey<RejectedOp[]>(SYNC_KEYS.rejected, (v) =>
  Array.isArray(v) ? (v as RejectedOp[]) : undefined,
);

export { entry };
