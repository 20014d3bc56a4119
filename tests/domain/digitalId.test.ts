import { describe, expect, it } from 'vitest';
import { digitalIdSummary, type DigitalIdGap } from '../../src/domain/digitalId';
import type { MemberFacts } from '../../src/domain/modelInputs';
import { household, member } from './modelFixtures';

const TODAY = '2027-06-15';
const households = [household('h1'), household('h-moved', { status: 'moved_away' })];

const cases: {
  name: string;
  member: MemberFacts;
  counted: boolean;
  gaps?: DigitalIdGap[];
  unknownAge?: boolean;
}[] = [
  {
    name: '16-year-old without VNeID',
    member: member('a', 'h1', { birthYear: 2011 }),
    counted: true,
    gaps: ['vneid', 'bank_account'],
  },
  {
    name: '15-year-old not counted',
    member: member('a', 'h1', { birthYear: 2012 }),
    counted: false,
  },
  {
    name: 'birth year unknown: not counted, listed to ask',
    member: member('a', 'h1', { birthYear: null }),
    counted: false,
    unknownAge: true,
  },
  {
    name: 'an implausible birth year counts as unknown',
    member: member('a', 'h1', { birthYear: 2031 }),
    counted: false,
    unknownAge: true,
  },
  {
    name: 'VNeID level 1 and a bank account: still missing level 2',
    member: member('a', 'h1', { vneid: 'level1', cashless: true }),
    counted: true,
    gaps: ['vneid_level2'],
  },
  {
    name: 'level 2 without a digital bank account',
    member: member('a', 'h1', { vneid: 'level2' }),
    counted: true,
    gaps: ['bank_account'],
  },
  {
    name: 'level 2 and a bank account: complete',
    member: member('a', 'h1', { vneid: 'level2', cashless: true }),
    counted: true,
    gaps: [],
  },
  { name: 'deleted member ignored', member: member('a', 'h1', { deleted: true }), counted: false },
  {
    name: 'member of a household that moved away ignored',
    member: member('a', 'h-moved'),
    counted: false,
  },
];

describe('Mỗi công dân – Một danh tính số', () => {
  it.each(cases)('$name', (c) => {
    const s = digitalIdSummary(households, [c.member], TODAY);
    expect(s.eligible).toBe(c.counted ? 1 : 0);
    expect(s.unknownAge.length).toBe(c.unknownAge ? 1 : 0);
    if (c.gaps) {
      expect(s.complete).toBe(c.gaps.length === 0 ? 1 : 0);
      expect(s.missing.map((e) => e.gaps)).toEqual(c.gaps.length ? [c.gaps] : []);
    }
  });

  it('the age rule follows the reference date: born 2011 is 15 in 2026 and 16 in 2027', () => {
    const m = [member('a', 'h1', { birthYear: 2011 })];
    expect(digitalIdSummary(households, m, '2026-12-31').eligible).toBe(0);
    expect(digitalIdSummary(households, m, '2027-01-01').eligible).toBe(1);
  });
});
