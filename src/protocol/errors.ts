import { z } from 'zod';

/** Every error the API can answer, as a string-literal union. The app maps each to Vietnamese. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'rate_limited',
  /** Too many requests of this account, or of its commune, under way at once: retry after a pause. */
  'busy',
  'unauthenticated',
  'token_invalid',
  'device_revoked',
  /** The session ended (password changed or reset, or unused too long): log in again, keep data. */
  'session_expired',
  'forbidden',
  'out_of_scope',
  'conflict',
  'invalid_credentials',
  /** Too many wrong passwords for this name, from this address or from everywhere: wait. */
  'login_throttled',
  'password_change_required',
  'current_password_wrong',
  'already_set_up',
  'unknown_commune',
  /** Taken in this commune (names are unique per commune; other communes are never consulted). */
  'username_taken',
  /** The name and password open accounts of several communes: send the commune's code too. */
  'commune_required',
  'village_name_taken',
  /** A deleted household's sticker code now marks another household: it cannot come back as it was. */
  'code_taken',
  'protocol_outdated',
  'server_error',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export type ApiError = z.infer<typeof apiErrorSchema>;
