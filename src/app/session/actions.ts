import { z } from 'zod';
import { loginResponseSchema, meSchema, okSchema, type LoginResponse } from '../../protocol';
import { apiRequest, configureApi, type ApiFailure } from '../api/client';
import { entry, meta, vault } from '../db';
import { href, navigate } from '../platform/router';
import {
  endSessionKeepingData,
  hasFieldData,
  LOGIN_NOTICE,
  pendingChanges,
  PREVIOUS_USER,
  previousUser,
  readSession,
  saveSession,
  wipeDevice,
} from './deviceData';
import { hasPendingExports, pendingExports } from './exportNotes';
import { addRecovery, openWithRecovery } from './keyring';
import { PIN } from './pin';
import { ACCOUNT, SESSION, type Session } from './types';

/** Login, setup, logout, password change and device revocation: what the session screens call. */

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: 'api'; failure: ApiFailure }
  | { ok: false; reason: 'unsynced'; count: number }
  /** Another user's unsent changes are on the device: that user must log in and send them. */
  | { ok: false; reason: 'unsynced_other_user'; count: number; username: string }
  | { ok: false; reason: 'offline' };

export const REVOKED_NOTICE =
  'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu trên máy đã được xóa. Hãy đăng nhập lại.';
export const SESSION_ENDED_NOTICE =
  'Phiên đăng nhập đã kết thúc (mật khẩu đã được đổi hoặc lâu không dùng). Hãy đăng nhập lại; các thay đổi chưa gửi vẫn được giữ trên máy.';

function toSession(r: LoginResponse, now: number): Session {
  const { token, deviceId, user, commune, villages } = r;
  return { token, deviceId, user, commune, villages, refreshedAt: now };
}

/**
 * Opens the device's data with the account's recovery secret (the same data after "Quên mã PIN?",
 * a new key on a new device: keyring.ts) and stores a new session in place of any left.
 */
async function startSession(r: LoginResponse): Promise<ActionResult> {
  if (!(await openWithRecovery(r.user.id, r.recoverySecret))) {
    // Sealed under a key this account cannot open (makeRoomFor let it go: nothing unsent).
    await wipeDevice();
    await openWithRecovery(r.user.id, r.recoverySecret);
  }
  await meta.replace(
    [PIN, LOGIN_NOTICE, PREVIOUS_USER],
    [
      entry(SESSION, toSession(r, Date.now())),
      entry(ACCOUNT, { username: r.user.username, deviceId: r.deviceId }),
    ],
  );
  return { ok: true };
}

/**
 * After "Quên mã PIN?" or an ended session the data stays for the same user, whose next sync sends
 * the unsent changes. Another user may log in only once they have been sent (the previous user's
 * data is then removed): until then the login is refused, so nothing of one user is ever sent
 * under another's name.
 */
async function makeRoomFor(username: string): Promise<ActionResult> {
  const previous = await previousUser();
  if (previous === undefined || previous === username.trim().toLowerCase()) return { ok: true };
  // Unsent changes, and notes for the officer's log of exports, wait for their own user.
  const exports = vault.isOpen()
    ? (await pendingExports()).length
    : Number(await hasPendingExports());
  const count = (await pendingChanges()) + exports;
  if (count > 0) return { ok: false, reason: 'unsynced_other_user', count, username: previous };
  if (!(await hasFieldData())) return { ok: true };
  await wipeDevice();
  return { ok: true };
}

export async function login(
  username: string,
  password: string,
  deviceName: string,
  /** Only when the server answered `commune_required`. */
  communeCode?: string,
): Promise<ActionResult> {
  const room = await makeRoomFor(username);
  if (!room.ok) return room;
  // The same user's device left behind by "Quên mã PIN?" or an ended session: the server ends it.
  const account = await meta.get(ACCOUNT);
  const replaces =
    account && account.username === username.trim().toLowerCase() ? account.deviceId : undefined;
  const res = await apiRequest('/api/auth/login', loginResponseSchema, {
    body: {
      username,
      password,
      deviceName,
      ...(communeCode ? { communeCode } : {}),
      ...(replaces ? { replacesDeviceId: replaces } : {}),
    },
    anonymous: true,
  });
  if (!res.ok) return { ok: false, reason: 'api', failure: res.error };
  return startSession(res.value);
}

export async function setup(input: {
  communeCode: string;
  officer: { username: string; displayName: string; password: string };
  deviceName: string;
}): Promise<ActionResult> {
  const res = await apiRequest('/api/setup', loginResponseSchema, { body: input, anonymous: true });
  if (!res.ok) return { ok: false, reason: 'api', failure: res.error };
  return startSession(res.value);
}

export async function needsSetup(): Promise<boolean | null> {
  const res = await apiRequest('/api/setup', z.object({ needsSetup: z.boolean() }), {
    anonymous: true,
  });
  return res.ok ? res.value.needsSetup : null;
}

/** Refused while changes wait to be sent: logging out wipes the device. */
export async function logout(): Promise<ActionResult> {
  const count = await pendingChanges();
  if (count > 0) return { ok: false, reason: 'unsynced', count };
  await apiRequest('/api/auth/logout', okSchema, { method: 'POST' });
  await wipeDevice();
  navigate(href('/dang-nhap'), { replace: true });
  return { ok: true };
}

/**
 * "Quên mã PIN?": needs the network (the login that follows does); ends this device's session but
 * keeps its data, unsent work included, for the same user's next login, which opens it with the
 * account's recovery secret (keyring.ts). The session's token is sealed, so the server's device
 * is ended by that login (it names the device it replaces).
 */
export async function forgotPin(): Promise<ActionResult> {
  if ((await needsSetup()) === null) return { ok: false, reason: 'offline' };
  const account = await meta.get(ACCOUNT);
  await endSessionKeepingData(account?.username);
  navigate(href('/dang-nhap'), { replace: true });
  return { ok: true };
}

export async function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<ActionResult> {
  const res = await apiRequest('/api/auth/password', okSchema, {
    body: { currentPassword, newPassword },
  });
  if (!res.ok) return { ok: false, reason: 'api', failure: res.error };
  const session = await readSession();
  if (session)
    await saveSession({ ...session, user: { ...session.user, mustChangePassword: false } });
  return { ok: true };
}

/** Asks the server who we are (villages may have changed); a revoked device is wiped by the hook. */
export async function refreshSession(): Promise<void> {
  const res = await apiRequest('/api/me', meSchema);
  if (!res.ok) return;
  const session = await readSession();
  const { recoverySecret, ...me } = res.value;
  if (session && session.deviceId === me.deviceId) {
    await saveSession({ ...session, ...me, token: session.token, refreshedAt: Date.now() });
    // A device whose key was started from its PIN (an earlier version's) gets its recovery wrap.
    await addRecovery(me.user.id, recoverySecret);
  }
}

let wiping: Promise<void> | null = null;

/** The server refused this device: remove all local data and return to login with a message. */
export function handleDeviceRevoked(): Promise<void> {
  wiping ??= (async () => {
    try {
      if (await readSession()) await wipeDevice(REVOKED_NOTICE);
      navigate(href('/dang-nhap'), { replace: true });
    } finally {
      wiping = null;
    }
  })();
  return wiping;
}

let ending: Promise<void> | null = null;

/**
 * The server ended the session (password changed or reset, or unused too long): back to login
 * with a message, keeping every local record and the unsent changes for the same user's next login.
 */
export function handleSessionEnded(): Promise<void> {
  ending ??= (async () => {
    try {
      const session = await readSession();
      if (session) await endSessionKeepingData(session.user.username, SESSION_ENDED_NOTICE);
      navigate(href('/dang-nhap'), { replace: true });
    } finally {
      ending = null;
    }
  })();
  return ending;
}

/** Gives the API client this device's token and its reactions to a revoked device or ended session. */
export function wireApi() {
  configureApi({
    getToken: async () => (await readSession())?.token ?? null,
    onDeviceRevoked: () => void handleDeviceRevoked(),
    onSessionEnded: () => void handleSessionEnded(),
  });
}
