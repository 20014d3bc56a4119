import type { Role } from '../../protocol/roles';

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

export const SESSION_KEY = 'session';
