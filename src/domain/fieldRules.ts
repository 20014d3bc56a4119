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
import { isUuid } from './ids';
import { INDICATOR_KEYS } from './indicators';
import { MENTOR_KINDS, MENTORSHIP_STATUSES } from './mentorship';
import type { EntityName, Fields } from './records';
import { TRADER_STAGES } from './trader4t';

/**
 * The wire format of every synced entity, field by field: what the server accepts in a pushed
 * operation. A field not listed, or a value of the wrong shape, makes the operation `invalid_fields`
 * (the app shows it; nothing is silently dropped). Forms validate more (Vietnamese messages at the
 * field, src/domain/validation.ts); this is the last line that keeps bad data out of the database.
 */
type Rule = (v: unknown) => boolean;

const text =
  (max: number, min = 0): Rule =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const bool: Rule = (v) => typeof v === 'boolean';
const int =
  (min: number, max: number): Rule =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const uuid: Rule = (v) => typeof v === 'string' && isUuid(v);
const orNull =
  (rule: Rule): Rule =>
  (v) =>
    v === null || rule(v);
const list =
  (rule: Rule, max: number): Rule =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(rule);
const day: Rule = (v) => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};
const percent: Rule = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const ms = int(0, 8_640_000_000_000_000);
const userId = text(64, 1);

const flags = Object.fromEntries(PRIORITY_FLAGS.map((f) => [f, bool]));

export const FIELD_RULES: Record<EntityName, Record<string, Rule>> = {
  household: {
    villageId: uuid,
    address: text(500),
    headName: text(100, 1),
    phone: orNull((v) => typeof v === 'string' && /^0\d{9}$/.test(v)),
    ...flags,
    status: oneOf(HOUSEHOLD_STATUSES),
    code: orNull((v) => typeof v === 'string' && /^[0-9A-Z]{8}$/.test(v)),
    createdAt: ms,
    createdBy: userId,
    gdsConfirmedBy: orNull(userId),
    gdsConfirmedAt: orNull(ms),
    deleted: bool,
  },
  member: {
    householdId: uuid,
    villageId: uuid,
    name: text(100, 1),
    birthYear: orNull(int(1900, 2100)),
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
    at: ms,
    presentMemberIds: list(uuid, 100),
    tasks: list(oneOf(VISIT_TASKS), VISIT_TASKS.length),
    otherTask: text(500),
    outcome: oneOf(VISIT_OUTCOMES),
    followUpDate: orNull(day),
    notes: text(2000),
    correctsId: uuid,
  },
  mentorship: {
    mentorId: userId,
    mentorKind: oneOf(MENTOR_KINDS),
    menteeId: uuid,
    villageId: uuid,
    startDate: day,
    status: oneOf(MENTORSHIP_STATUSES),
    skills: list(text(20, 1), 200),
    deleted: bool,
  },
  trader: {
    memberId: uuid,
    householdId: uuid,
    villageId: uuid,
    businessName: text(200),
    ...Object.fromEntries(TRADER_STAGES.map((s) => [s.field, orNull(day)])),
    deleted: bool,
  },
  skill: {
    code: text(20, 1),
    group: text(200),
    title: text(200, 1),
    source: text(300),
    order: int(0, 10_000),
    deleted: bool,
  },
  target: {
    year: int(2000, 9999),
    ...Object.fromEntries(INDICATOR_KEYS.map((k) => [k, percent])),
    deleted: bool,
  },
};

/** The first field of a write that the entity does not accept, or null when every field fits. */
export function invalidField(entity: EntityName, fields: Fields): string | null {
  const rules = FIELD_RULES[entity];
  for (const [name, value] of Object.entries(fields)) {
    const rule = rules[name];
    if (!rule || !rule(value)) return name;
  }
  return null;
}
