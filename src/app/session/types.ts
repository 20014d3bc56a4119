import type { Role } from '../../protocol/roles';
import { metaKey } from '../db';

/** The logged-in user of this device, kept in Dexie `meta` under the key "session". */
export interface Session {
  token: string;
  deviceId: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    mustChangePassword: boolean;
  };
  commune: { code: string; name: string; province: string };
  villages: { id: string; name: string; kind: string }[];
  /** When the session was last confirmed by the server (ms since epoch). */
  refreshedAt: number;
}

/** The session's name in `meta`, for a test or a tool that reads the table itself. */
export const SESSION_KEY = 'session';
/** The session as `meta` keeps it (session/deviceData.ts reads and writes it). */
export const SESSION = metaKey<Session>(SESSION_KEY, (v) =>
  typeof v === 'object' && v !== null ? (v as Session) : undefined,
);

/**
 * Whose session this device has, in clear (readable while the data is locked): the login screen
 * after "Quên mã PIN?" keeps the data for this user. The volunteer's own login name, nothing of
 * a resident.
 */
export interface Account {
  username: string;
  deviceId: string;
}
export const ACCOUNT = metaKey<Account>(
  'account',
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Account).username === 'string' &&
    typeof (v as Account).deviceId === 'string'
      ? { username: (v as Account).username, deviceId: (v as Account).deviceId }
      : undefined,
  { clear: true },
);
