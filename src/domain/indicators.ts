import { yearOf, type Day } from './calendar';
import { gdsStatuses, knowsFiveSkills } from './gdsStatus';
import { DIGITAL_ID_MIN_AGE } from './digitalId';
import { ADULT_AGE } from './entities';
import { mentorsOf } from './mentorship';
import { knownAge, liveMembers, isLiveHousehold, type MemberFacts } from './modelInputs';
import { scopeData, type ModelData, type Scope } from './reportScope';

/**
 * Issue 8's indicators: each a percentage whose numerator, denominator and default target are
 * defined here and nowhere else. Default targets follow the seeds:
 *  - ../shared/seeds/002_6b18eea7d8a74cdc.txt (Hòa Lạc 2026, §II): "100% người dân trưởng thành có
 *    ... kỹ năng số"; "trên 85% dân số trưởng thành có điện thoại thông minh" (read as ≥ 85 %,
 *    as PRODUCT.md does); "tài khoản thanh toán điện tử trên 50%" (> 50 %);
 *    row 2 "Mỗi hộ gia đình ..." (every household Gia đình số: 100 %).
 *  - 000_0a6aeb0e326b32dc.txt §6.4 and 004_33a8034401cef2aa.txt §6.4: "100% công dân từ 16 tuổi có
 *    danh tính số".  004 §6.1: "Mỗi mentor hướng dẫn ... ít nhất 5 mentee" (every mentor: 100 %).
 */
export const INDICATOR_KEYS = [
  'adultsBasicSkills',
  'adultsSmartphone',
  'adultsEpayment',
  'vneidLevel2',
  'gdsHouseholds',
  'mentorsAtTarget',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface Target {
  comparator: 'gte' | 'gt';
  percent: number;
}

export interface IndicatorDefinition {
  label: string;
  numerator: string;
  denominator: string;
  defaultTarget: Target;
}

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  adultsBasicSkills: {
    label: 'Người trưởng thành có kỹ năng số cơ bản',
    numerator: 'hoàn thành nền tảng Bình dân học vụ số, hoặc thành thạo đủ 5 kỹ năng cơ bản',
    denominator: `người từ ${ADULT_AGE} tuổi trở lên`,
    defaultTarget: { comparator: 'gte', percent: 100 },
  },
  adultsSmartphone: {
    label: 'Người trưởng thành có điện thoại thông minh',
    numerator: 'có điện thoại thông minh',
    denominator: `người từ ${ADULT_AGE} tuổi trở lên`,
    defaultTarget: { comparator: 'gte', percent: 85 },
  },
  adultsEpayment: {
    label: 'Người trưởng thành có tài khoản thanh toán điện tử',
    numerator: 'có tài khoản ngân hàng hoặc thanh toán không dùng tiền mặt',
    denominator: `người từ ${ADULT_AGE} tuổi trở lên`,
    defaultTarget: { comparator: 'gt', percent: 50 },
  },
  vneidLevel2: {
    label: `Công dân từ ${DIGITAL_ID_MIN_AGE} tuổi có VNeID mức độ 2`,
    numerator: 'có tài khoản VNeID mức độ 2',
    denominator: `người từ ${DIGITAL_ID_MIN_AGE} tuổi trở lên`,
    defaultTarget: { comparator: 'gte', percent: 100 },
  },
  gdsHouseholds: {
    label: 'Hộ đạt "Gia đình số"',
    numerator: 'hộ đạt Gia đình số',
    denominator: 'hộ đang sinh sống trên địa bàn',
    defaultTarget: { comparator: 'gte', percent: 100 },
  },
  mentorsAtTarget: {
    label: 'Đại sứ số hướng dẫn từ 5 người trở lên',
    numerator: 'đại sứ số có từ 5 người học trở lên',
    denominator: 'đại sứ số',
    defaultTarget: { comparator: 'gte', percent: 100 },
  },
};

/** Basic digital skills: completed the national platform, or knows all five basic skills. */
export function hasBasicDigitalSkills(m: MemberFacts): boolean {
  if (m.platform === 'completed') return true;
  return knowsFiveSkills(m);
}

export interface IndicatorResult {
  key: IndicatorKey;
  numerator: number;
  denominator: number;
  /** One decimal; null when the denominator is 0. */
  percent: number | null;
  target: Target;
  /** Whether the target is met; null when there is nothing to count. */
  met: boolean | null;
}

export type TargetOverrides = Partial<Record<IndicatorKey, number>>;

function result(
  key: IndicatorKey,
  numerator: number,
  denominator: number,
  overrides: TargetOverrides,
): IndicatorResult {
  const base = INDICATORS[key].defaultTarget;
  const target = overrides[key] === undefined ? base : { ...base, percent: overrides[key] };
  const met =
    denominator === 0
      ? null
      : target.comparator === 'gt'
        ? numerator * 100 > target.percent * denominator
        : numerator * 100 >= target.percent * denominator;
  const percent = denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10;
  return { key, numerator, denominator, percent, target, met };
}

export interface IndicatorSet {
  indicators: IndicatorResult[];
  /** Live residents whose birth year is unknown (left out of the age-based denominators). */
  unknownAge: number;
}

/**
 * What the indicators count, before percentages and targets: computed from the rows by
 * computeIndicators, or added up from per-household summaries by summaryFigures.ts. One function
 * (indicatorSet) turns either into results, so the two ways cannot disagree on definitions.
 */
export interface IndicatorCounts {
  adults: number;
  adultsBasicSkills: number;
  adultsSmartphone: number;
  adultsEpayment: number;
  sixteen: number;
  sixteenVneid: number;
  households: number;
  gdsHouseholds: number;
  mentors: number;
  mentorsAtTarget: number;
  unknownAge: number;
}

export function emptyIndicatorCounts(): IndicatorCounts {
  return {
    adults: 0,
    adultsBasicSkills: 0,
    adultsSmartphone: 0,
    adultsEpayment: 0,
    sixteen: 0,
    sixteenVneid: 0,
    households: 0,
    gdsHouseholds: 0,
    mentors: 0,
    mentorsAtTarget: 0,
    unknownAge: 0,
  };
}

/** One person's facts the indicators read, as bits (kept small in the device's summaries). */
export const PERSON_BITS = { basicSkills: 1, smartphone: 2, cashless: 4, vneidLevel2: 8 } as const;

export function personBits(m: MemberFacts): number {
  return (
    (hasBasicDigitalSkills(m) ? PERSON_BITS.basicSkills : 0) |
    (m.smartphone === true ? PERSON_BITS.smartphone : 0) |
    (m.cashless === true ? PERSON_BITS.cashless : 0) |
    (m.vneid === 'level2' ? PERSON_BITS.vneidLevel2 : 0)
  );
}

/** Adds one live person (birth year as stored, facts as personBits) to the counts of `year`. */
export function countPerson(
  c: IndicatorCounts,
  birthYear: number | null | undefined,
  bits: number,
  year: number,
): void {
  const age = knownAge(birthYear, year);
  if (age === null) {
    c.unknownAge++;
    return;
  }
  if (age >= ADULT_AGE) {
    c.adults++;
    if (bits & PERSON_BITS.basicSkills) c.adultsBasicSkills++;
    if (bits & PERSON_BITS.smartphone) c.adultsSmartphone++;
    if (bits & PERSON_BITS.cashless) c.adultsEpayment++;
  }
  if (age >= DIGITAL_ID_MIN_AGE) {
    c.sixteen++;
    if (bits & PERSON_BITS.vneidLevel2) c.sixteenVneid++;
  }
}

export function indicatorSet(c: IndicatorCounts, overrides: TargetOverrides = {}): IndicatorSet {
  return {
    unknownAge: c.unknownAge,
    indicators: [
      result('adultsBasicSkills', c.adultsBasicSkills, c.adults, overrides),
      result('adultsSmartphone', c.adultsSmartphone, c.adults, overrides),
      result('adultsEpayment', c.adultsEpayment, c.adults, overrides),
      result('vneidLevel2', c.sixteenVneid, c.sixteen, overrides),
      result('gdsHouseholds', c.gdsHouseholds, c.households, overrides),
      result('mentorsAtTarget', c.mentorsAtTarget, c.mentors, overrides),
    ],
  };
}

/** All indicators for a scope, as of `today` (ages are reached during today's year). */
export function computeIndicators(
  all: ModelData,
  scope: Scope,
  today: Day,
  overrides: TargetOverrides = {},
): IndicatorSet {
  const data = scopeData(all, scope);
  const year = yearOf(today);
  const c = emptyIndicatorCounts();
  for (const m of liveMembers(data.households, data.members))
    countPerson(c, m.birthYear, personBits(m), year);
  const households = data.households.filter(isLiveHousehold);
  const statuses = gdsStatuses(data.households, data.members, data.visits);
  c.households = households.length;
  c.gdsHouseholds = households.filter((h) => statuses.get(h.id)?.qualified).length;
  const mentors = mentorsOf(all.mentorships, data.mentorships);
  c.mentors = mentors.length;
  c.mentorsAtTarget = mentors.filter((p) => p.reached).length;
  return indicatorSet(c, overrides);
}
