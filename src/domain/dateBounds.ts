import { makeDay, VIETNAM_OFFSET_MS, vietnamDay, yearOf, type Day } from './calendar';

/**
 * How far back and ahead a date in a record may plausibly lie. The server checks every pushed
 * operation against these with its own clock, the forms with the phone's (both through
 * fieldRules.ts). Every upper bound grows with the clock, so what a phone saved offline is still
 * accepted when it is pushed later.
 */

/** The programme's own records (households, visits, confirmations, follow-ups, pairings). */
export const EARLIEST_RECORD_DAY: Day = '2020-01-01';
/** Midnight at the start of EARLIEST_RECORD_DAY, Vietnam time. */
export const EARLIEST_RECORD_MS = Date.UTC(2020, 0, 1) - VIETNAM_OFFSET_MS;
/** An instant (visit.at, createdAt, gdsConfirmedAt) may be this far after now: a phone's clock
 * a little ahead (the same slack the hybrid logical clock allows). */
export const INSTANT_AHEAD_MS = 24 * 60 * 60 * 1000;
/** A day (follow-up, pairing start, trader stage) may be up to this many years after today. */
export const DAY_YEARS_AHEAD = 2;
/** A trader may have reached a 4T stage (selling online, taking QR payments) before 2020. */
export const EARLIEST_TRADER_DAY: Day = '2000-01-01';
export const MIN_BIRTH_YEAR = 1900;
export const EARLIEST_TARGET_YEAR = 2020;
export const TARGET_YEARS_AHEAD = 10;

/** Both ends included. */
export interface Range<T> {
  from: T;
  to: T;
}

export function within<T extends number | string>(value: T, range: Range<T>): boolean {
  return value >= range.from && value <= range.to;
}

/** The year of `nowMs` in Vietnam (a child born on 1 January is not refused at 00:30). */
export function currentYear(nowMs: number): number {
  return yearOf(vietnamDay(nowMs));
}

export function instantRange(nowMs: number): Range<number> {
  return { from: EARLIEST_RECORD_MS, to: nowMs + INSTANT_AHEAD_MS };
}

/** From `from` to the same day DAY_YEARS_AHEAD years after today ('YYYY-MM-DD' compares as text). */
export function dayRange(nowMs: number, from: Day = EARLIEST_RECORD_DAY): Range<Day> {
  const today = vietnamDay(nowMs);
  const [month, date] = [Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  return { from, to: makeDay(yearOf(today) + DAY_YEARS_AHEAD, month, date) };
}

export function birthYearRange(nowMs: number): Range<number> {
  return { from: MIN_BIRTH_YEAR, to: currentYear(nowMs) };
}

export function targetYearRange(nowMs: number): Range<number> {
  return { from: EARLIEST_TARGET_YEAR, to: currentYear(nowMs) + TARGET_YEARS_AHEAD };
}
