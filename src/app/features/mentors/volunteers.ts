import { userListSchema } from '../../../protocol/accounts';
import { apiRequest } from '../../api/client';
import { meta, metaKey, useLive } from '../../db';
import type { Session } from '../../session/types';

/**
 * The commune's volunteers (id → name), for naming volunteer mentors and for a leader picking one.
 * Fetched from GET /api/users when online (leaders and officers only) and kept on the device, so the
 * names stay readable offline. A volunteer's device knows only its own user.
 */
const VOLUNTEERS_KEY = metaKey<VolunteerRef[]>('models.volunteers', (v) =>
  Array.isArray(v) ? (v as VolunteerRef[]) : undefined,
);

export interface VolunteerRef {
  id: string;
  name: string;
}

export async function refreshVolunteers(session: Session): Promise<void> {
  if (session.user.role === 'volunteer' || !navigator.onLine) return;
  const res = await apiRequest('/api/users', userListSchema);
  if (!res.ok) return;
  const list: VolunteerRef[] = res.value.users
    .filter((u) => !u.disabled)
    .map((u) => ({ id: u.id, name: u.displayName }));
  await meta.put(VOLUNTEERS_KEY, list);
}

export function useVolunteers(session: Session | null | undefined): VolunteerRef[] {
  const stored = useLive(() => meta.get(VOLUNTEERS_KEY));
  const own = session ? [{ id: session.user.id, name: session.user.displayName }] : [];
  const others = (stored ?? []).filter((v) => v.id !== session?.user.id);
  return [...own, ...others];
}
