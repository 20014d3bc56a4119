import { describe, expect, it } from 'vitest';
import { encodeHlc, MAX_DRIFT_MS } from '../../src/domain/hlc';
import { appendOnlyDecision, checkOp } from '../../src/domain/opCheck';
import { deriveVillage, writeDecision } from '../../src/domain/syncScope';

const NOW = 1_763_800_000_000;
const ID = '019aa000-0000-7000-8000-000000000001';
const H = '019aa000-0000-7000-8000-0000000000aa';
const V1 = '019aa000-0000-7000-8000-0000000000f1';
const V2 = '019aa000-0000-7000-8000-0000000000f2';
const clock = (ms = NOW) => encodeHlc({ ms, counter: 0, node: 'a' });

describe('checking one operation', () => {
  it.each([
    [
      'a household edit',
      { entity: 'household', id: ID, fields: { phone: '0912345678' }, clock: clock() },
      null,
    ],
    [
      'an unknown entity',
      { entity: 'hamlet', id: ID, fields: { a: 1 }, clock: clock() },
      'unknown_entity',
    ],
    [
      'an id that is not a UUID',
      { entity: 'member', id: '42', fields: { a: 1 }, clock: clock() },
      'invalid_id',
    ],
    ['no fields', { entity: 'member', id: ID, fields: {}, clock: clock() }, 'invalid_fields'],
    [
      'a reserved field',
      { entity: 'member', id: ID, fields: { _clocks: 1 }, clock: clock() },
      'invalid_fields',
    ],
    [
      'a householdId that is not an id',
      { entity: 'member', id: ID, fields: { householdId: 'x' }, clock: clock() },
      'invalid_fields',
    ],
    [
      'a non-boolean delete',
      { entity: 'member', id: ID, fields: { deleted: 'yes' }, clock: clock() },
      'invalid_fields',
    ],
    [
      'a malformed clock',
      { entity: 'member', id: ID, fields: { name: 'An' }, clock: 'yesterday' },
      'bad_clock',
    ],
    [
      'a clock more than a day ahead is accepted here (the server re-stamps it: clockStamp.ts)',
      { entity: 'member', id: ID, fields: { name: 'An' }, clock: clock(NOW + MAX_DRIFT_MS + 1000) },
      null,
    ],
    [
      'a list nested inside a list',
      { entity: 'member', id: ID, fields: { skills: [['1.1']] }, clock: clock() },
      'invalid_fields',
    ],
    [
      'a list nested 100,000 deep (once overflowed the stack)',
      { entity: 'member', id: ID, fields: { skills: deepList(100_000) }, clock: clock() },
      'invalid_fields',
    ],
    [
      'an op with 200 fields (no entity has so many)',
      {
        entity: 'member',
        id: ID,
        fields: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, true])),
        clock: clock(),
      },
      'invalid_fields',
    ],
    [
      'an object in a field',
      { entity: 'household', id: ID, fields: { headName: { first: 'An' } }, clock: clock() },
      'invalid_fields',
    ],
  ] as const)('%s', (_name, op, code) => {
    const result = checkOp({ ...op, fields: { ...op.fields } }, NOW);
    expect(result.ok ? null : result.code).toBe(code);
  });
});

function deepList(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('append-only visits', () => {
  const visit = {
    data: { householdId: H, at: '2026-11-22' },
    clocks: { householdId: clock(), at: clock() },
  };
  it.each([
    ['a new visit is written', 'visit', undefined, { at: '2026-11-22' }, 'write'],
    ['the same content again is a duplicate', 'visit', visit, { at: '2026-11-22' }, 'duplicate'],
    ['a different date is refused', 'visit', visit, { at: '2026-11-23' }, 'append_only'],
    ['households stay editable', 'household', visit, { at: '2026-11-23' }, 'write'],
  ] as const)('%s', (_n, entity, current, fields, expected) => {
    expect(appendOnlyDecision(entity, current, fields)).toBe(expected);
  });
});

describe('where a record lives and who may write it', () => {
  const lookups = {
    householdVillage: (id: string) => (id === H ? V1 : undefined),
    memberHousehold: (id: string) => (id === ID ? H : undefined),
  };
  it.each([
    ['a household, from its villageId', 'household', { villageId: V2 }, V2],
    ['a member, from its household', 'member', { householdId: H, villageId: V2 }, V1],
    ['a visit of an unknown household with no village', 'visit', { householdId: ID }, undefined],
    ['a mentorship, from its mentee’s household', 'mentorship', { menteeId: ID }, V1],
    ['a skill is commune-wide', 'skill', { name: 'x' }, null],
  ] as const)('%s', (_n, entity, data, expected) => {
    expect(deriveVillage(entity, data, lookups)).toBe(expected);
  });

  it.each([
    ['a volunteer in their village', 'volunteer', 'household', V1, V1, 'ok'],
    [
      'a volunteer creating in another village',
      'volunteer',
      'household',
      undefined,
      V2,
      'out_of_scope',
    ],
    [
      'a volunteer moving a household out of their villages',
      'volunteer',
      'household',
      V1,
      V2,
      'out_of_scope',
    ],
    ['an officer anywhere in the commune', 'officer', 'household', V2, V1, 'ok'],
    ['an officer editing in an archived village', 'officer', 'household', V2, V2, 'ok'],
    [
      "an officer writing into another commune's village",
      'officer',
      'household',
      undefined,
      V2,
      'out_of_scope',
    ],
    ['a leader editing a target', 'leader', 'target', null, null, 'officer_only'],
    ['an officer editing a skill', 'officer', 'skill', null, null, 'ok'],
  ] as const)('%s', (_n, role, entity, before, after, expected) => {
    expect(writeDecision({ role, villageIds: [V1] }, entity, before, after)).toBe(expected);
  });
});
