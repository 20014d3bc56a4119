import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';

/**
 * Seals a row's personal fields: JSON, then XChaCha20-Poly1305 (RFC 8439's AEAD with a 24-byte
 * random nonce, from @noble/ciphers) under the device's data key, bound to where the row lives
 * (`where`: its table and key, so a sealed value copied to another row does not open there).
 *
 * Why not WebCrypto's AES-GCM: WebCrypto only answers asynchronously, and an IndexedDB
 * transaction ends as soon as it waits for anything else, so sealing inside the database's own
 * reads and writes (sealedRows.ts) needs a cipher that answers at once. Of the synchronous ones,
 * ChaCha20-Poly1305 is the fast one without AES hardware (what cheap phones lack): 38 MB, a whole
 * commune, sealed in 1.1–1.7 s on the reference machine against noble's AES-GCM 2.2–3.0 s
 * (docs/data-protection.md). The data key itself is wrapped with WebCrypto (session/keyring.ts).
 */
const NONCE = 24;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * JSON drops a field whose value is `undefined`, which a row may hold on purpose (a field the
 * record has, with no value: its clock still counts). It is written as this mark and read back.
 */
const UNDEFINED = '\u0000undefined';
const keepUndefined = (_key: string, v: unknown) => (v === undefined ? UNDEFINED : v);

function restoreUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreUndefined(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) obj[k] = restoreUndefined(obj[k]);
  }
  return value === UNDEFINED ? undefined : value;
}

export function seal(key: Uint8Array, where: string, value: unknown): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE));
  const sealed = xchacha20poly1305(key, nonce, encoder.encode(where)).encrypt(
    encoder.encode(JSON.stringify(value, keepUndefined)),
  );
  const out = new Uint8Array(NONCE + sealed.length);
  out.set(nonce);
  out.set(sealed, NONCE);
  return out;
}

/** Opens what `seal` made; a wrong key, place or altered byte throws. */
export function open(key: Uint8Array, where: string, bytes: Uint8Array): unknown {
  const cipher = xchacha20poly1305(key, bytes.subarray(0, NONCE), encoder.encode(where));
  const text = decoder.decode(cipher.decrypt(bytes.subarray(NONCE)));
  const value: unknown = JSON.parse(text);
  // Walked only when a field was undefined (JSON escapes the mark's first character).
  return text.includes('\\u0000undefined') ? restoreUndefined(value) : value;
}
