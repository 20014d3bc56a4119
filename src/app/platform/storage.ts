export interface StorageStatus {
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep our IndexedDB even under storage pressure, and reports the quota.
 * Browsers may refuse `persist()` until the app is installed or used often; we ask again later.
 */
export async function requestPersistentStorage(): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return { persisted: false, usageBytes: null, quotaBytes: null };
  let persisted = (await storage.persisted?.()) ?? false;
  if (!persisted && storage.persist) persisted = await storage.persist().catch(() => false);
  const estimate = await storage.estimate?.().catch(() => undefined);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}
