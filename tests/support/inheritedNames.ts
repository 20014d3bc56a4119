/**
 * The names every object inherits that a field name could take (it must start with a letter):
 * constructor, hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toLocaleString, toString,
 * valueOf. A push naming a field after one must be refused, never crash or slip past the rules.
 * (`__proto__` never reaches a rule: Fastify refuses such a body whole, 400 bad_request.)
 */
export const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) =>
  /^[A-Za-z]/.test(n),
);
