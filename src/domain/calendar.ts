/**
 * Calendar days as 'YYYY-MM-DD' strings in Vietnam's time (UTC+7 all year, no daylight saving),
 * computed with UTC arithmetic so the phone and the server get the same day whatever their own
 * time zone. Pure: every "today" comes in as an argument.
 */
export type Day = string;

export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function fromUtcDate(d: Date): Day {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Vietnamese calendar day of an instant (ms since epoch). */
export function vietnamDay(ms: number): Day {
  return fromUtcDate(new Date(ms + VIETNAM_OFFSET_MS));
}

/** A valid calendar day ('2027-02-30' is not). */
export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string') return false;
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return fromUtcDate(d) === value;
}

function dayToUtcMs(day: Day): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function makeDay(year: number, month: number, date: number): Day {
  return fromUtcDate(new Date(Date.UTC(year, month - 1, date)));
}

export function addDays(day: Day, days: number): Day {
  return fromUtcDate(new Date(dayToUtcMs(day) + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS);
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

/** The last day of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): Day {
  return fromUtcDate(new Date(Date.UTC(year, month, 0)));
}

/** ISO 8601 week of a day, as "2027-W05" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: Day): string {
  const ms = dayToUtcMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The Monday that starts the ISO week of a day. */
export function weekStart(day: Day): Day {
  const weekday = (new Date(dayToUtcMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
