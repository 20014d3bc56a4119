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

/** All indicators for a scope, as of `today` (ages are reached during today's year). */
export function computeIndicators(
  all: ModelData,
  scope: Scope,
  today: Day,
  overrides: TargetOverrides = {},
): IndicatorSet {
  const data = scopeData(all, scope);
  const year = yearOf(today);
  const people = liveMembers(data.households, data.members);
  const aged = people.map((m) => ({ m, age: knownAge(m.birthYear, year) }));
  const adults = aged.filter((a) => a.age !== null && a.age >= ADULT_AGE).map((a) => a.m);
  const sixteen = aged.filter((a) => a.age !== null && a.age >= DIGITAL_ID_MIN_AGE).map((a) => a.m);
  const households = data.households.filter(isLiveHousehold);
  const statuses = gdsStatuses(data.households, data.members, data.visits);
  const gds = households.filter((h) => statuses.get(h.id)?.qualified).length;
  const mentors = mentorsOf(all.mentorships, data.mentorships);
  const count = (list: MemberFacts[], test: (m: MemberFacts) => boolean) =>
    list.filter(test).length;
  return {
    unknownAge: aged.filter((a) => a.age === null).length,
    indicators: [
      result('adultsBasicSkills', count(adults, hasBasicDigitalSkills), adults.length, overrides),
      result(
        'adultsSmartphone',
        count(adults, (m) => m.smartphone === true),
        adults.length,
        overrides,
      ),
      result(
        'adultsEpayment',
        count(adults, (m) => m.cashless === true),
        adults.length,
        overrides,
      ),
      result(
        'vneidLevel2',
        count(sixteen, (m) => m.vneid === 'level2'),
        sixteen.length,
        overrides,
      ),
      result('gdsHouseholds', gds, households.length, overrides),
      result('mentorsAtTarget', mentors.filter((p) => p.reached).length, mentors.length, overrides),
    ],
  };
}
