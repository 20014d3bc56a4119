import { z } from 'zod';
import { loginResponseSchema, meSchema, okSchema, type LoginResponse } from '../../protocol';
import { apiRequest, configureApi, type ApiFailure } from '../api/client';
import { db } from '../db/db';
import { navigate } from '../platform/router';
import {
  hasFieldData,
  LOGIN_NOTICE_KEY,
  pendingChanges,
  PIN_KEY,
  PREVIOUS_USER_KEY,
  readSession,
  saveSession,
  wipeDevice,
} from './deviceData';
import { SESSION_KEY, type Session } from './types';

/** Login, setup, logout, password change and device revocation: what the session screens call. */

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: 'api'; failure: ApiFailure }
  | { ok: false; reason: 'unsynced'; count: number }
  | { ok: false; reason: 'offline' };

export const REVOKED_NOTICE =
  'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu trên máy đã được xóa. Hãy đăng nhập lại.';

function toSession(r: LoginResponse, now: number): Session {
  const { token, deviceId, user, commune, villages } = r;
  return { token, deviceId, user, commune, villages, refreshedAt: now };
}

/** Stores a new session, in place of any left by "Quên mã PIN?". */
async function startSession(r: LoginResponse): Promise<ActionResult> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkDelete([PIN_KEY, LOGIN_NOTICE_KEY, PREVIOUS_USER_KEY]);
    await db.meta.put({ key: SESSION_KEY, value: toSession(r, Date.now()) });
  });
  return { ok: true };
}

/**
 * After "Quên mã PIN?" the data stays for the same user. Another user may log in only once it has
 * been sent (it is then removed); until then the login is refused.
 */
async function makeRoomFor(username: string): Promise<ActionResult> {
  const previous = (await db.meta.get(PREVIOUS_USER_KEY))?.value;
  if (previous === undefined || previous === username.trim().toLowerCase()) return { ok: true };
  if (!(await hasFieldData())) return { ok: true };
  const count = await pendingChanges();
  if (count > 0) return { ok: false, reason: 'unsynced', count };
  await wipeDevice();
  return { ok: true };
}

export async function login(
  username: string,
  password: string,
  deviceName: string,
): Promise<ActionResult> {
  const room = await makeRoomFor(username);
  if (!room.ok) return room;
  const res = await apiRequest('/api/auth/login', loginResponseSchema, {
    body: { username, password, deviceName },
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
  navigate('/dang-nhap', { replace: true });
  return { ok: true };
}

/** "Quên mã PIN?": needs the network; ends this device's session but keeps unsent work for the same user. */
export async function forgotPin(): Promise<ActionResult> {
  const session = await readSession();
  const res = await apiRequest('/api/auth/logout', okSchema, { method: 'POST' });
  if (!res.ok && res.error.kind === 'offline') return { ok: false, reason: 'offline' };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkDelete([SESSION_KEY, PIN_KEY]);
    if (session) await db.meta.put({ key: PREVIOUS_USER_KEY, value: session.user.username });
  });
  navigate('/dang-nhap', { replace: true });
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
      navigate('/dang-nhap', { replace: true });
    } finally {
      wiping = null;
    }
  })();
  return wiping;
}

/** Gives the API client this device's token and its reaction to a revoked device. */
export function wireApi() {
  configureApi({
    getToken: async () => (await readSession())?.token ?? null,
    onDeviceRevoked: () => void handleDeviceRevoked(),
  });
}
