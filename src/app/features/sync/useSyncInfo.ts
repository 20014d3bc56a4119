import { db } from '../../db/db';
import { useLiveQuery } from '../../db/live';
import { metaValue, pendingCount, SYNC_KEYS, type RejectedOp } from '../../db/syncStore';

/** What the sync UI shows from the device database: live, so it updates as work is saved. */
export function useSyncInfo() {
  const pending = useLiveQuery(() => pendingCount(db), [], 0);
  const lastSyncAt = useLiveQuery(() => metaValue<number>(db, SYNC_KEYS.lastSyncAt), []);
  const rejected = useLiveQuery(
    async () => (await metaValue<RejectedOp[]>(db, SYNC_KEYS.rejected)) ?? [],
    [],
    [],
  );
  return { pending, lastSyncAt, rejected };
}
