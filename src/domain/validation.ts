import {
  GENDERS,
  PLATFORM_STATUSES,
  RELATIONS,
  VISIT_OUTCOMES,
  VISIT_TASKS,
  VNEID_LEVELS,
} from './entities';
import type { Day } from './calendar';
import { cleanNotes, cleanText, hasLetter } from './cleanText';
import { dayRange, MIN_BIRTH_YEAR, within, type Range } from './dateBounds';
import { digitsOnly } from './normalize';

/**
 * Field validation of the forms. Each rule returns an error code per field (the app shows them in
 * Vietnamese); an empty object means the input may be saved. Nothing is saved half-valid.
 * Text is checked as it will be stored (cleanText.ts) and dates against the bounds the server
 * uses (dateBounds.ts), so a form that saves is never refused on sync.
 */
export type FieldError =
  | 'required'
  | 'too_long'
  | 'phone_format'
  | 'birth_year_range'
  | 'not_a_choice'
  | 'date_format'
  | 'date_range'
  | 'needs_letter'
  | 'tasks_required'
  | 'other_task_required';

export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

export const MAX_NAME = 100;
export const MAX_TEXT = 500;
export const MAX_NOTES = 2000;
export { MIN_BIRTH_YEAR };

/** Required, bounded one-line text, as stored (cleanText: "\u200B" alone is empty). */
export function checkRequiredText(value: string, max = MAX_NAME): FieldError | undefined {
  const v = cleanText(value);
  if (v === '') return 'required';
  if (v.length > max) return 'too_long';
  return undefined;
}

/** A name: required text with at least one letter ("..." or "123" is not a name). */
export function checkName(value: string, max = MAX_NAME): FieldError | undefined {
  const error = checkRequiredText(value, max);
  if (error) return error;
  return hasLetter(cleanText(value)) ? undefined : 'needs_letter';
}

/** Vietnamese phone: 10 digits starting with 0 (spaces, dots and dashes allowed); may be empty. */
export function checkPhone(value: string): FieldError | undefined {
  if (value.trim() === '') return undefined;
  if (/[^0-9 .\-+]/.test(value)) return 'phone_format';
  const d = digitsOnly(value);
  return /^0\d{9}$/.test(d) ? undefined : 'phone_format';
}

/** The phone as stored: its digits, or undefined when empty. */
export function cleanPhone(value: string): string | undefined {
  const d = digitsOnly(value);
  return d === '' ? undefined : d;
}

/** A plausible birth year: an integer from 1900 to the current year. */
export function checkBirthYear(value: string, currentYear: number): FieldError | undefined {
  const v = value.trim();
  if (v === '') return 'required';
  if (!/^\d{4}$/.test(v)) return 'birth_year_range';
  const y = Number(v);
  return y >= MIN_BIRTH_YEAR && y <= currentYear ? undefined : 'birth_year_range';
}

/**
 * 'YYYY-MM-DD' that is a real calendar date within `range`, or empty. A browser's date input
 * takes years of up to six digits (275760-09-13): a real date, out of range.
 */
export function checkDate(value: string, range: Range<Day>): FieldError | undefined {
  if (value === '') return undefined;
  const m = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'date_format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const ok =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  if (!ok) return 'date_format';
  return m[1]?.length === 4 && within(value, range) ? undefined : 'date_range';
}

function choice(list: readonly string[], value: string): FieldError | undefined {
  return list.includes(value) ? undefined : 'not_a_choice';
}

function compact<K extends string>(errors: Record<K, FieldError | undefined>): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const [k, v] of Object.entries(errors) as [K, FieldError | undefined][]) if (v) out[k] = v;
  return out;
}

export interface HouseholdInput {
  villageId: string;
  address: string;
  headName: string;
  phone: string;
}

export function validateHousehold(input: HouseholdInput): FieldErrors<keyof HouseholdInput> {
  return compact({
    villageId: input.villageId === '' ? 'required' : undefined,
    address: checkRequiredText(input.address, MAX_TEXT),
    headName: checkName(input.headName),
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
  return compact({
    name: checkName(input.name),
    birthYear: checkBirthYear(input.birthYear, currentYear),
    gender: choice(GENDERS, input.gender),
    relation: choice(RELATIONS, input.relation),
    vneid: choice(VNEID_LEVELS, input.vneid),
    platform: choice(PLATFORM_STATUSES, input.platform),
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
  const badTask = input.tasks.some((t) => !(VISIT_TASKS as readonly string[]).includes(t));
  const otherTask = cleanText(input.otherTask);
  return compact({
    tasks: badTask ? 'not_a_choice' : undefined,
    otherTask:
      input.tasks.includes('khac') && otherTask === ''
        ? 'other_task_required'
        : otherTask.length > MAX_TEXT
          ? 'too_long'
          : undefined,
    outcome: input.outcome === '' ? 'required' : choice(VISIT_OUTCOMES, input.outcome),
    followUpDate: checkDate(input.followUpDate, dayRange(nowMs)),
    notes: cleanNotes(input.notes).length > MAX_NOTES ? 'too_long' : undefined,
  });
}

export function isValid(errors: object): boolean {
  return Object.keys(errors).length === 0;
}
