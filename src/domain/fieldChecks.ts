import { cleanText, hasLetter, isCleanNotes, isCleanText } from './cleanText';
import { dayRange, instantRange, MIN_BIRTH_YEAR, within, type Range } from './dateBounds';
import type { Day } from './calendar';
import { isUuid } from './ids';
import { digitsOnly } from './normalize';

/**
 * How one field's value is checked: the pieces fieldRules.ts declares every synced field with.
 * A check returns the field's error code, or undefined when the value fits. The server refuses a
 * pushed field with any error; a form shows the code in Vietnamese (app/features/field/labels.ts).
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

/** A field error, or 'invalid': a value no form makes (a wrong type, unclean text…). */
export type CheckError = FieldError | 'invalid';

/** A stored value's check; `nowMs` bounds dates (the server's clock, or the phone's in a form). */
export type Check = (v: unknown, nowMs: number) => CheckError | undefined;

const ok = (fits: boolean, error: CheckError = 'invalid') => (fits ? undefined : error);

/** One-line text, already clean (cleanText.ts), of `min` to `max` characters. */
export const text =
  (max: number, min = 0): Check =>
  (v) => {
    if (typeof v !== 'string' || !isCleanText(v)) return 'invalid';
    if (v.length < min) return 'required';
    return ok(v.length <= max, 'too_long');
  };

/** Multi-line notes, already clean (cleanNotes). */
export const notes =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && isCleanNotes(v) ? ok(v.length <= max, 'too_long') : 'invalid';

/** A person's or a thing's name: clean one-line text with at least one letter. */
export const name =
  (max: number): Check =>
  (v, nowMs) =>
    text(max, 1)(v, nowMs) ?? ok(typeof v === 'string' && hasLetter(v), 'needs_letter');

export const bool: Check = (v) => ok(typeof v === 'boolean');

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const int =
  (min: number, max: number): Check =>
  (v) =>
    ok(isInt(v) && v >= min && v <= max);

/** A year within `range`: `code` when it lies outside. */
export const yearIn = (v: unknown, range: Range<number>, code: CheckError = 'invalid') =>
  isInt(v) ? ok(within(v, range), code) : 'invalid';

export const year =
  (range: (nowMs: number) => Range<number>, code?: CheckError): Check =>
  (v, nowMs) =>
    yearIn(v, range(nowMs), code);

export const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    ok(typeof v === 'string' && values.includes(v), 'not_a_choice');

export const uuid: Check = (v) => ok(typeof v === 'string' && isUuid(v));

export const orNull =
  (check: Check): Check =>
  (v, nowMs) =>
    v === null ? undefined : check(v, nowMs);

/** At most `max` values, each fitting `check` (the first error found). */
export const list =
  (check: Check, max: number): Check =>
  (v, nowMs) => {
    if (!Array.isArray(v) || v.length > max) return 'invalid';
    for (const x of v) {
      const error = check(x, nowMs);
      if (error) return error;
    }
    return undefined;
  };

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
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  if (!real) return 'date_format';
  return m[1]?.length === 4 && within(value, range) ? undefined : 'date_range';
}

/** A calendar day 'YYYY-MM-DD' from `from` to DAY_YEARS_AHEAD years after today. */
export const day =
  (from?: Day): Check =>
  (v, nowMs) =>
    typeof v !== 'string'
      ? 'invalid'
      : v === ''
        ? 'date_format'
        : checkDate(v, dayRange(nowMs, from));

/** A figure from 0 to 100. */
export const percent: Check = (v) =>
  ok(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100);

/** An instant in ms from 2020 to a day after now (instantRange). */
export const instant: Check = (v, nowMs) => ok(isInt(v) && within(v, instantRange(nowMs)));

/** A string matching `pattern`; `code` when it does not. */
export const matching =
  (pattern: RegExp, code: CheckError = 'invalid'): Check =>
  (v) =>
    ok(typeof v === 'string' && pattern.test(v), code);

/** A Vietnamese phone as stored: 10 digits starting with 0. */
export const phone = matching(/^0\d{9}$/, 'phone_format');

// What a form checks, from the text as typed: the same checks, on the value as it will be stored.

export const MAX_NAME = 100;
export const MAX_TEXT = 500;
export const MAX_NOTES = 2000;
export { MIN_BIRTH_YEAR };

/** A check's error as a form shows it ('invalid' is no form's: every typed value has a shape). */
export function asFieldError(error: CheckError | undefined): FieldError | undefined {
  return error === 'invalid' ? 'not_a_choice' : error;
}

/** Required, bounded one-line text, as stored (cleanText: "\u200B" alone is empty). */
export function checkRequiredText(value: string, max = MAX_NAME): FieldError | undefined {
  return asFieldError(text(max, 1)(cleanText(value), Date.now()));
}

/** A name: required text with at least one letter ("..." or "123" is not a name). */
export function checkName(value: string, max = MAX_NAME): FieldError | undefined {
  return asFieldError(name(max)(cleanText(value), Date.now()));
}

/** The phone as stored: its digits, or undefined when empty. */
export function cleanPhone(value: string): string | undefined {
  const d = digitsOnly(value);
  return d === '' ? undefined : d;
}

/** Vietnamese phone: 10 digits starting with 0 (spaces, dots and dashes allowed); may be empty. */
export function checkPhone(value: string): FieldError | undefined {
  if (value.trim() === '') return undefined;
  if (/[^0-9 .\-+]/.test(value)) return 'phone_format';
  return asFieldError(phone(cleanPhone(value) ?? '', Date.now()));
}

/** A plausible birth year: an integer from 1900 to the current year. */
export function checkBirthYear(value: string, currentYear: number): FieldError | undefined {
  const v = value.trim();
  if (v === '') return 'required';
  if (!/^\d{4}$/.test(v)) return 'birth_year_range';
  const range = { from: MIN_BIRTH_YEAR, to: currentYear };
  return asFieldError(yearIn(Number(v), range, 'birth_year_range'));
}
