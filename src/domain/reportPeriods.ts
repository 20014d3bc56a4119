import { addDays, daysBetween, lastDayOfMonth, makeDay, type Day } from './calendar';

/**
 * Report periods and when each report is due:
 *  - monthly: "trước ngày 25 hàng tháng" (seed 003_dca5bdce42daf183.txt, §V);
 *  - quarterly: "Định kỳ hằng quý (trước ngày 15 tháng cuối quý)" (seed 004_33a8034401cef2aa.txt).
 * "Before the 25th" means the last day to send it is the 24th.
 */
export const MONTHLY_DUE_BEFORE = 25;
export const QUARTERLY_DUE_BEFORE = 15;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export interface ReportPeriod {
  kind: 'month' | 'quarter';
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
  start: Day;
  end: Day;
  /** The report must be sent before this day... */
  dueBefore: Day;
  /** ...so this is the last day to send it. */
  lastDay: Day;
  /** "Tháng 2/2027", "Quý IV/2027" */
  label: string;
}

export function monthPeriod(year: number, month: number): ReportPeriod {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`bad month ${month}`);
  const dueBefore = makeDay(year, month, MONTHLY_DUE_BEFORE);
  return {
    kind: 'month',
    year,
    index: month,
    start: makeDay(year, month, 1),
    end: lastDayOfMonth(year, month),
    dueBefore,
    lastDay: addDays(dueBefore, -1),
    label: `Tháng ${month}/${year}`,
  };
}

export function quarterPeriod(year: number, quarter: number): ReportPeriod {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new Error(`bad quarter ${quarter}`);
  const lastMonth = quarter * 3;
  const dueBefore = makeDay(year, lastMonth, QUARTERLY_DUE_BEFORE);
  return {
    kind: 'quarter',
    year,
    index: quarter,
    start: makeDay(year, lastMonth - 2, 1),
    end: lastDayOfMonth(year, lastMonth),
    dueBefore,
    lastDay: addDays(dueBefore, -1),
    label: `Quý ${ROMAN[quarter - 1] ?? quarter}/${year}`,
  };
}

/** The month or quarter a day falls in. */
export function periodOf(kind: ReportPeriod['kind'], day: Day): ReportPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return kind === 'month' ? monthPeriod(year, month) : quarterPeriod(year, Math.ceil(month / 3));
}

/** The next report of a kind still to send on `today`: this period's, or the next one's once late. */
export function nextDue(kind: ReportPeriod['kind'], today: Day): ReportPeriod {
  const current = periodOf(kind, today);
  if (today < current.dueBefore) return current;
  return periodOf(kind, addDays(current.end, 1));
}

export type DueState = 'open' | 'due_soon' | 'due_today' | 'late';

/** Where a report stands on `today`; "due soon" within `soonDays` days of its last day. */
export function dueState(
  period: ReportPeriod,
  today: Day,
  soonDays = 3,
): { state: DueState; daysLeft: number } {
  const daysLeft = daysBetween(today, period.lastDay);
  const state: DueState =
    daysLeft < 0
      ? 'late'
      : daysLeft === 0
        ? 'due_today'
        : daysLeft <= soonDays
          ? 'due_soon'
          : 'open';
  return { state, daysLeft };
}
