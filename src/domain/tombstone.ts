import type { EntityName, Versioned } from './records';

/**
 * A deleted record (a tombstone) keeps only what places it and says it is gone: never a name, a
 * phone, an address or anything else about a person. The removed fields keep a clock (at least
 * the delete's), so an edit made before the delete and arriving later cannot bring a value back;
 * a value written after the delete is removed again. Skills and targets carry no personal data and are kept whole.
 */
const KEPT: Partial<Record<EntityName, ReadonlySet<string>>> = {
  household: new Set(['villageId', 'deleted']),
  member: new Set(['householdId', 'villageId', 'deleted']),
  trader: new Set(['memberId', 'householdId', 'villageId', 'deleted']),
  mentorship: new Set(['menteeId', 'villageId', 'deleted']),
};

export function isTombstone(v: Versioned): boolean {
  return v.data.deleted === true;
}

/** The record as it may be kept: itself, or for a tombstone only its placing fields. */
export function withoutPersonalData(entity: EntityName, v: Versioned): Versioned {
  const kept = KEPT[entity];
  if (!kept || !isTombstone(v)) return v;
  const data: Versioned['data'] = {};
  // Fields whose name starts with `_` are a device's own bookkeeping (its `_village`).
  for (const [key, value] of Object.entries(v.data))
    if (kept.has(key) || key.startsWith('_')) data[key] = value;
  // Every removed field (now or by an earlier delete) has at least the latest delete's clock:
  // what was written before it can never return, and every replica computes the same clocks.
  const clocks = { ...v.clocks };
  const deletedAt = v.clocks.deleted;
  if (deletedAt !== undefined)
    for (const [key, clock] of Object.entries(clocks))
      if (!kept.has(key) && clock < deletedAt) clocks[key] = deletedAt;
  return { data, clocks };
}
