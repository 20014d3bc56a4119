import { describe, expect, it } from 'vitest';
import { gdsStatus, type GdsRequirement } from '../../src/domain/gdsStatus';
import type { HouseholdFacts, MemberFacts, VisitFacts } from '../../src/domain/modelInputs';
import { CHAMPION, household, member, visit } from './modelFixtures';

const H = household('h1');

const cases: {
  name: string;
  household?: HouseholdFacts;
  members: MemberFacts[];
  visits?: VisitFacts[];
  qualified: boolean;
  memberId: string | null;
  missing: GdsRequirement[];
  confirmed?: boolean;
}[] = [
  {
    name: 'one member who learned, knows the five skills and guides the family: đạt',
    members: [member('a', 'h1', CHAMPION), member('b', 'h1')],
    qualified: true,
    memberId: 'a',
    missing: [],
  },
  {
    name: 'household with one member who guides others but lacks online payment',
    members: [member('a', 'h1', { ...CHAMPION, gdsPayment: false }), member('b', 'h1')],
    qualified: false,
    memberId: 'a',
    missing: ['gdsPayment'],
  },
  {
    name: 'paying cashless already proves online payment',
    members: [
      member('a', 'h1', { ...CHAMPION, gdsPayment: false, cashless: true }),
      member('b', 'h1'),
    ],
    qualified: true,
    memberId: 'a',
    missing: [],
  },
  {
    name: 'knows everything but does not guide the others',
    members: [member('a', 'h1', { ...CHAMPION, guidesFamily: false }), member('b', 'h1')],
    qualified: false,
    memberId: 'a',
    missing: ['guidesFamily'],
  },
  {
    name: 'skills split across two members do not add up: one member must have them all',
    members: [
      member('a', 'h1', {
        platform: 'completed',
        gdsPublicServices: true,
        gdsShopping: true,
        guidesFamily: true,
      }),
      member('b', 'h1', { gdsPayment: true, gdsSafety: true, gdsLocalPlatform: true }),
    ],
    qualified: false,
    memberId: 'a',
    missing: ['gdsPayment', 'gdsSafety', 'gdsLocalPlatform'],
  },
  {
    name: 'never learned: neither platform nor guided skills',
    members: [member('a', 'h1', { ...CHAMPION, platform: 'none' }), member('b', 'h1')],
    qualified: false,
    memberId: 'a',
    missing: ['learned'],
  },
  {
    name: 'guided by a volunteer at a visit counts as having learned',
    members: [member('a', 'h1', { ...CHAMPION, platform: 'none' }), member('b', 'h1')],
    visits: [
      visit('v1', 'h1', '2027-02-01', { presentMemberIds: ['a'], tasks: ['nhan_dien_lua_dao'] }),
    ],
    qualified: true,
    memberId: 'a',
    missing: [],
  },
  {
    name: 'household of one elderly person alone: nobody to guide, the rest suffices',
    household: household('h1', { flagElderlyAlone: true }),
    members: [member('a', 'h1', { ...CHAMPION, birthYear: 1945, guidesFamily: false })],
    qualified: true,
    memberId: 'a',
    missing: [],
  },
  {
    name: 'household of one elderly person alone who has not started: everything but guiding',
    members: [member('a', 'h1', { birthYear: 1945 })],
    qualified: false,
    memberId: 'a',
    missing: [
      'learned',
      'gdsPublicServices',
      'gdsShopping',
      'gdsPayment',
      'gdsSafety',
      'gdsLocalPlatform',
    ],
  },
  {
    name: 'deleted member ignored, even if they were the one who qualified',
    members: [
      member('a', 'h1', { ...CHAMPION, deleted: true }),
      member('b', 'h1'),
      member('c', 'h1'),
    ],
    qualified: false,
    memberId: 'b',
    missing: [
      'learned',
      'gdsPublicServices',
      'gdsShopping',
      'gdsPayment',
      'gdsSafety',
      'gdsLocalPlatform',
      'guidesFamily',
    ],
  },
  {
    name: 'members of other households are not read',
    members: [member('x', 'h2', CHAMPION), member('a', 'h1', { ...CHAMPION, gdsShopping: false })],
    qualified: false,
    memberId: 'a',
    missing: ['gdsShopping'],
  },
  {
    name: 'no members yet: every requirement missing',
    members: [],
    qualified: false,
    memberId: null,
    missing: [
      'learned',
      'gdsPublicServices',
      'gdsShopping',
      'gdsPayment',
      'gdsSafety',
      'gdsLocalPlatform',
      'guidesFamily',
    ],
  },
  {
    name: 'a leader confirmed a household that qualifies: confirmation shown',
    household: household('h1', { gdsConfirmedBy: 'to-truong', gdsConfirmedAt: 1_800_000_000_000 }),
    members: [member('a', 'h1', CHAMPION)],
    qualified: true,
    memberId: 'a',
    missing: [],
    confirmed: true,
  },
  {
    name: 'a confirmation does not stand once the household no longer qualifies',
    household: household('h1', { gdsConfirmedBy: 'to-truong', gdsConfirmedAt: 1_800_000_000_000 }),
    members: [member('a', 'h1', { ...CHAMPION, gdsSafety: false }), member('b', 'h1')],
    qualified: false,
    memberId: 'a',
    missing: ['gdsSafety'],
    confirmed: false,
  },
];

describe('Gia đình số status', () => {
  it.each(cases)('$name', (c) => {
    const status = gdsStatus(c.household ?? H, c.members, c.visits ?? []);
    expect(status.qualified).toBe(c.qualified);
    expect(status.memberId).toBe(c.memberId);
    expect(status.missing).toEqual(c.missing);
    if (c.confirmed !== undefined) expect(status.confirmed !== null).toBe(c.confirmed);
  });
});
