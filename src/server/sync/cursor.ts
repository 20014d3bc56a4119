import { HttpError } from '../http/errors';

/**
 * The pull cursor: for each village of the caller's scope (and "" for commune-wide records) the
 * last seq the device has received. Opaque to the app (base64url JSON). A village newly added to
 * the user's scope is absent, so it starts from 0; a removed one is dropped from the next cursor.
 */
export type Cursor = Map<string, number>;

export const COMMUNE_WIDE_KEY = '';

export function decodeCursor(text: string | undefined): Cursor {
  const cursor: Cursor = new Map();
  if (!text) return cursor;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new HttpError('validation_failed', 'bad cursor');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError('validation_failed', 'bad cursor');
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      throw new HttpError('validation_failed', 'bad cursor');
    cursor.set(k, v);
  }
  return cursor;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(Object.fromEntries(cursor)), 'utf8').toString('base64url');
}
