import type { z } from 'zod';
import { HttpError } from './errors';

/** Parses untrusted input with a protocol schema, or throws `validation_failed` with the paths. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpError(
    'validation_failed',
    'Request does not match the protocol schema',
    result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
