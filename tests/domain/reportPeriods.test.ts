import { describe, expect, it } from 'vitest';
import { isoWeek, vietnamDay, isDay } from '../../src/domain/calendar';
import { dueState, monthPeriod, nextDue, quarterPeriod } from '../../src/domain/reportPeriods';

describe('report periods and due dates', () => {
  it.each([
    {
      name: 'February 2027',
      p: monthPeriod(2027, 2),
      start: '2027-02-01',
      end: '2027-02-28',
      dueBefore: '2027-02-25',
      lastDay: '2027-02-24',
      label: 'Tháng 2/2027',
    },
    {
      name: 'February 2028 (leap year)',
      p: monthPeriod(2028, 2),
      start: '2028-02-01',
      end: '2028-02-29',
      dueBefore: '2028-02-25',
      lastDay: '2028-02-24',
      label: 'Tháng 2/2028',
    },
    {
      name: 'December 2026',
      p: monthPeriod(2026, 12),
      start: '2026-12-01',
      end: '2026-12-31',
      dueBefore: '2026-12-25',
      lastDay: '2026-12-24',
      label: 'Tháng 12/2026',
    },
    {
      name: 'quarter 4',
      p: quarterPeriod(2027, 4),
      start: '2027-10-01',
      end: '2027-12-31',
      dueBefore: '2027-12-15',
      lastDay: '2027-12-14',
      label: 'Quý IV/2027',
    },
    {
      name: 'quarter 1',
      p: quarterPeriod(2027, 1),
      start: '2027-01-01',
      end: '2027-03-31',
      dueBefore: '2027-03-15',
      lastDay: '2027-03-14',
      label: 'Quý I/2027',
    },
  ])('$name', ({ p, start, end, dueBefore, lastDay, label }) => {
    expect({
      start: p.start,
      end: p.end,
      dueBefore: p.dueBefore,
      lastDay: p.lastDay,
      label: p.label,
    }).toEqual({
      start,
      end,
      dueBefore,
      lastDay,
      label,
    });
  });

  it.each([
    {
      name: 'early in the month: this month’s report',
      kind: 'month' as const,
      today: '2027-02-10',
      label: 'Tháng 2/2027',
    },
    {
      name: 'on the 25th it is too late for this month: next month’s',
      kind: 'month' as const,
      today: '2027-02-25',
      label: 'Tháng 3/2027',
    },
    {
      name: 'December 26th: January next year',
      kind: 'month' as const,
      today: '2027-12-26',
      label: 'Tháng 1/2028',
    },
    {
      name: 'in November: quarter 4',
      kind: 'quarter' as const,
      today: '2027-11-03',
      label: 'Quý IV/2027',
    },
    {
      name: 'December 20th: quarter 1 of next year',
      kind: 'quarter' as const,
      today: '2027-12-20',
      label: 'Quý I/2028',
    },
  ])('next report due — $name', ({ kind, today, label }) => {
    expect(nextDue(kind, today).label).toBe(label);
  });

  it.each([
    { today: '2027-02-10', state: 'open', daysLeft: 14 },
    { today: '2027-02-22', state: 'due_soon', daysLeft: 2 },
    { today: '2027-02-24', state: 'due_today', daysLeft: 0 },
    { today: '2027-02-26', state: 'late', daysLeft: -2 },
  ])('February 2027 report on $today is $state', ({ today, state, daysLeft }) => {
    expect(dueState(monthPeriod(2027, 2), today)).toEqual({ state, daysLeft });
  });
});

describe('calendar days in Vietnam time', () => {
  it.each([
    {
      name: '23:30 UTC is already the next morning in Vietnam',
      at: Date.parse('2027-01-31T23:30:00Z'),
      day: '2027-02-01',
    },
    {
      name: '16:59 UTC is still the same day',
      at: Date.parse('2027-01-31T16:59:00Z'),
      day: '2027-01-31',
    },
  ])('$name', ({ at, day }) => expect(vietnamDay(at)).toBe(day));

  it.each([
    { day: '2027-01-01', week: '2026-W53' },
    { day: '2027-01-04', week: '2027-W01' },
    { day: '2026-12-31', week: '2026-W53' },
    { day: '2025-12-29', week: '2026-W01' },
  ])('ISO week of $day is $week', ({ day, week }) => expect(isoWeek(day)).toBe(week));

  it.each([
    { value: '2027-02-28', ok: true },
    { value: '2027-02-29', ok: false },
    { value: '2027-2-1', ok: false },
  ])('$value is a day: $ok', ({ value, ok }) => expect(isDay(value)).toBe(ok));
});
