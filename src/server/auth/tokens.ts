import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device tokens: `tn1.<commune code>.<device id>.<secret>`. The prefix lets the server find the
 * device row by its primary key (commune first, as everywhere); only sha256(secret) is stored.
 * The secret has 256 bits of entropy, so a fast hash is enough (no password stretching needed).
 */
export interface ParsedToken {
  communeCode: string;
  deviceId: string;
  secret: string;
}

const TOKEN_PATTERN =
  /^tn1\.(\d{5})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatToken(communeCode: string, deviceId: string, secret: string): string {
  return `tn1.${communeCode}.${deviceId}.${secret}`;
}

export function parseToken(token: string): ParsedToken | null {
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return null;
  return { communeCode: m[1] as string, deviceId: m[2] as string, secret: m[3] as string };
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const actual = hashSecret(secret);
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
