/**
 * The device's storage is full (IndexedDB refused a write with QuotaExceededError). The write
 * path reports it here; the UI (ui/StorageFullAlert) tells the user in Vietnamese.
 */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('Bộ nhớ máy đã đầy', { cause });
    this.name = 'StorageFullError';
  }
}

/** True for a QuotaExceededError, also when Dexie wraps it (AbortError → inner). */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

const listeners = new Set<() => void>();

export function onStorageFull(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Rethrows `error`, as a StorageFullError (and tells the UI) when the storage is full. */
export function rethrowStorageError(error: unknown): never {
  if (!isQuotaError(error)) throw error;
  for (const l of listeners) l();
  throw error instanceof StorageFullError ? error : new StorageFullError(error);
}

/**
 * For background writes nobody awaits (a form's draft autosave): a full storage is told to the
 * UI and swallowed, any other error is rethrown.
 */
export function reportStorageError(error: unknown): void {
  try {
    rethrowStorageError(error);
  } catch (e) {
    if (!(e instanceof StorageFullError)) throw e;
  }
}
