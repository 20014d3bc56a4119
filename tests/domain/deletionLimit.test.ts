import { describe, expect, it } from 'vitest';
import { deletionAllowed, identityChanged, isNewDeletion } from '../../src/domain/deletionLimit';

const live = { data: { headName: 'Lò Văn A' }, clocks: { headName: 'c1' } };
const dead = { data: { deleted: true }, clocks: { deleted: 'c2' } };

describe('a new deletion', () => {
  it.each([
    ['a live household deleted', 'household', live, dead, true],
    ['a live member deleted', 'member', live, dead, true],
    ['a live trader deleted', 'trader', live, dead, true],
    ['a household deleted again', 'household', dead, dead, false],
    ['a household created deleted', 'household', undefined, dead, false],
    ['a household edited', 'household', live, live, false],
    ['a visit (a fact, never deleted by hand)', 'visit', live, dead, false],
    ['a mentorship (follows its mentee)', 'mentorship', live, dead, false],
  ] as const)('%s', (_name, entity, before, after, expected) => {
    expect(isNewDeletion(entity, before, after)).toBe(expected);
  });
});

describe('deletions a day without a leader', () => {
  it.each([
    ['a volunteer’s 1st household', 'volunteer', 'household', {}, {}, true],
    ['a volunteer’s 5th household', 'volunteer', 'household', { household: 4 }, {}, true],
    ['a volunteer’s 6th household', 'volunteer', 'household', { household: 5 }, {}, false],
    ['a volunteer’s 20th member', 'volunteer', 'member', { member: 19 }, {}, true],
    ['a volunteer’s 21st member', 'volunteer', 'member', { member: 20 }, {}, false],
    [
      'a household taking 18 members along, after 3 members',
      'volunteer',
      'household',
      { member: 3 },
      { member: 18 },
      false,
    ],
    [
      'a household taking 17 members along, after 3 members',
      'volunteer',
      'household',
      { member: 3 },
      { member: 17 },
      true,
    ],
    ['a leader’s 1,000th household', 'leader', 'household', { household: 999 }, {}, true],
    [
      'the officer’s household of 50 members',
      'officer',
      'household',
      { member: 999 },
      { member: 50 },
      true,
    ],
  ] as const)('%s', (_name, role, entity, done, taking, allowed) => {
    expect(deletionAllowed(role, entity, done, taking)).toBe(allowed);
  });
});

describe('an edit that wipes who someone is', () => {
  const home = { data: { headName: 'Lò Văn A', phone: '0912', status: 'active' }, clocks: {} };
  it.each([
    ['a name made "X"', 'household', home, { headName: 'X', phone: '0912' }, ['headName']],
    ['a phone removed', 'household', home, { headName: 'Lò Văn A' }, ['phone']],
    ['a status changed', 'household', home, { ...home.data, status: 'moved' }, []],
    ['a field first written', 'household', home, { ...home.data, address: 'Số 1' }, []],
    ['a member renamed', 'member', { data: { name: 'Mai' }, clocks: {} }, { name: 'M' }, ['name']],
    ['a visit (never an identity)', 'visit', home, { headName: 'X' }, []],
    ['a delete (kept as a deletion)', 'household', home, { deleted: true }, []],
  ] as const)('%s', (_name, entity, before, after, fields) => {
    expect(identityChanged(entity, before, { data: after, clocks: {} })).toEqual(fields);
  });
});
