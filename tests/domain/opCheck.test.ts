import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/domain/hlc';
import { checkOp, MAX_FIELD_NODES, storableField } from '../../src/domain/opCheck';
import { INHERITED_NAMES } from '../support/inheritedNames';

const NOW = 1_763_800_000_000;
const ID = '019aa000-0000-7000-8000-000000000001';
const clock = encodeHlc({ ms: NOW, counter: 0, node: 'a' });

describe('one bounded walk of a field: shape, size and storable text', () => {
  it.each([
    ['a plain value', 'An', true],
    ['a list of values', ['1.1', 2, null], true],
    ['a surrogate pair', 'An \ud83d\ude00', true],
    ['a NUL in a value', 'A\u0000n', false],
    ['a lone surrogate in a list', ['1.1', '\udc00'], false],
    ['a lone surrogate in a key', { ['\ud800']: 1 }, false],
    ['a NUL in a key', { ['a\u0000']: 1 }, false],
    ['a list inside a list', [['1.1']], false],
    [
      'a list of more values than MAX_FIELD_NODES',
      Array.from({ length: MAX_FIELD_NODES }, () => 1),
      false,
    ],
  ] as const)('%s', (_name, value, ok) => {
    expect(storableField(value)).toBe(ok);
  });

  it('refuses an op whose text the database cannot store', () => {
    for (const fields of [{ name: 'A\u0000n' }, { skills: ['1.1', '\ud800'] }])
      expect(checkOp({ entity: 'member', id: ID, fields, clock }, NOW)).toEqual({
        ok: false,
        code: 'invalid_fields',
      });
  });
});

describe('field names are looked up among the entity’s own rules only', () => {
  it.each(INHERITED_NAMES)('refuses a field named %s', (name) => {
    for (const entity of ['household', 'member', 'visit'])
      expect(checkOp({ entity, id: ID, fields: { [name]: 'x' }, clock }, NOW)).toEqual({
        ok: false,
        code: 'invalid_fields',
      });
  });
});
