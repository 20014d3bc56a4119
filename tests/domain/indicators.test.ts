import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  INDICATOR_KEYS,
  INDICATORS,
  type IndicatorKey,
} from '../../src/domain/indicators';
import type { Scope } from '../../src/domain/reportScope';
import { member, household } from './modelFixtures';
import { TODAY, VILLAGE } from './modelVillage';

type Expected = Record<
  IndicatorKey,
  [numerator: number, denominator: number, percent: number | null, met: boolean | null]
>;

const cases: { name: string; scope: Scope; expected: Expected }[] = [
  {
    name: 'whole commune',
    scope: 'commune',
    expected: {
      adultsBasicSkills: [2, 5, 40, false], // a1 (platform completed), b2 (five skills) of a1 b1 a2 b2 a5
      adultsSmartphone: [4, 5, 80, false], // a1 b1 b2 a5; target ≥ 85
      adultsEpayment: [2, 5, 40, false], // a1 a5; target > 50
      vneidLevel2: [3, 6, 50, false], // a1 c1 a5 of the five adults + c1 (16)
      gdsHouseholds: [1, 5, 20, false], // h1 of h1–h5 (h6 moved away, h7 deleted)
      mentorsAtTarget: [1, 4, 25, false], // A (5/5) of A B C D
    },
  },
  {
    name: 'thôn 1 only',
    scope: { villageIds: ['thon-1'] },
    expected: {
      adultsBasicSkills: [2, 4, 50, false],
      adultsSmartphone: [3, 4, 75, false],
      adultsEpayment: [1, 4, 25, false],
      vneidLevel2: [2, 5, 40, false],
      gdsHouseholds: [1, 4, 25, false],
      mentorsAtTarget: [1, 2, 50, false],
    },
  },
  {
    name: 'thôn 2 only',
    scope: { villageIds: ['thon-2'] },
    expected: {
      adultsBasicSkills: [0, 1, 0, false],
      adultsSmartphone: [1, 1, 100, true],
      adultsEpayment: [1, 1, 100, true],
      vneidLevel2: [1, 1, 100, true],
      gdsHouseholds: [0, 1, 0, false],
      mentorsAtTarget: [0, 2, 0, false],
    },
  },
  {
    name: 'a village with no records: no percentages, nothing met or missed',
    scope: { villageIds: ['thon-9'] },
    expected: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, [0, 0, null, null]])) as Expected,
  },
];

describe('indicators: numerator and denominator on hand-built data', () => {
  it.each(cases)('$name', ({ scope, expected }) => {
    const { indicators } = computeIndicators(VILLAGE, scope, TODAY);
    const got = Object.fromEntries(
      indicators.map((i) => [i.key, [i.numerator, i.denominator, i.percent, i.met]]),
    );
    expect(got).toEqual(expected);
  });

  it('the resident with an unknown birth year is reported, not counted', () => {
    expect(computeIndicators(VILLAGE, 'commune', TODAY).unknownAge).toBe(1);
  });

  it('every indicator has its definition and a target from the seeds', () => {
    expect(Object.keys(INDICATORS).sort()).toEqual([...INDICATOR_KEYS].sort());
    expect(INDICATORS.adultsSmartphone.defaultTarget).toEqual({ comparator: 'gte', percent: 85 });
    expect(INDICATORS.adultsEpayment.defaultTarget).toEqual({ comparator: 'gt', percent: 50 });
  });
});

describe('targets', () => {
  const twoAdults = {
    households: [household('h1')],
    members: [
      member('a', 'h1', { cashless: true, smartphone: true }),
      member('b', 'h1', { cashless: false, smartphone: false }),
    ],
    visits: [],
    mentorships: [],
  };
  const find = (key: IndicatorKey, overrides = {}) =>
    computeIndicators(twoAdults, 'commune', TODAY, overrides).indicators.find((i) => i.key === key);

  it.each([
    {
      name: 'exactly 50 % e-payment does not meet "more than 50 %"',
      key: 'adultsEpayment' as const,
      overrides: {},
      met: false,
    },
    {
      name: 'a commune target of 50 % smartphones is met by 50 %',
      key: 'adultsSmartphone' as const,
      overrides: { adultsSmartphone: 50 },
      met: true,
    },
    {
      name: 'the default 85 % smartphones is not met by 50 %',
      key: 'adultsSmartphone' as const,
      overrides: {},
      met: false,
    },
  ])('$name', ({ key, overrides, met }) => {
    const r = find(key, overrides);
    expect(r?.percent).toBe(50);
    expect(r?.met).toBe(met);
  });
});
