import type { FastifyReply } from 'fastify';
import type { ApiError, ErrorCode } from '../../protocol';

export const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  not_found: 404,
  method_not_allowed: 405,
  rate_limited: 429,
  busy: 429,
  unauthenticated: 401,
  token_invalid: 401,
  device_revoked: 401,
  session_expired: 401,
  forbidden: 403,
  out_of_scope: 403,
  conflict: 409,
  invalid_credentials: 401,
  login_throttled: 429,
  password_change_required: 403,
  current_password_wrong: 403,
  already_set_up: 409,
  unknown_commune: 404,
  username_taken: 409,
  commune_required: 409,
  village_name_taken: 409,
  code_taken: 409,
  protocol_outdated: 426,
  server_error: 500,
  unavailable: 503,
};

type Issues = NonNullable<ApiError['error']['issues']>;

/** An error a route throws on purpose; the error handler turns it into `{ error: { code } }`. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues?: Issues,
  ) {
    super(message ?? code);
  }
}

export function errorBody(code: ErrorCode, message?: string, issues?: Issues): ApiError {
  return { error: { code, ...(message ? { message } : {}), ...(issues ? { issues } : {}) } };
}

export function sendError(reply: FastifyReply, code: ErrorCode, message?: string, issues?: Issues) {
  return reply.status(STATUS[code]).send(errorBody(code, message, issues));
}
