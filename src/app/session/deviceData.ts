import { device, entry, meta, metaKey, vault, type MetaEntry } from '../db';
import { reinstallServiceWorker } from '../platform/serviceWorker';
import { dropPinWrap } from './keyring';
import { PIN } from './pin';
import { SESSION, type Session } from './types';

/** The session and the device's data: read, save, and wipe everything. */

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A message for the login screen, kept across a wipe ("this device was revoked"). */
export const LOGIN_NOTICE_KEY = 'loginNotice';
export const LOGIN_NOTICE = metaKey<string>(LOGIN_NOTICE_KEY, text, { clear: true });
/**
 * The username whose data stays on the device after "Quên mã PIN?" or an ended session, until they
 * log in again (another user may log in only once that data has been sent). In clear: the login
 * screen reads it before any key is at hand; it is the volunteer's own login name.
 */
export const PREVIOUS_USER = metaKey<string>('previousUserId', text, { clear: true });

/** The session; null when logged out, or while the data is locked (the PIN not entered yet). */
export async function readSession(): Promise<Session | null> {
  if (!vault.isOpen()) return null;
  return (await meta.get(SESSION)) ?? null;
}

export function saveSession(session: Session): Promise<void> {
  return meta.put(SESSION, session);
}

export function pendingChanges(): Promise<number> {
  return device.pendingChanges();
}

/**
 * Deletes the device database, the session and keys included (app/db's `device.wipe`), then leaves
 * a notice; the service worker comes back if a logout's answer took it.
 */
export async function wipeDevice(notice?: string): Promise<void> {
  await device.wipe(notice ? [entry(LOGIN_NOTICE, notice)] : []);
  await reinstallServiceWorker(); // if the server's answer had the browser clear the origin
}

/** Whether anything but the account keys is stored (households, visits, drafts…). */
export function hasFieldData(): Promise<boolean> {
  return device.hasFieldData();
}

/**
 * Ends the session on this device but keeps its data, unsent changes included, for the same user's
 * next login ("Quên mã PIN?", a session the server ended); `notice` is shown on the login screen.
 */
export async function endSessionKeepingData(
  username: string | undefined,
  notice?: string,
): Promise<void> {
  const keep: MetaEntry[] = [];
  if (username !== undefined) keep.push(entry(PREVIOUS_USER, username));
  if (notice) keep.push(entry(LOGIN_NOTICE, notice));
  // The PIN's wrap goes (a new PIN after the login); the recovery wrap keeps the data for it.
  await dropPinWrap();
  await meta.replace([SESSION, PIN], keep);
  vault.close();
}

/** The user whose data the device keeps for their next login, if any. */
export function previousUser(): Promise<string | undefined> {
  return meta.get(PREVIOUS_USER);
}
