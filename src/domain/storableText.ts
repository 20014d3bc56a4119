/**
 * PostgreSQL text and jsonb cannot hold a NUL character or half of a UTF-16 surrogate pair; such a
 * string is refused as input instead of failing in the database.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a string anywhere in `value` (keys included) cannot be stored. */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => hasUnstorableText(v, depth + 1));
  return Object.entries(value).some(
    ([k, v]) => UNSTORABLE.test(k) || hasUnstorableText(v, depth + 1),
  );
}
