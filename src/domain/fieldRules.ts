import { cleanNotes, cleanText } from './cleanText';
import { FIELD_RULES } from './entityFields';
import {
  asFieldError,
  type Check,
  checkBirthYear,
  checkPhone,
  type FieldError,
} from './fieldChecks';
import type { EntityName, Fields } from './records';

/**
 * The one source of field validation, for the server and the forms alike. Every synced entity's
 * fields are declared once, each with its check (entityFields.ts, built from fieldChecks.ts).
 * The server refuses a pushed operation with a field not listed, or a value that does not fit
 * (`invalidField`: the op is `invalid_fields`, the app shows it; nothing is silently dropped). The forms run the same checks on what they are about to store
 * (`validateHousehold`…) and show the error codes in Vietnamese; they ask a little more (an
 * address, a birth year, an outcome are required there), never less, so a form that saves is
 * never refused on sync.
 *
 * Text must already be clean (cleanText.ts: NFC, no control, bidi or zero-width characters,
 * trimmed; the app cleans before writing), and a name must hold a letter. The server refuses
 * rather than cleans, so its copy never differs from the phone's. Dates lie within the bounds of
 * dateBounds.ts, measured from `nowMs`: the server's clock, or the phone's in a form.
 */
export * from './fieldChecks';
export { FIELD_RULES };

/**
 * The first field of a write that the entity does not accept, or null when every field fits.
 * `nowMs` is the server's clock: dates are bounded by it (dateBounds.ts).
 */
export function invalidField(entity: EntityName, fields: Fields, nowMs: number): string | null {
  const rules: Record<string, Check | undefined> = FIELD_RULES[entity];
  for (const [field, value] of Object.entries(fields)) {
    // The entity's own rules only: `valueOf` or `constructor` are not fields (what every object
    // inherits would otherwise be called as a check).
    const check = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!check || check(value, nowMs) !== undefined) return field;
  }
  return null;
}

// The forms' checks: each field as it will be stored, through its entry in FIELD_RULES.

export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

/** A value as it will be stored, through its field's check (`nowMs` bounds dates). */
function stored(check: Check, value: unknown, nowMs = Date.now()): FieldError | undefined {
  return asFieldError(check(value, nowMs));
}

function compact<K extends string>(errors: Record<K, FieldError | undefined>): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const k in errors) {
    const error = errors[k];
    if (error) out[k] = error;
  }
  return out;
}

export interface HouseholdInput {
  villageId: string;
  address: string;
  headName: string;
  phone: string;
}

export function validateHousehold(input: HouseholdInput): FieldErrors<keyof HouseholdInput> {
  const rule = FIELD_RULES.household;
  const address = cleanText(input.address);
  return compact({
    villageId: input.villageId === '' ? 'required' : undefined,
    address: address === '' ? 'required' : stored(rule.address, address),
    headName: stored(rule.headName, cleanText(input.headName)),
    phone: checkPhone(input.phone),
  });
}

export interface MemberInput {
  name: string;
  birthYear: string;
  gender: string;
  relation: string;
  vneid: string;
  platform: string;
}

export function validateMember(
  input: MemberInput,
  currentYear: number,
): FieldErrors<keyof MemberInput> {
  const rule = FIELD_RULES.member;
  return compact({
    name: stored(rule.name, cleanText(input.name)),
    birthYear: checkBirthYear(input.birthYear, currentYear),
    gender: stored(rule.gender, input.gender),
    relation: stored(rule.relation, input.relation),
    vneid: stored(rule.vneid, input.vneid),
    platform: stored(rule.platform, input.platform),
  });
}

export interface VisitInput {
  tasks: string[];
  otherTask: string;
  outcome: string;
  followUpDate: string;
  notes: string;
}

/** A visit logged at `nowMs` (the follow-up date is bounded from it). */
export function validateVisit(input: VisitInput, nowMs: number): FieldErrors<keyof VisitInput> {
  const rule = FIELD_RULES.visit;
  const otherTask = cleanText(input.otherTask);
  return compact({
    tasks: stored(rule.tasks, input.tasks, nowMs),
    otherTask:
      input.tasks.includes('khac') && otherTask === ''
        ? 'other_task_required'
        : stored(rule.otherTask, otherTask),
    outcome: input.outcome === '' ? 'required' : stored(rule.outcome, input.outcome),
    followUpDate: stored(
      rule.followUpDate,
      input.followUpDate === '' ? null : input.followUpDate,
      nowMs,
    ),
    notes: stored(rule.notes, cleanNotes(input.notes)),
  });
}

export function isValid(errors: object): boolean {
  return Object.keys(errors).length === 0;
}
