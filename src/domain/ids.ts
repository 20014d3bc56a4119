/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids made on two offline
 * phones never collide and sort roughly by creation time. Clock and randomness come in as arguments.
 */
export type RandomBytes = (n: number) => Uint8Array;

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function uuidv7(nowMs: number, random: RandomBytes): string {
  const bytes = new Uint8Array(16);
  let ms = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random(10), 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export type IdGenerator = () => string;

export function createIdGenerator(now: () => number, random: RandomBytes): IdGenerator {
  return () => uuidv7(now(), random);
}
