import { describe, expect, it } from 'vitest';
import { buildTodoLists, followUpsDue, notVisitedFor } from '../../src/domain/todo';
import { household, visit } from './modelFixtures';
import { TODAY, VILLAGE } from './modelVillage';

describe('"Việc cần làm" lists on the hand-built commune', () => {
  const lists = buildTodoLists(VILLAGE, 'commune', TODAY, 30);
  const cases: { name: string; got: () => unknown; expected: unknown }[] = [
    {
      name: 'never visited',
      got: () => lists.neverVisited.map((r) => r.householdId),
      expected: ['h3', 'h4'],
    },
    {
      name: 'not visited for 30 days',
      got: () => lists.notVisitedFor,
      expected: [{ householdId: 'h2', lastVisit: '2027-04-01', days: 75 }],
    },
    {
      name: 'follow-ups due (one already done by a later visit, one not yet due)',
      got: () => lists.followUpsDue,
      expected: [{ visitId: 'v2', householdId: 'h2', dueOn: '2027-04-15', overdueDays: 61 }],
    },
    {
      name: 'mentors short of 5, furthest first',
      got: () => lists.mentorsShort.map((m) => m.label),
      expected: ['0/5', '1/5', '2/5'],
    },
    {
      name: 'residents 16+ without VNeID level 2',
      got: () => lists.withoutVneidLevel2.map((e) => e.memberId),
      expected: ['a2', 'b1', 'b2'],
    },
    {
      name: 'households short of Gia đình số, with what they lack',
      got: () => lists.shortOfGds.map((r) => `${r.householdId}:${r.missing.length}`),
      expected: ['h2:2', 'h3:6', 'h4:7', 'h5:5'], // h2: b2 lacks learning and guiding; h5: a5 pays cashless, lives alone,
    },
    {
      name: 'priority households not yet reached (the visited poor household is not listed)',
      got: () => lists.priorityNotReached,
      expected: [
        { householdId: 'h3', flags: ['flagMinority'] },
        { householdId: 'h4', flags: ['flagDisability'] },
      ],
    },
  ];
  it.each(cases)('$name', ({ got, expected }) => expect(got()).toEqual(expected));

  it('a village scope lists only its own rows', () => {
    const thon2 = buildTodoLists(VILLAGE, { villageIds: ['thon-2'] }, TODAY);
    expect(thon2.neverVisited).toEqual([]);
    expect(thon2.shortOfGds.map((r) => r.householdId)).toEqual(['h5']);
    expect(thon2.mentorsShort.map((m) => m.mentorId)).toEqual(['D', 'C']);
  });
});

describe('visit edge cases', () => {
  it.each([
    {
      name: 'a corrected visit is replaced by its correction',
      visits: [
        visit('old', 'h1', '2027-06-01', { followUpDate: '2027-06-05' }),
        visit('fix', 'h1', '2027-06-01', { correctsId: 'old', followUpDate: null }),
      ],
      due: [],
    },
    {
      name: 'a follow-up due today is listed',
      visits: [visit('v', 'h1', '2027-06-01', { followUpDate: TODAY })],
      due: ['v'],
    },
  ])('$name', ({ visits, due }) => {
    expect(followUpsDue(visits, TODAY).map((r) => r.visitId)).toEqual(due);
  });

  it('a visit late in the evening counts for that Vietnamese day', () => {
    const late = { ...visit('v', 'h1', '2027-05-16'), at: Date.parse('2027-05-16T16:30:00Z') }; // 23:30 in Vietnam
    expect(notVisitedFor([household('h1')], [late], TODAY, 30)).toEqual([
      { householdId: 'h1', lastVisit: '2027-05-16', days: 30 },
    ]);
  });
});
