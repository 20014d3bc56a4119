import type { Hlc } from './hlc';
import type { Fields, Versioned } from './records';

/**
 * Per-field last-writer-wins. A field takes the incoming value when the incoming clock is later;
 * on an equal clock (the same write seen twice, or a forged duplicate) the larger serialised
 * value wins, so every replica picks the same one whatever order writes arrive in.
 * Pure and total: the same function runs on the phone and on the server.
 */
export function wins(
  incomingClock: Hlc,
  incomingValue: unknown,
  currentClock: Hlc | undefined,
  currentValue: unknown,
): boolean {
  if (currentClock === undefined) return true;
  if (incomingClock !== currentClock) return incomingClock > currentClock;
  return stableStringify(incomingValue) > stableStringify(currentValue);
}

export interface MergeResult {
  next: Versioned;
  /** Fields whose value or clock changed; empty when the write was already known or stale. */
  changed: string[];
}

/** Applies one write (fields set at one clock) to a record. */
export function applyWrite(
  current: Versioned | undefined,
  fields: Fields,
  clock: Hlc,
): MergeResult {
  const clocks: Record<string, Hlc> = {};
  for (const key of Object.keys(fields)) clocks[key] = clock;
  return mergeVersioned(current, { data: fields, clocks });
}

/** Merges a whole record (say, the server's copy) into another, field by field. */
export function mergeVersioned(current: Versioned | undefined, incoming: Versioned): MergeResult {
  const data: Fields = { ...(current?.data ?? {}) };
  const clocks: Record<string, Hlc> = { ...(current?.clocks ?? {}) };
  const changed: string[] = [];
  for (const [key, clock] of Object.entries(incoming.clocks)) {
    // A clock with no value is a cleared field (a tombstone's removed data): it clears ours too.
    const present = Object.prototype.hasOwnProperty.call(incoming.data, key);
    const value = present ? incoming.data[key] : undefined;
    if (
      wins(clock, value, clocks[key], data[key]) &&
      (clocks[key] !== clock || stableStringify(data[key]) !== stableStringify(value))
    ) {
      if (present) data[key] = value;
      else delete data[key];
      clocks[key] = clock;
      changed.push(key);
    }
  }
  return { next: { data, clocks }, changed };
}

/** JSON with object keys sorted, so equal values always serialise equally. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(',')}}`;
}
