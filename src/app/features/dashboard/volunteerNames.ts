import { userListSchema } from '../../../protocol/accounts';
import { apiRequest } from '../../api/client';
import { meta, metaKey } from '../../db';
import type { Session } from '../../session/types';

/**
 * Volunteers' names for the activity table: the device only knows its own user, so a leader or
 * officer fetches GET /api/users when online and keeps the names on the device for offline use.
 */
export type NameBook = Record<string, string>;

export const NAMES_KEY = metaKey<NameBook>('views.volunteerNames', (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as NameBook) : undefined,
);

export async function refreshVolunteerNames(session: Session): Promise<void> {
  if (session.user.role === 'volunteer') return;
  const res = await apiRequest('/api/users', userListSchema);
  if (!res.ok) return;
  const names: NameBook = {};
  for (const u of res.value.users) names[u.id] = u.displayName;
  await meta.put(NAMES_KEY, names);
}

export function volunteerName(book: NameBook | undefined, session: Session, id: string): string {
  if (id === session.user.id) return session.user.displayName;
  return book?.[id] ?? `Tình nguyện viên ${id.slice(-4)}`;
}
