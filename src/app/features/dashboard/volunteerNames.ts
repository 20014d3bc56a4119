import { userListSchema } from '../../../protocol/accounts';
import { apiRequest } from '../../api/client';
import { db } from '../../db/db';
import type { Session } from '../../session/types';

/**
 * Volunteers' names for the activity table: the device only knows its own user, so a leader or
 * officer fetches GET /api/users when online and keeps the names in db.meta for offline use.
 */
export const NAMES_KEY = 'views.volunteerNames';

export type NameBook = Record<string, string>;

export async function refreshVolunteerNames(session: Session): Promise<void> {
  if (session.user.role === 'volunteer') return;
  const res = await apiRequest('/api/users', userListSchema);
  if (!res.ok) return;
  const names: NameBook = {};
  for (const u of res.value.users) names[u.id] = u.displayName;
  await db.meta.put({ key: NAMES_KEY, value: names });
}

export function volunteerName(book: NameBook | undefined, session: Session, id: string): string {
  if (id === session.user.id) return session.user.displayName;
  return book?.[id] ?? `Tình nguyện viên ${id.slice(-4)}`;
}
