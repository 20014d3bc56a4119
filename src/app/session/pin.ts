import { pinProblem } from '../../domain/pinRules';
import { meta, metaKey } from '../db';
import { hasPinWrap, openWithPin, startKeyringFromPin, wrapWithPin } from './keyring';

/**
 * The PIN that unlocks the app (a new one: six digits, not an obvious one, domain/pinRules.ts).
 * It opens the device's data: the data key is wrapped under it (keyring.ts), and a wrong PIN
 * does not unwrap it. A device of an earlier version kept only a salted PBKDF2-SHA-256 hash of its
 * PIN (`PIN` below, 4–6 digits) and its data in clear: its first unlock starts the key.
 */
export interface PinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The PIN's hash as `meta` keeps it: a malformed record reads as no PIN. */
export const PIN = metaKey<PinRecord>(
  'pin',
  (v) =>
    isRecord(v) &&
    typeof v.salt === 'string' &&
    typeof v.hash === 'string' &&
    typeof v.iterations === 'number'
      ? { salt: v.salt, hash: v.hash, iterations: v.iterations }
      : undefined,
  { clear: true },
);

export const PIN_PATTERN = /^\d{4,6}$/;
const ITERATIONS = 150_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toBase64(new Uint8Array(bits));
}

export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinRecord> {
  if (!PIN_PATTERN.test(pin)) throw new Error('PIN must be 4–6 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: await derive(pin, salt, iterations), iterations };
}

export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  if (!PIN_PATTERN.test(pin)) return false;
  const hash = await derive(pin, fromBase64(record.salt), record.iterations);
  return hash === record.hash;
}

/**
 * A PIN set before the rules that they refuse (4 or 5 digits, an obvious one) still opened the
 * data once: it must be changed before the app opens (a copied phone's short PIN falls in minutes,
 * docs/data-protection.md).
 */
const PIN_MUST_CHANGE = metaKey<true>('pin.mustChange', (v) => (v === true ? true : undefined), {
  clear: true,
});

export async function pinMustChange(): Promise<boolean> {
  return (await meta.get(PIN_MUST_CHANGE)) === true;
}

/** Sets a new PIN (the data open); one the rules refuse (domain/pinRules.ts) throws. */
export async function savePin(pin: string): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(`PIN refused: ${problem}`);
  await wrapWithPin(pin);
  await meta.delete(PIN, PIN_MUST_CHANGE);
}

/** Whether a PIN is set on this device (its wrap of the data key, or an earlier version's hash). */
export async function hasPin(): Promise<boolean> {
  return (await hasPinWrap()) || (await meta.has(PIN));
}

/** Opens the data with `pin`; false for a wrong one. */
export async function checkPin(pin: string): Promise<boolean> {
  if (await hasPinWrap()) return openWithPin(pin);
  const legacy = await meta.get(PIN);
  if (!legacy || !(await pinMatches(pin, legacy))) return false;
  await startKeyringFromPin(pin);
  if (pinProblem(pin)) await meta.put(PIN_MUST_CHANGE, true);
  await meta.delete(PIN);
  return true;
}

/**
 * Wrong PINs allowed before the unlock screen makes the user wait. This slows a finder who types
 * guesses; a copy of the phone's storage is guessed offline, slowed only by the key derivation's
 * rounds (keyring.ts; the README's table).
 */
export const PIN_FREE_ATTEMPTS = 5;

interface PinFailures {
  count: number;
  lockedUntil: number;
}

const PIN_FAILURES_KEY = metaKey<PinFailures>(
  'pinFailures',
  (v) =>
    isRecord(v) && typeof v.count === 'number' && typeof v.lockedUntil === 'number'
      ? { count: v.count, lockedUntil: v.lockedUntil }
      : undefined,
  { clear: true },
);

export type PinCheck = { ok: true } | { ok: false; wait: number; attemptsLeft: number };

/**
 * Checks a PIN with a limit that survives reloads: after 5 wrong PINs each further wrong one
 * makes the user wait 30 s, doubling each time (up to an hour). Data is never wiped for it:
 * unsynced work stays; "Quên mã PIN?" (an online login) is the way out.
 */
export async function checkPinLimited(pin: string, now: number): Promise<PinCheck> {
  const stored = await meta.get(PIN_FAILURES_KEY);
  const failures = stored ?? { count: 0, lockedUntil: 0 };
  if (failures.lockedUntil > now)
    return { ok: false, wait: failures.lockedUntil - now, attemptsLeft: 0 };
  if (await checkPin(pin)) {
    await meta.delete(PIN_FAILURES_KEY);
    return { ok: true };
  }
  const count = failures.count + 1;
  const over = count - PIN_FREE_ATTEMPTS;
  const wait = over > 0 ? Math.min(30_000 * 2 ** (over - 1), 60 * 60_000) : 0;
  await meta.put(PIN_FAILURES_KEY, { count, lockedUntil: now + wait });
  return { ok: false, wait, attemptsLeft: Math.max(0, PIN_FREE_ATTEMPTS - count) };
}
