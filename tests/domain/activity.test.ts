import { describe, expect, it } from 'vitest';
import { activityTotals, volunteerWeeks } from '../../src/domain/activity';
import { visit } from './modelFixtures';

const visits = [
  visit('1', 'h1', '2027-06-07', { volunteerId: 'tnv-a' }),
  visit('2', 'h1', '2027-06-09', { volunteerId: 'tnv-a' }),
  visit('3', 'h2', '2027-06-13', { volunteerId: 'tnv-a' }),
  visit('4', 'h3', '2027-06-08', { volunteerId: 'tnv-b' }),
  // Sunday 18:00 UTC is Monday 01:00 in Vietnam: the next week.
  {
    ...visit('5', 'h4', '2027-06-13', { volunteerId: 'tnv-b' }),
    at: Date.parse('2027-06-13T18:00:00Z'),
  },
  visit('6', 'h4', '2027-06-08', { volunteerId: 'tnv-b', deleted: true }),
];

describe('volunteer activity', () => {
  it('visits and households per volunteer per ISO week', () => {
    expect(volunteerWeeks(visits)).toEqual([
      { volunteerId: 'tnv-a', week: '2027-W23', weekStart: '2027-06-07', visits: 3, households: 2 },
      { volunteerId: 'tnv-b', week: '2027-W23', weekStart: '2027-06-07', visits: 1, households: 1 },
      { volunteerId: 'tnv-b', week: '2027-W24', weekStart: '2027-06-14', visits: 1, households: 1 },
    ]);
  });

  it.each([
    {
      name: 'whole week',
      range: { start: '2027-06-07', end: '2027-06-13' },
      totals: { visits: 4, householdsReached: 3, volunteers: 2 },
    },
    {
      name: 'one day',
      range: { start: '2027-06-09', end: '2027-06-09' },
      totals: { visits: 1, householdsReached: 1, volunteers: 1 },
    },
    {
      name: 'everything',
      range: undefined,
      totals: { visits: 5, householdsReached: 4, volunteers: 2 },
    },
  ])('totals over $name', ({ range, totals }) => {
    expect(activityTotals(visits, range)).toEqual(totals);
  });
});
