import { invalidField } from './fieldRules';
import { decodeHlc } from './hlc';
import { isUuid } from './ids';
import { stableStringify } from './merge';
import { hasUnstorableText } from './storableText';
import { APPEND_ONLY, isSyncEntity, type EntityName, type Fields, type Versioned } from './records';

/** Why one operation cannot be applied; the same codes travel in the push response. */
export type OpCheckError = 'unknown_entity' | 'invalid_id' | 'invalid_fields' | 'bad_clock';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set(['id', '_clock', '_clocks', '_village']);
export const MAX_FIELDS_BYTES = 32 * 1024;
/** More fields than any entity has (a member has about 20): a wider op is refused at once. */
export const MAX_FIELDS_PER_OP = 64;
/** A field holds a value or a list of values: nothing deeper, and nothing larger than this. */
export const MAX_FIELD_DEPTH = 2;
export const MAX_FIELD_NODES = 1000;

/**
 * Is the value at most MAX_FIELD_DEPTH deep and MAX_FIELD_NODES large, with every string in it
 * (keys included) one the database can store (storableText.ts)? One walk, with a stack: a value
 * nested deeper than any field allows is refused before anything recurses into it (a deeply
 * nested array once overflowed the stack of the server).
 */
export function storableField(value: unknown): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (++nodes > MAX_FIELD_NODES) return false;
    if (typeof v === 'string' && hasUnstorableText(v)) return false;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_FIELD_DEPTH) return false;
    for (const [key, child] of Object.entries(v)) {
      if (hasUnstorableText(key)) return false;
      stack.push({ v: child, depth: depth + 1 });
    }
  }
  return true;
}

/** Fields that point at other records must be record ids (they decide a record's village). */
const ID_FIELDS = ['villageId', 'householdId', 'menteeId', 'mentorId', 'memberId'];

export interface OpShape {
  entity: string;
  id: string;
  fields: Fields;
  clock: string;
}

/** Checks an operation on its own: known entity, UUID id, sane fields, a well-formed clock. */
export function checkOp(
  op: OpShape,
  nowMs: number,
): { ok: true; entity: EntityName } | { ok: false; code: OpCheckError } {
  if (!isSyncEntity(op.entity)) return { ok: false, code: 'unknown_entity' };
  if (!isUuid(op.id)) return { ok: false, code: 'invalid_id' };
  const names = Object.keys(op.fields);
  if (names.length === 0 || names.length > MAX_FIELDS_PER_OP)
    return { ok: false, code: 'invalid_fields' };
  if (names.some((n) => !FIELD_NAME.test(n) || RESERVED.has(n)))
    return { ok: false, code: 'invalid_fields' };
  for (const name of ID_FIELDS) {
    const v = op.fields[name];
    if (v !== undefined && (typeof v !== 'string' || !isUuid(v)))
      return { ok: false, code: 'invalid_fields' };
  }
  if ('deleted' in op.fields && typeof op.fields.deleted !== 'boolean')
    return { ok: false, code: 'invalid_fields' };
  // Shape and text first, without recursion (storableField), before any rule reads a value.
  if (!Object.values(op.fields).every(storableField)) return { ok: false, code: 'invalid_fields' };
  if (invalidField(op.entity, op.fields, nowMs) !== null)
    return { ok: false, code: 'invalid_fields' };
  if (stableStringify(op.fields).length > MAX_FIELDS_BYTES)
    return { ok: false, code: 'invalid_fields' };
  // A clock far ahead is not refused: the server re-stamps it (clockStamp.ts).
  if (!decodeHlc(op.clock)) return { ok: false, code: 'bad_clock' };
  return { ok: true, entity: op.entity };
}

/**
 * Append-only facts (visits): the first write creates them; the very same content again is a
 * duplicate; anything else is refused.
 */
export function appendOnlyDecision(
  entity: EntityName,
  current: Versioned | undefined,
  fields: Fields,
): 'write' | 'duplicate' | 'append_only' {
  if (!APPEND_ONLY.has(entity) || current === undefined) return 'write';
  const same = Object.entries(fields).every(
    ([k, v]) =>
      Object.prototype.hasOwnProperty.call(current.data, k) &&
      stableStringify(current.data[k]) === stableStringify(v),
  );
  return same ? 'duplicate' : 'append_only';
}
