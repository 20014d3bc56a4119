import { device, useLive, type RejectedOp } from '../../db';

const NO_NOTICES: RejectedOp[] = [];

/** What the sync UI shows from the device database: live, so it updates as work is saved. */
export function useSyncInfo() {
  const pending = useLive(() => device.pendingChanges(), [], 0);
  const lastSyncAt = useLive(() => device.lastSyncAt(), []);
  const rejected = useLive(() => device.notices(), [], NO_NOTICES);
  return { pending, lastSyncAt, rejected };
}
