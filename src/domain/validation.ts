import {
  GENDERS,
  PLATFORM_STATUSES,
  RELATIONS,
  VISIT_OUTCOMES,
  VISIT_TASKS,
  VNEID_LEVELS,
} from './entities';
import { digitsOnly } from './normalize';

/**
 * Field validation of the forms. Each rule returns an error code per field (the app shows them in
 * Vietnamese); an empty object means the input may be saved. Nothing is saved half-valid.
 */
export type FieldError =
  | 'required'
  | 'too_long'
  | 'phone_format'
  | 'birth_year_range'
  | 'not_a_choice'
  | 'date_format'
  | 'tasks_required'
  | 'other_task_required';

export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

export const MAX_NAME = 100;
export const MAX_TEXT = 500;
export const MIN_BIRTH_YEAR = 1900;

/** Required, trimmed, bounded text. */
export function checkRequiredText(value: string, max = MAX_NAME): FieldError | undefined {
  const v = value.trim();
  if (v === '') return 'required';
  if (v.length > max) return 'too_long';
  return undefined;
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

/** 'YYYY-MM-DD' that is a real calendar date, or empty. */
export function checkDate(value: string): FieldError | undefined {
  if (value === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'date_format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const ok =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return ok ? undefined : 'date_format';
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
    headName: checkRequiredText(input.headName),
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
    name: checkRequiredText(input.name),
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

export function validateVisit(input: VisitInput): FieldErrors<keyof VisitInput> {
  const badTask = input.tasks.some((t) => !(VISIT_TASKS as readonly string[]).includes(t));
  return compact({
    tasks: badTask ? 'not_a_choice' : undefined,
    otherTask:
      input.tasks.includes('khac') && input.otherTask.trim() === ''
        ? 'other_task_required'
        : input.otherTask.length > MAX_TEXT
          ? 'too_long'
          : undefined,
    outcome: input.outcome === '' ? 'required' : choice(VISIT_OUTCOMES, input.outcome),
    followUpDate: checkDate(input.followUpDate),
    notes: input.notes.length > 2000 ? 'too_long' : undefined,
  });
}

export function isValid(errors: object): boolean {
  return Object.keys(errors).length === 0;
}
