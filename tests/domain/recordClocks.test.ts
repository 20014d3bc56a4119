import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/domain/hlc';
import { compactClocks, expandClocks, type CompactClocks } from '../../src/domain/recordClocks';
import type { Versioned } from '../../src/domain/records';

const at = (ms: number, node = 'a', counter = 0) => encodeHlc({ ms, counter, node });
const T = 1_763_800_000_000;
const roundTrip = (v: Versioned) => expandClocks(v.data, compactClocks(v.data, v.clocks));

const cases: { name: string; v: Versioned; compact: CompactClocks }[] = [
  {
    name: 'all fields written at one clock: one clock, no exceptions',
    v: {
      data: { headName: 'An', phone: '0911', villageId: 'v1' },
      clocks: { headName: at(T), phone: at(T), villageId: at(T) },
    },
    compact: { clock: at(T) },
  },
  {
    name: 'one field edited later: the common clock plus that field',
    v: {
      data: { headName: 'An', phone: '0922', villageId: 'v1' },
      clocks: { headName: at(T), phone: at(T + 5, 'b'), villageId: at(T) },
    },
    compact: { clock: at(T), clocks: { phone: at(T + 5, 'b') } },
  },
  {
    name: 'cleared field (a clock, no value): keeps its explicit clock even when it equals the common one',
    v: {
      data: { headName: 'An', villageId: 'v1' },
      clocks: { headName: at(T), villageId: at(T), phone: at(T) },
    },
    compact: { clock: at(T), clocks: { phone: at(T) } },
  },
  {
    name: 'tombstone: deleted set later than the rest is an exception like any field',
    v: {
      data: { headName: 'An', villageId: 'v1', deleted: true },
      clocks: { headName: at(T), villageId: at(T), deleted: at(T + 60) },
    },
    compact: { clock: at(T), clocks: { deleted: at(T + 60) } },
  },
  {
    name: 'empty record: nothing at all',
    v: { data: {}, clocks: {} },
    compact: {},
  },
  {
    name: 'two clocks equally common: the later one is the record clock',
    v: { data: { a: 1, b: 2 }, clocks: { a: at(T), b: at(T + 1) } },
    compact: { clock: at(T + 1), clocks: { a: at(T) } },
  },
  {
    name: 'a device-only field (_village) neither picks nor takes the clock',
    v: { data: { a: 1, _village: 'v1' }, clocks: { a: at(T) } },
    compact: { clock: at(T) },
  },
];

describe('record clocks, compact and back', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(compactClocks(c.v.data, c.v.clocks)).toEqual(c.compact);
      expect(roundTrip(c.v)).toEqual(c.v.clocks);
    });
  }

  it('reads an old full map (no record clock) as itself, adding nothing', () => {
    const clocks = { headName: at(T), phone: at(T + 5) };
    expect(expandClocks({ headName: 'An', phone: '1', extra: 2 }, { clocks })).toEqual(clocks);
  });

  it('explicit entries win over the record clock', () => {
    expect(expandClocks({ a: 1, b: 2 }, { clock: at(T), clocks: { b: at(T + 9) } })).toEqual({
      a: at(T),
      b: at(T + 9),
    });
  });

  it('property: any record whose data fields all have clocks expands back to its exact clocks', () => {
    const field = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/);
    const clock = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'b', 'c'))
      .map(([d, node]) => at(T + d, node));
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const record = fc
      .array(fc.tuple(field, clock, fc.option(value, { nil: undefined }), fc.boolean()), {
        maxLength: 12,
      })
      .map((entries) => {
        const v: Versioned = { data: {}, clocks: {} };
        for (const [name, c, val, hasValue] of entries) {
          v.clocks[name] = c;
          if (hasValue) v.data[name] = val;
          else delete v.data[name];
        }
        return v;
      });
    fc.assert(
      fc.property(record, (v) => {
        expect(roundTrip(v)).toEqual(v.clocks);
      }),
    );
  });
});
