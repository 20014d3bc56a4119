import type { z } from 'zod';
import { hasUnstorableText } from '../../domain/storableText';
import { HttpError } from './errors';

/**
 * Parses untrusted input with a protocol schema, or throws `validation_failed` with the paths.
 * `checkText: false` leaves unstorable text to a finer check (sync push refuses it op by op).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  opts: { checkText?: boolean } = {},
): z.infer<S> {
  // A NUL or half a surrogate pair would fail in PostgreSQL: refuse it here, precisely.
  if ((opts.checkText ?? true) && hasUnstorableText(value))
    throw new HttpError('validation_failed', 'Text contains a character that cannot be stored');
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(
    'validation_failed',
    'Request does not match the protocol schema',
    result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
