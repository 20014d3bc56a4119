import { z } from 'zod';
import {
  communeCodeSchema,
  communeSchema,
  nameSchema,
  passwordSchema,
  usernameSchema,
  villageKindSchema,
} from './accounts';
import { roleSchema } from './roles';

/** Setup, login and the session a device keeps. */

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

export const communeQuerySchema = z.object({ q: z.string().max(80).default('') });

export const setupInputSchema = z.strictObject({
  communeCode: communeCodeSchema,
  officer: z.strictObject({
    username: usernameSchema,
    displayName: nameSchema,
    password: passwordSchema,
  }),
  deviceName: nameSchema.optional(),
});

export const loginInputSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  // Passwords are taken exactly as typed: never cleaned.
  password: z.string().min(1).max(200),
  /** Shown in the devices list of the user's leader: cleaned like every account name. */
  deviceName: nameSchema,
  /** The commune's code, sent only after `commune_required`. */
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  /**
   * The device this phone was before "Quên mã PIN?" or an ended session (its id, kept in clear):
   * its token is sealed and never used again, so the login ends it, if it is this account's.
   */
  replacesDeviceId: z.uuid().optional(),
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});

export const meSchema = z.object({
  deviceId: z.uuid(),
  user: sessionUserSchema,
  commune: communeSchema,
  villages: z.array(z.object({ id: z.uuid(), name: z.string(), kind: villageKindSchema })),
  /**
   * The account's recovery secret (32 random bytes, base64url): the phone wraps its data key with
   * it besides the PIN, so that after "Quên mã PIN?" a login with the password opens the phone's
   * data again. Given only to an authenticated device of the account.
   */
  recoverySecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = meSchema.extend({ token: z.string() });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const passwordChangeInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
