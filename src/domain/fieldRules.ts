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
import { isDay, type Day } from './calendar';
import { hasLetter, isCleanNotes, isCleanText } from './cleanText';
import {
  birthYearRange,
  dayRange,
  EARLIEST_TRADER_DAY,
  instantRange,
  type Range,
  targetYearRange,
  within,
} from './dateBounds';
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
 *
 * Text must already be clean (cleanText.ts: NFC, no control, bidi or zero-width characters,
 * trimmed; the app cleans before writing), and a name must hold a letter. The server refuses
 * rather than cleans, so its copy never differs from the phone's. Dates lie within the bounds of
 * dateBounds.ts, measured from `nowMs`, the server's clock.
 */
type Rule = (v: unknown, nowMs: number) => boolean;

const text =
  (max: number, min = 0): Rule =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max && isCleanText(v);
const notes =
  (max: number): Rule =>
  (v) =>
    typeof v === 'string' && v.length <= max && isCleanNotes(v);
/** A person's or a thing's name: clean one-line text with at least one letter. */
const name =
  (max: number): Rule =>
  (v, nowMs) =>
    typeof v === 'string' && text(max, 1)(v, nowMs) && hasLetter(v);
const bool: Rule = (v) => typeof v === 'boolean';
const int =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const year =
  (range: (nowMs: number) => Range<number>): Rule =>
  (v, nowMs) =>
    typeof v === 'number' && Number.isInteger(v) && within(v, range(nowMs));
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const uuid: Rule = (v) => typeof v === 'string' && isUuid(v);
const orNull =
  (rule: Rule): Rule =>
  (v, nowMs) =>
    v === null || rule(v, nowMs);
const list =
  (rule: Rule, max: number): Rule =>
  (v, nowMs) =>
    Array.isArray(v) && v.length <= max && v.every((x) => rule(x, nowMs));
/** A calendar day 'YYYY-MM-DD' from `from` to DAY_YEARS_AHEAD years after today. */
const day =
  (from?: Day): Rule =>
  (v, nowMs) =>
    isDay(v) && within(v, dayRange(nowMs, from));
const percent: Rule = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
/** An instant in ms from 2020 to a day after now. */
const ms: Rule = (v, nowMs) =>
  typeof v === 'number' && Number.isInteger(v) && within(v, instantRange(nowMs));
const userId = text(64, 1);

const flags = Object.fromEntries(PRIORITY_FLAGS.map((f) => [f, bool]));

export const FIELD_RULES: Record<EntityName, Record<string, Rule>> = {
  household: {
    villageId: uuid,
    address: text(500),
    headName: name(100),
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
    name: name(100),
    birthYear: orNull(year(birthYearRange)),
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
    followUpDate: orNull(day()),
    notes: notes(2000),
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
    businessName: (v, nowMs) => v === '' || name(200)(v, nowMs),
    ...Object.fromEntries(TRADER_STAGES.map((s) => [s.field, orNull(day(EARLIEST_TRADER_DAY))])),
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
};

/**
 * The first field of a write that the entity does not accept, or null when every field fits.
 * `nowMs` is the server's clock: dates are bounded by it (dateBounds.ts).
 */
export function invalidField(entity: EntityName, fields: Fields, nowMs: number): string | null {
  const rules = FIELD_RULES[entity];
  for (const [field, value] of Object.entries(fields)) {
    const rule = rules[field];
    if (!rule || !rule(value, nowMs)) return field;
  }
  return null;
}
