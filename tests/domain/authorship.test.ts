import { describe, expect, it } from 'vitest';
import {
  authorshipError,
  withAuthors,
  type AuthorLookups,
  type Caller,
} from '../../src/domain/authorship';
import type { EntityName, Fields, Versioned } from '../../src/domain/records';

const VOL = 'u-volunteer';
const LEAD = 'u-leader';
const OFF = 'u-officer';
const OTHER_VOL = 'u-other-volunteer';
const V1 = 'village-1';
const V2 = 'village-2';
const RESIDENT = 'member-resident';

const callers: Record<string, Caller> = {
  volunteer: { userId: VOL, role: 'volunteer' },
  leader: { userId: LEAD, role: 'leader' },
  officer: { userId: OFF, role: 'officer' },
};
const lookups: AuthorLookups = {
  user: (id) =>
    ({
      [VOL]: { villageIds: [V1] },
      [LEAD]: { villageIds: [V1] },
      [OFF]: { villageIds: [] },
      [OTHER_VOL]: { villageIds: [V2] },
    })[id],
  isMember: (id) => id === RESIDENT,
};
const existing = (data: Fields): Versioned => ({ data, clocks: {} });

const cases: {
  name: string;
  caller: keyof typeof callers;
  entity: EntityName;
  current?: Versioned;
  fields: Fields;
  expect: ReturnType<typeof authorshipError>;
}[] = [
  {
    name: 'a volunteer logs their own visit',
    caller: 'volunteer',
    entity: 'visit',
    fields: { volunteerId: VOL },
    expect: null,
  },
  {
    name: 'a volunteer logs a visit "by" the leader',
    caller: 'volunteer',
    entity: 'visit',
    fields: { volunteerId: LEAD },
    expect: 'author_mismatch',
  },
  {
    name: 'a leader logs a visit "by" a volunteer',
    caller: 'leader',
    entity: 'visit',
    fields: { volunteerId: VOL },
    expect: 'author_mismatch',
  },
  {
    name: 'a household registered by its caller',
    caller: 'volunteer',
    entity: 'household',
    fields: { createdBy: VOL },
    expect: null,
  },
  {
    name: 'a household "registered by" the officer',
    caller: 'volunteer',
    entity: 'household',
    fields: { createdBy: OFF },
    expect: 'author_mismatch',
  },
  {
    name: 'an edit that keeps the creator',
    caller: 'leader',
    entity: 'household',
    current: existing({ createdBy: VOL }),
    fields: { createdBy: VOL },
    expect: null,
  },
  {
    name: 'an edit that changes the creator',
    caller: 'volunteer',
    entity: 'household',
    current: existing({ createdBy: LEAD }),
    fields: { createdBy: VOL },
    expect: 'author_mismatch',
  },
  {
    name: 'a leader confirms Gia đình số as themselves',
    caller: 'leader',
    entity: 'household',
    fields: { gdsConfirmedBy: LEAD, gdsConfirmedAt: 1 },
    expect: null,
  },
  {
    name: 'a volunteer confirms Gia đình số "by" the officer',
    caller: 'volunteer',
    entity: 'household',
    fields: { gdsConfirmedBy: OFF, gdsConfirmedAt: 1 },
    expect: 'leader_only',
  },
  {
    name: 'a volunteer clears a confirmation',
    caller: 'volunteer',
    entity: 'household',
    fields: { gdsConfirmedBy: null },
    expect: 'leader_only',
  },
  {
    name: 'a leader confirms "by" the officer',
    caller: 'leader',
    entity: 'household',
    fields: { gdsConfirmedBy: OFF },
    expect: 'author_mismatch',
  },
  {
    name: 'a volunteer is their own mentor',
    caller: 'volunteer',
    entity: 'mentorship',
    fields: { mentorId: VOL, mentorKind: 'volunteer' },
    expect: null,
  },
  {
    name: 'a volunteer names the leader as mentor',
    caller: 'volunteer',
    entity: 'mentorship',
    fields: { mentorId: LEAD, mentorKind: 'volunteer' },
    expect: 'author_mismatch',
  },
  {
    name: 'a volunteer names a resident (a member) as mentor',
    caller: 'volunteer',
    entity: 'mentorship',
    fields: { mentorId: RESIDENT, mentorKind: 'resident' },
    expect: null,
  },
  {
    name: 'a resident mentor who is no member',
    caller: 'volunteer',
    entity: 'mentorship',
    fields: { mentorId: LEAD, mentorKind: 'resident' },
    expect: 'author_mismatch',
  },
  {
    name: "a leader names a volunteer of the pairing's village",
    caller: 'leader',
    entity: 'mentorship',
    fields: { mentorId: VOL, mentorKind: 'volunteer' },
    expect: null,
  },
  {
    name: 'a leader names a volunteer of another village',
    caller: 'leader',
    entity: 'mentorship',
    fields: { mentorId: OTHER_VOL, mentorKind: 'volunteer' },
    expect: 'author_mismatch',
  },
  {
    name: 'an officer names any account of the commune',
    caller: 'officer',
    entity: 'mentorship',
    fields: { mentorId: OTHER_VOL, mentorKind: 'volunteer' },
    expect: null,
  },
  {
    name: 'an officer names an unknown account',
    caller: 'officer',
    entity: 'mentorship',
    fields: { mentorId: 'nobody', mentorKind: 'volunteer' },
    expect: 'author_mismatch',
  },
  {
    name: 'a status change leaves the mentor unchecked',
    caller: 'volunteer',
    entity: 'mentorship',
    current: existing({ mentorId: LEAD, mentorKind: 'volunteer' }),
    fields: { status: 'completed' },
    expect: null,
  },
  {
    name: 'switching a pairing to "resident" with the leader as mentor',
    caller: 'volunteer',
    entity: 'mentorship',
    current: existing({ mentorId: LEAD, mentorKind: 'volunteer' }),
    fields: { mentorKind: 'resident' },
    expect: 'author_mismatch',
  },
  {
    name: "a volunteer takes over another volunteer's pairing",
    caller: 'volunteer',
    entity: 'mentorship',
    current: existing({ mentorId: OTHER_VOL, mentorKind: 'volunteer' }),
    fields: { mentorId: VOL },
    expect: 'author_mismatch',
  },
  {
    name: "a leader hands a pairing to a volunteer of the pairing's village",
    caller: 'leader',
    entity: 'mentorship',
    current: existing({ mentorId: OTHER_VOL, mentorKind: 'volunteer' }),
    fields: { mentorId: VOL },
    expect: null,
  },
];

describe('who did it comes from the token', () => {
  it.each(cases)('$name', ({ caller, entity, current, fields, expect: expected }) => {
    expect(authorshipError(callers[caller] as Caller, entity, current, fields, V1, lookups)).toBe(
      expected,
    );
  });
});

describe('a record that does not say who made it', () => {
  it.each([
    [
      'a new visit takes the caller as its volunteer',
      'visit',
      undefined,
      { at: 1 },
      { at: 1, volunteerId: VOL },
    ],
    [
      'a new household takes the caller as its creator',
      'household',
      undefined,
      { headName: 'A' },
      { headName: 'A', createdBy: VOL },
    ],
    [
      'an edit of a household is left as it is',
      'household',
      existing({ createdBy: LEAD }),
      { headName: 'B' },
      { headName: 'B' },
    ],
    [
      'a stated author is left to the check',
      'visit',
      undefined,
      { volunteerId: LEAD },
      { volunteerId: LEAD },
    ],
    ['a member has no author field', 'member', undefined, { name: 'An' }, { name: 'An' }],
  ] as const)('%s', (_name, entity, current, fields, expected) => {
    expect(withAuthors(callers.volunteer as Caller, entity, current, { ...fields })).toEqual(
      expected,
    );
  });
});
