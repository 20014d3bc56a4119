import { z } from 'zod';
import { cleanText, hasLetter } from '../domain/cleanText';
import { roleSchema } from './roles';

/** Communes, villages, users and devices on the wire. No citizen ID numbers anywhere. */

export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'five digits');
export const communeSchema = z.object({
  code: communeCodeSchema,
  name: z.string(),
  province: z.string(),
});
export type Commune = z.infer<typeof communeSchema>;
export const communeListSchema = z.object({ communes: z.array(communeSchema) });

export const VILLAGE_KINDS = ['thon', 'xom', 'ban', 'ap', 'to_dan_pho', 'khu_pho', 'khac'] as const;
export const villageKindSchema = z.enum(VILLAGE_KINDS);
export type VillageKind = z.infer<typeof villageKindSchema>;

/**
 * A name of the accounts (village, person, device), as the server stores it: cleaned at the wire
 * (domain/cleanText.ts: NFC, no control, bidi, zero-width or noncharacters, one space between
 * words, at most 2 combining marks in a row), so "Thôn A\u200b" is "Thôn A". The server is the
 * source of truth for accounts, so it normalises here rather than refusing unclean text.
 */
const cleanName = z.string().max(480).transform(cleanText).pipe(z.string().min(1).max(120));
/** A cleaned name that holds at least one letter ("Thôn 3", not "3" or "…"). */
export const nameSchema = cleanName.refine(hasLetter, 'letter');
const name = nameSchema;

export const villageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: villageKindSchema,
  archived: z.boolean(),
});
export type Village = z.infer<typeof villageSchema>;
export const villageListSchema = z.object({ villages: z.array(villageSchema) });
export const createVillageInputSchema = z.strictObject({
  name,
  kind: villageKindSchema.default('thon'),
});
export const updateVillageInputSchema = z.strictObject({
  name: name.optional(),
  kind: villageKindSchema.optional(),
  archived: z.boolean().optional(),
});

/** Login names: lower-case letters, digits, dot, dash, underscore (a phone number for volunteers). */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'username');
/** Vietnamese mobile numbers as volunteers type them: 0 and 9 digits. */
export const phoneSchema = z.string().regex(/^0\d{9}$/, 'phone');
export const passwordSchema = z.string().min(8).max(200);
/**
 * A person's name. Cleaned; the letter rule (`nameSchema`) applies to every name sent to the API,
 * while the admin CLI, run by the server's operator, may still default it to a phone number.
 */
export const displayNameSchema = cleanName;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  villageIds: z.array(z.uuid()),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = z.object({ users: z.array(userSchema) });

export const createUserInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: nameSchema,
  role: roleSchema,
  villageIds: z.array(z.uuid()).max(200).default([]),
});
export const updateUserInputSchema = z.strictObject({
  displayName: nameSchema.optional(),
  role: roleSchema.optional(),
  villageIds: z.array(z.uuid()).max(200).optional(),
  disabled: z.boolean().optional(),
  /** Sets a new temporary password, shown once, that the user must change. */
  resetPassword: z.literal(true).optional(),
});
/** A created user, or one whose password was reset: the temporary password is shown once. */
export const userWithPasswordSchema = z.object({
  user: userSchema,
  temporaryPassword: z.string().optional(),
});

export const deviceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), role: roleSchema }),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  revokedAt: z.string().nullable(),
  current: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;
export const deviceListSchema = z.object({ devices: z.array(deviceSchema) });
export const okSchema = z.object({ ok: z.literal(true) });
