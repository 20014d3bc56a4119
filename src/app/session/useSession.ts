import { db } from '../db/db';
import { useLiveQuery } from '../db/live';
import { SESSION_KEY, type Session } from './types';

/** The logged-in session, live from db.meta: undefined while loading, null when logged out. */
export function useSession(): Session | null | undefined {
  return useLiveQuery(
    async () => ((await db.meta.get(SESSION_KEY))?.value as Session | undefined) ?? null,
    [],
  );
}
