import { describe, expect, it } from 'vitest';
import { householdGaps, memberReadiness } from '../../src/domain/readiness';

const YEAR = 2026;
const ready = {
  birthYear: 1980,
  smartphone: true,
  vneid: 'level2' as const,
  cashless: true,
  onlineServices: true,
  platform: 'completed' as const,
};

describe('digital readiness of a member', () => {
  it.each([
    { name: 'an adult with everything is ready', m: ready, level: 'ready', gaps: [] },
    {
      name: 'VNeID level 1 lacks level 2 only',
      m: { ...ready, vneid: 'level1' as const },
      level: 'partial',
      gaps: ['vneid_level2'],
    },
    {
      name: 'no VNeID is one gap, not two',
      m: { ...ready, vneid: 'none' as const },
      level: 'partial',
      gaps: ['vneid'],
    },
    {
      name: 'still learning on the platform is a gap',
      m: { ...ready, platform: 'learning' as const },
      level: 'partial',
      gaps: ['platform'],
    },
    {
      name: 'an elder with nothing has not started',
      m: {
        birthYear: 1945,
        smartphone: false,
        vneid: 'none' as const,
        cashless: false,
        onlineServices: false,
        platform: 'none' as const,
      },
      level: 'not_started',
      gaps: ['smartphone', 'vneid', 'cashless', 'online_services', 'platform'],
    },
    {
      name: 'a child under 16 has no gaps',
      m: { ...ready, birthYear: 2015, smartphone: false, vneid: 'none' as const },
      level: 'child',
      gaps: [],
    },
    {
      name: 'turning 16 this year counts',
      m: { ...ready, birthYear: 2010, cashless: false },
      level: 'partial',
      gaps: ['cashless'],
    },
  ])('$name', ({ m, level, gaps }) => {
    expect(memberReadiness(m, YEAR)).toEqual({ level, gaps });
  });

  it('a household has the union of its living members’ gaps', () => {
    const gaps = householdGaps(
      [
        { ...ready, smartphone: false },
        { ...ready, cashless: false },
        { ...ready, vneid: 'none', deleted: true },
      ],
      YEAR,
    );
    expect([...gaps].sort()).toEqual(['cashless', 'smartphone']);
  });
});
