import { meta, useLive } from '../db';
import { SESSION, type Session } from './types';

/**
 * The logged-in session, live from the device's values: null when logged out; undefined while
 * loading and while the data is locked (the session is sealed: a locked phone is not a logged-out
 * one).
 */
export function useSession(): Session | null | undefined {
  return useLive(async () => (await meta.get(SESSION)) ?? null, []);
}
