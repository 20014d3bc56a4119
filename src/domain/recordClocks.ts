import type { Hlc } from './hlc';
import type { Fields } from './records';

/**
 * A record's field clocks, written compactly (on the wire and in device rows). Most records were
 * made by one write, so nearly every field has the same clock: that one is stored once.
 *
 * - `clock`: the clock most of the record's data fields have (ties: the later clock); absent when
 *   no data field has a clock.
 * - `clocks`: every other entry, exactly: a data field whose clock differs from `clock`, and any
 *   field that has a clock but no value (a cleared field). Absent when empty.
 *
 * Expanding: explicit entries win; every other data field takes `clock`; with no `clock`, nothing
 * is added (so an old full map, with no `clock`, reads as itself). Fields whose name starts with
 * `_` are the device's own (`_village`), never synced (a synced field name starts with a letter):
 * they have no clock and never take one. `expandClocks(v.data, compactClocks(v.data, v.clocks))`
 * equals `v.clocks` whenever every synced data field has a clock, as merge guarantees.
 */
export interface CompactClocks {
  clock?: Hlc;
  clocks?: Record<string, Hlc>;
}

const has = (o: object, key: string) => Object.hasOwn(o, key);
const isLocal = (field: string) => field.charCodeAt(0) === 95; // '_'
/** A field whose clock may be the record's: a synced field with a value. */
const shared = (data: Fields, key: string) => !isLocal(key) && has(data, key);

/** The clock most data fields carry; ties go to the later clock, so every replica picks the same. */
function commonClock(data: Fields, clocks: Record<string, Hlc>, keys: string[]): Hlc | undefined {
  let first: Hlc | undefined;
  let mixed = false;
  for (const key of keys) {
    if (!shared(data, key)) continue;
    const c = clocks[key];
    if (first === undefined) first = c;
    else if (c !== first) {
      mixed = true;
      break;
    }
  }
  if (!mixed) return first;
  const counts = new Map<Hlc, number>();
  for (const key of keys) {
    const c = clocks[key];
    if (c !== undefined && shared(data, key)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: Hlc | undefined;
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && c > best)) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

export function compactClocks(data: Fields, clocks: Record<string, Hlc>): CompactClocks {
  const keys = Object.keys(clocks);
  const clock = commonClock(data, clocks, keys);
  let rest: Record<string, Hlc> | undefined;
  for (const key of keys) {
    const c = clocks[key];
    if (c === undefined || (c === clock && shared(data, key))) continue;
    (rest ??= {})[key] = c;
  }
  const out: CompactClocks = {};
  if (clock !== undefined) out.clock = clock;
  if (rest !== undefined) out.clocks = rest;
  return out;
}

export function expandClocks(data: Fields, compact: CompactClocks): Record<string, Hlc> {
  const out: Record<string, Hlc> = {};
  const { clock, clocks } = compact;
  if (clock !== undefined) for (const key of Object.keys(data)) if (!isLocal(key)) out[key] = clock;
  if (clocks) Object.assign(out, clocks);
  return out;
}
