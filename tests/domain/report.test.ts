import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report';
import { monthPeriod, quarterPeriod } from '../../src/domain/reportPeriods';
import type { ModelData } from '../../src/domain/reportScope';
import { TODAY, VILLAGE } from './modelVillage';

/** The server reads rows in another order than Dexie does; reverse and rotate every array. */
function reordered(data: ModelData): ModelData {
  const mix = <T>(rows: readonly T[]) => {
    const r = [...rows].reverse();
    return [...r.slice(1), ...r.slice(0, 1)];
  };
  return {
    households: mix(data.households),
    members: mix(data.members),
    visits: mix(data.visits),
    mentorships: mix(data.mentorships),
    traders: mix(data.traders ?? []),
  };
}

describe('buildReport', () => {
  it('June 2027, halfway through, for the commune', () => {
    const r = buildReport(VILLAGE, monthPeriod(2027, 6), 'commune', { today: TODAY });
    expect(r.asOf).toBe(TODAY);
    expect(r.period.dueBefore).toBe('2027-06-25');
    expect({ households: r.households, residents: r.residents }).toEqual({
      households: 5,
      residents: 8,
    });
    expect(r.activity).toEqual({ visits: 2, householdsReached: 2, volunteers: 2 });
    expect(r.mentorships).toEqual({ started: 5, mentors: 4, mentorsAtTarget: 1 });
    expect(r.traders.byStage).toEqual({ trader: 2, ecommerce: 1, cashless: 0, savings: 0 });
    expect(r.digitalId).toEqual({ eligible: 6, complete: 2, missing: 4 });
    expect(r.byVillage.map((v) => v.villageId)).toEqual(['thon-1', 'thon-2']);
    expect(r.indicators.find((i) => i.key === 'adultsSmartphone')).toMatchObject({
      numerator: 4,
      denominator: 5,
    });
  });

  it('a finished month counts only its own visits', () => {
    const r = buildReport(VILLAGE, monthPeriod(2027, 5), 'commune', { today: TODAY });
    expect(r.asOf).toBe('2027-05-31');
    expect(r.activity).toEqual({ visits: 1, householdsReached: 1, volunteers: 1 });
    // Mentor A's five pairings start on 2 June: in May, nobody had reached 5 yet.
    expect(r.mentorships.mentorsAtTarget).toBe(0);
  });

  it('a village report holds only that village', () => {
    const r = buildReport(
      VILLAGE,
      quarterPeriod(2027, 2),
      { villageIds: ['thon-2'] },
      { today: TODAY },
    );
    expect(r.households).toBe(1);
    expect(r.byVillage.map((v) => v.villageId)).toEqual(['thon-2']);
    expect(r.traders.traders).toBe(1);
  });

  it('the device and the server compute the same report for the same data', () => {
    const period = quarterPeriod(2027, 2);
    const device = buildReport(
      VILLAGE,
      period,
      { villageIds: ['thon-2', 'thon-1'] },
      { today: TODAY },
    );
    const server = buildReport(
      reordered(VILLAGE),
      period,
      { villageIds: ['thon-1', 'thon-2'] },
      { today: TODAY },
    );
    // What the server sends is JSON: the report survives the trip unchanged.
    expect(JSON.parse(JSON.stringify(server))).toEqual(device);
  });
});
