import type { Role } from '../../protocol/roles';

/**
 * Who is calling, established from the device token on every API request. Routes enforce scope
 * with it: every query filters by `communeCode`, and village-bound data by `villageIds`.
 */
export interface AuthContext {
  communeCode: string;
  userId: string;
  deviceId: string;
  role: Role;
  /** The villages this user serves; for a commune officer, every village of the commune. */
  villageIds: string[];
  mustChangePassword: boolean;
}
