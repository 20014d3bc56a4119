import { describe, expect, it } from 'vitest';
import { activityTotals, volunteerWeeks } from '../../src/domain/activity';
import { generateCommune } from '../../src/domain/generate';
import {
  summarizeAll,
  summarizeHousehold,
  summarizeMentor,
} from '../../src/domain/householdSummary';
import { computeIndicators } from '../../src/domain/indicators';
import type { MentorshipFacts } from '../../src/domain/mentorship';
import type { ModelData, Scope } from '../../src/domain/reportScope';
import {
  datedVisitsOfSummaries,
  indicatorsOfSummaries,
  scopeIndicatorsOfSummaries,
  scopeMentors,
  scopeSummaries,
  trendOfSummaries,
} from '../../src/domain/summaryFigures';
import { activityTotalsOf, volunteerWeeksOf } from '../../src/domain/activity';
import { monthlyTrend, mentorReachedOn } from '../../src/domain/trend';
import { CHAMPION, household, member, pairing, visit } from './modelFixtures';
import { TODAY, VILLAGE } from './modelVillage';

describe('one household’s summary', () => {
  const cases: {
    name: string;
    summary: ReturnType<typeof summarizeHousehold>;
    expected: Partial<ReturnType<typeof summarizeHousehold>>;
  }[] = [
    {
      name: 'a live household: its live members’ birth years and bits, visits sorted by day',
      summary: summarizeHousehold(
        'h1',
        household('h1'),
        [
          member('m1', 'h1', { smartphone: true, vneid: 'level2' }),
          member('m2', 'h1', { deleted: true }),
          member('m3', 'h1', { birthYear: null, cashless: true }),
        ],
        [visit('v2', 'h1', '2027-05-02'), visit('v1', 'h1', '2027-04-01', { volunteerId: 'b' })],
      ),
      expected: {
        exists: true,
        villageId: 'thon-1',
        live: true,
        gds: false,
        birthYears: [1980, null],
        bits: [2 | 8, 4],
        visitDays: ['2027-04-01', '2027-05-02'],
        visitVolunteers: ['b', 'tnv-a'],
      },
    },
    {
      name: 'a qualifying member makes it Gia đình số',
      summary: summarizeHousehold('h1', household('h1'), [member('m1', 'h1', CHAMPION)], []),
      expected: { gds: true, bits: [1] }, // basic skills; not cashless, so no e-payment
    },
    {
      name: 'moved away: no people counted, visits kept (activity counts them)',
      summary: summarizeHousehold(
        'h6',
        household('h6', { status: 'moved_away' }),
        [member('m1', 'h6', CHAMPION)],
        [visit('v1', 'h6', '2027-06-01')],
      ),
      expected: { live: false, gds: false, birthYears: [], visitDays: ['2027-06-01'] },
    },
    {
      name: 'a corrected visit gives way to its correction; a tombstoned one is gone',
      summary: summarizeHousehold(
        'h1',
        household('h1'),
        [],
        [
          visit('v1', 'h1', '2027-06-01'),
          visit('v2', 'h1', '2027-06-03', { correctsId: 'v1' }),
          visit('v3', 'h1', '2027-06-04', { deleted: true }),
        ],
      ),
      expected: { visitDays: ['2027-06-03'] },
    },
    {
      name: 'visits whose household row is not on the device yet',
      summary: summarizeHousehold('hx', undefined, [], [visit('v1', 'hx', '2027-06-01')]),
      expected: { exists: false, villageId: null, live: false, visitDays: ['2027-06-01'] },
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.summary).toMatchObject(c.expected));
});

describe('one mentor’s summary', () => {
  const five = (over: Partial<MentorshipFacts> = {}) =>
    ['a', 'b', 'c', 'd', 'e'].map((m, i) =>
      pairing(`p${m}`, 'A', m, { startDate: `2027-0${i + 1}-10`, ...over }),
    );
  const cases: { name: string; pairings: MentorshipFacts[]; expected: object }[] = [
    {
      name: 'five mentees: reached on the fifth one’s start',
      pairings: five(),
      expected: { live: true, reached: true, reachedOn: '2027-05-10', villageIds: ['thon-1'] },
    },
    {
      name: 'a stopped pairing does not count, the same mentee twice counts once (earliest)',
      pairings: [
        ...five().slice(0, 4),
        pairing('px', 'A', 'e', { status: 'stopped' }),
        pairing('py', 'A', 'a', { startDate: '2026-12-01', villageId: 'thon-2' }),
      ],
      expected: { reached: false, reachedOn: null, villageIds: ['thon-1', 'thon-2'] },
    },
    {
      name: 'only deleted pairings: not a mentor of any village',
      pairings: [pairing('p1', 'A', 'a', { deleted: true })],
      expected: { live: false, villageIds: [], reached: false },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(summarizeMentor('A', c.pairings)).toMatchObject(c.expected);
      const live = c.pairings.filter((p) => !p.deleted);
      expect(summarizeMentor('A', c.pairings).reachedOn).toBe(mentorReachedOn(live));
    });
});

/** A generated commune with every kind of row the figures read, and a few odd ones. */
function smallCommune(): ModelData {
  const c = generateCommune(3, { villages: 4, households: 300, people: 1200, visits: 1500 });
  const households = c.households.map((h, i) =>
    i % 41 === 0
      ? { ...h, deleted: true }
      : i % 37 === 0
        ? { ...h, status: 'moved_away' as const }
        : h,
  );
  const members = c.members.map((m, i) => (i % 29 === 0 ? { ...m, deleted: true } : m));
  const visits = [
    ...c.visits,
    // Corrections and tombstones, and a visit whose household is not on the device.
    ...c.visits
      .slice(0, 20)
      .map((v, i) => ({ ...v, id: `fix-${i}`, correctsId: v.id, at: v.at + 1 })),
    { ...(c.visits[30] as (typeof c.visits)[number]), id: 'gone', deleted: true },
    { ...(c.visits[31] as (typeof c.visits)[number]), id: 'orphan', householdId: 'no-such-home' },
  ];
  const mentorships = c.members.slice(0, 400).map((m, i) =>
    pairing(`p${i}`, `mentor-${i % 60}`, m.id, {
      villageId: m.villageId,
      startDate: `2027-0${(i % 6) + 1}-0${(i % 9) + 1}`,
      status: i % 13 === 0 ? 'stopped' : 'active',
      deleted: i % 17 === 0,
    }),
  );
  return { households, members, visits, mentorships };
}

describe('adding up summaries gives the figures computed from the rows', () => {
  const data = smallCommune();
  const { households, mentors } = summarizeAll(data);
  const villages = [...new Set(data.households.map((h) => h.villageId))].sort();
  const scopes: [string, Scope][] = [
    ['the commune', 'commune'],
    ['one village', { villageIds: [villages[0] ?? ''] }],
    ['two villages', { villageIds: villages.slice(1, 3) }],
  ];
  for (const [name, scope] of scopes) {
    const hs = scopeSummaries(households, scope);
    const ms = scopeMentors(mentors, scope);
    it(`indicators, ${name}`, () => {
      expect(indicatorsOfSummaries(hs, ms, 2027, { adultsEpayment: 40 })).toEqual(
        computeIndicators(data, scope, TODAY, { adultsEpayment: 40 }),
      );
    });
    it(`trend, ${name}`, () => {
      const from = { year: 2026, month: 11 };
      expect(trendOfSummaries(hs, ms, from, 9)).toEqual(monthlyTrend(data, scope, from, 9));
    });
    it(`activity, ${name}`, () => {
      const range = { start: '2026-01-05', end: '2027-06-15' };
      const visits = scope === 'commune' ? data.visits : dataVisitsOf(data, scope);
      const dated = datedVisitsOfSummaries(hs, range);
      expect(volunteerWeeksOf(dated, range)).toEqual(volunteerWeeks(visits, range));
      expect(activityTotalsOf(dated, range)).toEqual(activityTotals(visits, range));
    });
  }

  it('each village’s indicators, in one pass over the commune', () => {
    const live = [
      ...new Set(
        data.households
          .filter((h) => !h.deleted && h.status !== 'moved_away')
          .map((h) => h.villageId),
      ),
    ].sort();
    const { byVillage } = scopeIndicatorsOfSummaries(
      households,
      scopeMentors(mentors, 'commune'),
      2027,
    );
    expect(byVillage).toEqual(
      live.map((villageId) => ({
        villageId,
        indicators: computeIndicators(data, { villageIds: [villageId] }, TODAY).indicators,
      })),
    );
  });

  it('and on the hand-built village with known answers', () => {
    const s = summarizeAll(VILLAGE);
    expect(indicatorsOfSummaries(s.households, scopeMentors(s.mentors, 'commune'), 2027)).toEqual(
      computeIndicators(VILLAGE, 'commune', TODAY),
    );
  });
});

function dataVisitsOf(data: ModelData, scope: Scope) {
  const ids = new Set(
    data.households
      .filter((h) => scope !== 'commune' && scope.villageIds.includes(h.villageId))
      .map((h) => h.id),
  );
  return data.visits.filter((v) => ids.has(v.householdId));
}
