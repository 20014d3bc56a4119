import { device, entry, meta, metaKey, type MetaEntry } from '../db';
import { PIN } from './pin';
import { SESSION, type Session } from './types';

/** The session and the device's data: read, save, and wipe everything. */

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A message for the login screen, kept across a wipe ("this device was revoked"). */
export const LOGIN_NOTICE_KEY = 'loginNotice';
export const LOGIN_NOTICE = metaKey<string>(LOGIN_NOTICE_KEY, text);
/**
 * The username whose data stays on the device after "Quên mã PIN?" or an ended session, until they
 * log in again (another user may log in only once that data has been sent).
 */
export const PREVIOUS_USER = metaKey<string>('previousUserId', text);

export async function readSession(): Promise<Session | null> {
  return (await meta.get(SESSION)) ?? null;
}

export function saveSession(session: Session): Promise<void> {
  return meta.put(SESSION, session);
}

export function pendingChanges(): Promise<number> {
  return device.pendingChanges();
}

/** Clears every table of the device database, the session included; then leaves a notice. */
export function wipeDevice(notice?: string): Promise<void> {
  return device.wipe(notice ? [entry(LOGIN_NOTICE, notice)] : []);
}

/** Whether anything but the account keys is stored (households, visits, drafts…). */
export function hasFieldData(): Promise<boolean> {
  return device.hasFieldData();
}

/**
 * Ends the session on this device but keeps its data, unsent changes included, for the same user's
 * next login ("Quên mã PIN?", a session the server ended); `notice` is shown on the login screen.
 */
export function endSessionKeepingData(
  username: string | undefined,
  notice?: string,
): Promise<void> {
  const keep: MetaEntry[] = [];
  if (username !== undefined) keep.push(entry(PREVIOUS_USER, username));
  if (notice) keep.push(entry(LOGIN_NOTICE, notice));
  return meta.replace([SESSION, PIN], keep);
}

/** The user whose data the device keeps for their next login, if any. */
export function previousUser(): Promise<string | undefined> {
  return meta.get(PREVIOUS_USER);
}
