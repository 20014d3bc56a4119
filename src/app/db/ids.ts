import { createIdGenerator } from '../../domain/ids';

/** The device's randomness and its ids (UUIDv7): records, operations, chunks. */
export const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
export const newId = createIdGenerator(() => Date.now(), randomBytes);
