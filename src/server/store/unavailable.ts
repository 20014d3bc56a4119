/**
 * Errors that mean "the database cannot be reached right now" (restarting, down, connection cut),
 * as opposed to a bug: the API answers them with 503 `unavailable` so devices simply retry later.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
/** PostgreSQL SQLSTATEs: connection exceptions (08…) and operator intervention (57P01–57P03). */
const SQLSTATE = /^(08\d{3}|57P0[123])$/;
const MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  return typeof message === 'string' && MESSAGES.some((m) => message.includes(m));
}
