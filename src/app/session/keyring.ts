import { meta, metaKey, vault } from '../db';

/**
 * The device's data key (app/db/vault.ts), never on disk in clear: `meta` keeps it only wrapped
 * (WebCrypto AES-GCM), once under a key derived from the PIN (PBKDF2-SHA-256, PIN_ITERATIONS
 * rounds: each guess of a copied phone costs that much) and once under the account's recovery
 * secret, which the server gives a logged-in device of the account (so "Quên mã PIN?" and a new
 * login open the same data: nothing unsent is lost). Both wraps are clear values of `meta`,
 * readable before the PIN.
 */
export const PIN_ITERATIONS = 600_000;

interface Wrap {
  iv: string;
  data: string;
}

export interface Keyring {
  /** The PIN's wrap and its KDF's salt and rounds; absent until a PIN is set, and after "Quên mã PIN?". */
  pin?: Wrap & { salt: string; iterations: number };
  /** The wrap under the account's recovery secret, and whose account that is. */
  recovery?: Wrap & { user: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isWrap = (v: unknown): v is Wrap & Record<string, unknown> =>
  isObject(v) && typeof v.iv === 'string' && typeof v.data === 'string';

export const KEYRING = metaKey<Keyring>(
  'keyring',
  (v) => {
    if (!isObject(v)) return undefined;
    const ring: Keyring = {};
    if (isWrap(v.pin) && typeof v.pin.salt === 'string' && typeof v.pin.iterations === 'number')
      ring.pin = { iv: v.pin.iv, data: v.pin.data, salt: v.pin.salt, iterations: v.pin.iterations };
    if (isWrap(v.recovery) && typeof v.recovery.user === 'string')
      ring.recovery = { iv: v.recovery.iv, data: v.recovery.data, user: v.recovery.user };
    return ring;
  },
  { clear: true },
);

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const fromBase64Url = (text: string) =>
  fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));

const AAD = new TextEncoder().encode('tung-nha data key');

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pin),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const secretKey = (secret: string) =>
  crypto.subtle.importKey('raw', fromBase64Url(secret) as BufferSource, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);

async function wrap(key: CryptoKey, dataKey: Uint8Array): Promise<Wrap> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: AAD },
    key,
    dataKey as BufferSource,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The data key, or null when `key` is not the one that wrapped it (a wrong PIN). */
async function unwrap(key: CryptoKey, w: Wrap): Promise<Uint8Array | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(w.iv) as BufferSource, additionalData: AAD },
      key,
      fromBase64(w.data) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

export async function readKeyring(): Promise<Keyring | null> {
  return (await meta.get(KEYRING)) ?? null;
}

/** Whether a PIN opens this device's data (the lock screen is due). */
export async function hasPinWrap(): Promise<boolean> {
  return Boolean((await readKeyring())?.pin);
}

/**
 * After a login (the server gave the account's recovery secret): opens the data the device keeps
 * for this account, or starts a new key for a device that has none. Returns false when the device
 * holds data sealed under a key this secret does not open (then the caller wipes it).
 */
export async function openWithRecovery(userId: string, secret: string): Promise<boolean> {
  const ring = await readKeyring();
  const key = await secretKey(secret);
  if (ring?.recovery && ring.recovery.user === userId) {
    const dataKey = await unwrap(key, ring.recovery);
    if (dataKey) {
      await vault.open(dataKey);
      dataKey.fill(0);
      return true;
    }
  }
  // A keyring this secret does not open: the data is sealed under a key no longer at hand.
  if (ring) return false;
  await startKeyring(userId, key);
  return true;
}

/** A new data key, wrapped under the recovery secret; the vault opens with it. */
async function startKeyring(userId: string, recoveryKey: CryptoKey, pin?: Keyring['pin']) {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  const recovery = { ...(await wrap(recoveryKey, dataKey)), user: userId };
  await meta.put(KEYRING, { recovery, ...(pin ? { pin } : {}) });
  await vault.open(dataKey);
  dataKey.fill(0);
}

/** Wraps the open vault's key under `pin` (a PIN set or changed). */
export async function wrapWithPin(pin: string, iterations = PIN_ITERATIONS): Promise<void> {
  const dataKey = vault.key();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const pinWrap = {
    ...(await wrap(await pinKey(pin, salt, iterations), dataKey)),
    salt: toBase64(salt),
    iterations,
  };
  await meta.update(KEYRING, (ring = {}) => ({ ...ring, pin: pinWrap }));
}

/** Opens the vault with the PIN; false for a wrong PIN (the AES-GCM tag does not match). */
export async function openWithPin(pin: string): Promise<boolean> {
  const wrapped = (await readKeyring())?.pin;
  if (!wrapped) return false;
  const key = await pinKey(pin, fromBase64(wrapped.salt), wrapped.iterations);
  const dataKey = await unwrap(key, wrapped);
  if (!dataKey) return false;
  await vault.open(dataKey);
  dataKey.fill(0);
  return true;
}

/**
 * A device that kept its data in clear (an earlier version, a PIN hash only): starts the key with
 * the PIN's wrap; the recovery wrap comes with the next session refresh (`addRecovery`).
 */
export async function startKeyringFromPin(pin: string, iterations = PIN_ITERATIONS): Promise<void> {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const pinWrap = {
    ...(await wrap(await pinKey(pin, salt, iterations), dataKey)),
    salt: toBase64(salt),
    iterations,
  };
  await meta.put(KEYRING, { pin: pinWrap });
  await vault.open(dataKey);
  dataKey.fill(0);
}

/** Adds the recovery wrap where it is missing (the vault open, the account's secret known). */
export async function addRecovery(userId: string, secret: string): Promise<void> {
  const ring = await readKeyring();
  if (!vault.isOpen() || (ring?.recovery && ring.recovery.user === userId)) return;
  const recovery = { ...(await wrap(await secretKey(secret), vault.key())), user: userId };
  await meta.update(KEYRING, (r = {}) => ({ ...r, recovery }));
}

/** "Quên mã PIN?": the PIN's wrap goes; the recovery wrap stays for the same user's next login. */
export async function dropPinWrap(): Promise<void> {
  await meta.update(KEYRING, (r = {}) => (r.recovery ? { recovery: r.recovery } : {}));
}
