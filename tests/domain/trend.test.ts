import { describe, expect, it } from 'vitest';
import { monthlyTrend } from '../../src/domain/trend';
import { VILLAGE } from './modelVillage';

describe('monthly trend from dated facts', () => {
  it('visits per month, households reached so far, mentors at 5 so far', () => {
    const points = monthlyTrend(VILLAGE, 'commune', { year: 2027, month: 3 }, 4);
    expect(
      points.map((p) => [p.month, p.visits, p.householdsReached, p.households, p.mentorsAtTarget]),
    ).toEqual([
      ['2027-03', 0, 0, 5, 0],
      ['2027-04', 1, 1, 5, 0], // h2 on 1 April
      ['2027-05', 1, 2, 5, 0], // h1 on 20 May
      ['2027-06', 2, 3, 5, 1], // h1 again and h5; mentor A's five pairings start 2 June
    ]);
  });

  it('crosses a year end', () => {
    expect(
      monthlyTrend(VILLAGE, 'commune', { year: 2026, month: 11 }, 3).map((p) => p.month),
    ).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
