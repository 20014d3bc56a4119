import { meta, useLive } from '../db';
import { SESSION, type Session } from './types';

/** The logged-in session, live from the device's values: undefined while loading, null when logged out. */
export function useSession(): Session | null | undefined {
  return useLive(async () => (await meta.get(SESSION)) ?? null, []);
}
