import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../domain/ids';

/** Server-made ids: UUIDv7 like the devices make, from the server clock. */
export function newId(now: number = Date.now()): string {
  return uuidv7(now, (n) => randomBytes(n));
}
