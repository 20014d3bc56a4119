import { meta, metaKey, vault } from '../db';
import { hasPin } from './pin';

/**
 * Ten minutes in the background lock the app: the data key is dropped (app/db/vault.ts) and only
 * the PIN opens the data again. A reload starts locked: the key is never kept.
 */
export const LOCK_AFTER_MS = 10 * 60 * 1000;
/** When the app last went to the background (ms). */
const HIDDEN_AT_KEY = metaKey<number>('hiddenAt', (v) => (typeof v === 'number' ? v : undefined), {
  clear: true,
});

export function lockDue(hiddenAt: number | null, now: number): boolean {
  return hiddenAt !== null && now - hiddenAt >= LOCK_AFTER_MS;
}

async function readHiddenAt(): Promise<number | null> {
  return (await meta.get(HIDDEN_AT_KEY)) ?? null;
}

/** Locks now if the app has been in the background long enough and a PIN is set. */
export async function checkLock(now: number = Date.now()): Promise<void> {
  if (lockDue(await readHiddenAt(), now) && (await hasPin())) lock();
  await meta.delete(HIDDEN_AT_KEY);
}

/**
 * Watches visibility: going to the background records the time (in Dexie, so a reload or a killed
 * tab still locks); coming back checks it. Returns the function that stops watching.
 */
export function watchLock(now: () => number = Date.now): () => void {
  const onChange = () => {
    if (document.visibilityState === 'hidden') void meta.put(HIDDEN_AT_KEY, now());
    else void checkLock(now());
  };
  document.addEventListener('visibilitychange', onChange);
  void checkLock(now());
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Locks now: the data stays unreadable until the PIN is entered. */
export function lock() {
  vault.close();
}
