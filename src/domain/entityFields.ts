import {
  GENDERS,
  HOUSEHOLD_STATUSES,
  PLATFORM_STATUSES,
  PRIORITY_FLAGS,
  RELATIONS,
  VISIT_OUTCOMES,
  VISIT_TASKS,
  VNEID_LEVELS,
} from './entities';
import { birthYearRange, EARLIEST_TRADER_DAY, targetYearRange } from './dateBounds';
import {
  bool,
  type Check,
  day,
  instant,
  int,
  list,
  matching,
  MAX_NAME,
  MAX_NOTES,
  MAX_TEXT,
  name,
  notes,
  oneOf,
  orNull,
  percent,
  phone,
  text,
  uuid,
  year,
} from './fieldChecks';
import { INDICATOR_KEYS } from './indicators';
import { MENTOR_KINDS, MENTORSHIP_STATUSES } from './mentorship';
import type { EntityName } from './records';
import { TRADER_STAGES } from './trader4t';

/**
 * Every synced entity's fields, each declared once with its check (fieldChecks.ts): what the
 * server accepts in a pushed operation and what the forms check before saving. Read it through
 * fieldRules.ts (`invalidField`, `validateHousehold`…).
 */
const userId = text(64, 1);
const flags = Object.fromEntries(PRIORITY_FLAGS.map((f) => [f, bool]));
const stages = Object.fromEntries(
  TRADER_STAGES.map((s) => [s.field, orNull(day(EARLIEST_TRADER_DAY))]),
);

export const FIELD_RULES = {
  household: {
    villageId: uuid,
    address: text(MAX_TEXT),
    headName: name(MAX_NAME),
    phone: orNull(phone),
    ...flags,
    status: oneOf(HOUSEHOLD_STATUSES),
    code: orNull(matching(/^[0-9A-Z]{8}$/)),
    createdAt: instant,
    createdBy: userId,
    gdsConfirmedBy: orNull(userId),
    gdsConfirmedAt: orNull(instant),
    deleted: bool,
  },
  member: {
    householdId: uuid,
    villageId: uuid,
    name: name(MAX_NAME),
    birthYear: orNull(year(birthYearRange, 'birth_year_range')),
    gender: oneOf(GENDERS),
    relation: oneOf(RELATIONS),
    smartphone: bool,
    vneid: oneOf(VNEID_LEVELS),
    cashless: bool,
    onlineServices: bool,
    platform: oneOf(PLATFORM_STATUSES),
    platformVerified: bool,
    skills: list(text(20, 1), 200),
    gdsPublicServices: bool,
    gdsShopping: bool,
    gdsPayment: bool,
    gdsSafety: bool,
    gdsLocalPlatform: bool,
    guidesFamily: bool,
    deleted: bool,
  },
  visit: {
    householdId: uuid,
    villageId: uuid,
    volunteerId: userId,
    at: instant,
    presentMemberIds: list(uuid, 100),
    tasks: list(oneOf(VISIT_TASKS), VISIT_TASKS.length),
    otherTask: text(MAX_TEXT),
    outcome: oneOf(VISIT_OUTCOMES),
    followUpDate: orNull(day()),
    notes: notes(MAX_NOTES),
    correctsId: uuid,
  },
  mentorship: {
    mentorId: userId,
    mentorKind: oneOf(MENTOR_KINDS),
    menteeId: uuid,
    villageId: uuid,
    startDate: day(),
    status: oneOf(MENTORSHIP_STATUSES),
    skills: list(text(20, 1), 200),
    deleted: bool,
  },
  trader: {
    memberId: uuid,
    householdId: uuid,
    villageId: uuid,
    businessName: (v, nowMs) => (v === '' ? undefined : name(200)(v, nowMs)),
    ...stages,
    deleted: bool,
  },
  skill: {
    code: text(20, 1),
    group: text(200),
    title: name(200),
    source: text(300),
    order: int(0, 10_000),
    deleted: bool,
  },
  target: {
    year: year(targetYearRange),
    ...Object.fromEntries(INDICATOR_KEYS.map((k) => [k, percent])),
    deleted: bool,
  },
} satisfies Record<EntityName, Record<string, Check>>;
