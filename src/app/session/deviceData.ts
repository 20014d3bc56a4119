import { db } from '../db/db';
import { SESSION_KEY, type Session } from './types';

/** The session and the device's data in Dexie: read, save, and wipe everything. */

export const PIN_KEY = 'pin';
/** A message for the login screen, kept across a wipe ("this device was revoked"). */
export const LOGIN_NOTICE_KEY = 'loginNotice';
/**
 * The username whose data stays on the device after "Quên mã PIN?" or an ended session, until they
 * log in again (another user may log in only once that data has been sent).
 */
export const PREVIOUS_USER_KEY = 'previousUserId';

export async function readSession(): Promise<Session | null> {
  return ((await db.meta.get(SESSION_KEY))?.value as Session | undefined) ?? null;
}

export async function saveSession(session: Session): Promise<void> {
  await db.meta.put({ key: SESSION_KEY, value: session });
}

export async function pendingChanges(): Promise<number> {
  return db.outbox.count();
}

/** Clears every table of the device database, the session included; then leaves a notice. */
export async function wipeDevice(notice?: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    // Clearing a synced table marks every summary stale (summaryDirty.ts): those marks go too.
    await db.summaryDirty.clear();
    if (notice) await db.meta.put({ key: LOGIN_NOTICE_KEY, value: notice });
  });
}

/** Whether anything but the account keys is stored (households, visits, drafts…). */
export async function hasFieldData(): Promise<boolean> {
  for (const table of db.tables) {
    if (table.name === 'meta') continue;
    if ((await table.count()) > 0) return true;
  }
  return false;
}

/**
 * Ends the session on this device but keeps its data, unsent changes included, for the same user's
 * next login ("Quên mã PIN?", a session the server ended); `notice` is shown on the login screen.
 */
export async function endSessionKeepingData(
  username: string | undefined,
  notice?: string,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkDelete([SESSION_KEY, PIN_KEY]);
    if (username !== undefined) await db.meta.put({ key: PREVIOUS_USER_KEY, value: username });
    if (notice) await db.meta.put({ key: LOGIN_NOTICE_KEY, value: notice });
  });
}

/** The user whose data the device keeps for their next login, if any. */
export async function previousUser(): Promise<string | undefined> {
  const value = (await db.meta.get(PREVIOUS_USER_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}
