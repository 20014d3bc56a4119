import type { Role } from '../../src/protocol/roles';
import { createCommune } from '../../src/server/accounts/communes';
import { createDevice } from '../../src/server/accounts/devices';
import { createUser } from '../../src/server/accounts/users';
import { createVillage } from '../../src/server/accounts/villages';
import type { Store } from '../../src/server/store/store';

/** Official codes usable in tests: Xã Hòa Lạc and Phường Hoàn Kiếm (Hà Nội). */
export const TEST_COMMUNE = '09988';
export const OTHER_COMMUNE = '00070';
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export interface SeedUser {
  username: string;
  role: Role;
  /** Village names (from `villages`) the user serves. */
  villages?: string[];
  displayName?: string;
  mustChangePassword?: boolean;
}

export interface SeededCommune {
  communeCode: string;
  /** Village id by name. */
  villages: Record<string, string>;
  /** User id by username. */
  users: Record<string, string>;
  /** A ready device token by username (`Authorization: Bearer <token>`). */
  tokens: Record<string, string>;
  /** The device id behind each token, by username. */
  devices: Record<string, string>;
  password: string;
}

/**
 * Creates a commune (from the official list), its villages and users, and logs each user in on
 * one device, through the account services. The store must be migrated.
 * Every user's password is TEST_PASSWORD; none must change it.
 */
export async function seedCommune(
  store: Store,
  opts: {
    code?: string;
    villages: string[];
    users: SeedUser[];
    /** When the devices logged in (a test whose server lives at another time passes its now). */
    now?: number;
  },
): Promise<SeededCommune> {
  const communeCode = opts.code ?? TEST_COMMUNE;
  await createCommune(store, communeCode);
  const villages: Record<string, string> = {};
  for (const name of opts.villages) {
    villages[name] = (await createVillage(store, communeCode, { name })).id;
  }
  const seeded: SeededCommune = {
    communeCode,
    villages,
    users: {},
    tokens: {},
    devices: {},
    password: TEST_PASSWORD,
  };
  for (const u of opts.users) {
    const villageIds = (u.villages ?? []).map((name) => {
      const id = villages[name];
      if (!id) throw new Error(`seedCommune: unknown village "${name}"`);
      return id;
    });
    const user = await createUser(store, communeCode, {
      username: u.username,
      displayName: u.displayName ?? u.username,
      role: u.role,
      password: TEST_PASSWORD,
      mustChangePassword: u.mustChangePassword ?? false,
      villageIds,
    });
    const device = await createDevice(
      store,
      communeCode,
      user.id,
      `Máy của ${u.username}`,
      opts.now ?? Date.now(),
    );
    seeded.users[u.username] = user.id;
    seeded.tokens[u.username] = device.token;
    seeded.devices[u.username] = device.deviceId;
  }
  return seeded;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
