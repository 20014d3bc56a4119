import { z } from 'zod';
import { loginResponseSchema, meSchema, okSchema, type LoginResponse } from '../../protocol';
import { apiRequest, configureApi, type ApiFailure } from '../api/client';
import { entry, meta } from '../db';
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
import { pendingExports } from './exportNotes';
import { PIN } from './pin';
import { SESSION, type Session } from './types';

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

/** Stores a new session, in place of any left by "Quên mã PIN?". */
async function startSession(r: LoginResponse): Promise<ActionResult> {
  await meta.replace(
    [PIN, LOGIN_NOTICE, PREVIOUS_USER],
    [entry(SESSION, toSession(r, Date.now()))],
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
  const count = (await pendingChanges()) + (await pendingExports()).length;
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
  const res = await apiRequest('/api/auth/login', loginResponseSchema, {
    body: { username, password, deviceName, ...(communeCode ? { communeCode } : {}) },
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

/** "Quên mã PIN?": needs the network; ends this device's session but keeps unsent work for the same user. */
export async function forgotPin(): Promise<ActionResult> {
  const session = await readSession();
  const res = await apiRequest('/api/auth/logout', okSchema, { method: 'POST' });
  if (!res.ok && res.error.kind === 'offline') return { ok: false, reason: 'offline' };
  await endSessionKeepingData(session?.user.username);
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
  if (session && session.deviceId === res.value.deviceId)
    await saveSession({ ...session, ...res.value, token: session.token, refreshedAt: Date.now() });
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
