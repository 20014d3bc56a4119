import { describe, expect, it } from 'vitest';
import {
  activeMentorConflicts,
  checkPairing,
  mentorProgress,
  menteesMoved,
  mentorsShortOfTarget,
  type MentorshipFacts,
} from '../../src/domain/mentorship';
import { suggestMentees } from '../../src/domain/mentorSuggestions';
import { household, member, pairing } from './modelFixtures';

const TODAY = '2027-03-01';
const fivePairings = (mentorId: string, n: number, over: Partial<MentorshipFacts> = {}) =>
  Array.from({ length: n }, (_, i) =>
    pairing(`${mentorId}-p${i}`, mentorId, `${mentorId}-m${i}`, over),
  );

describe('mentor progress against the 5 rule', () => {
  const cases: { name: string; pairings: MentorshipFacts[]; label: string; reached: boolean }[] = [
    { name: 'mentor with 4 mentees', pairings: fivePairings('A', 4), label: '4/5', reached: false },
    { name: 'mentor with 5 mentees', pairings: fivePairings('A', 5), label: '5/5', reached: true },
    {
      name: 'completed pairings still count: the mentee was guided',
      pairings: fivePairings('A', 5, { status: 'completed' }),
      label: '5/5',
      reached: true,
    },
    {
      name: 'a stopped pairing does not count',
      pairings: [...fivePairings('A', 4), pairing('s', 'A', 'x', { status: 'stopped' })],
      label: '4/5',
      reached: false,
    },
    {
      name: 'a deleted pairing does not count',
      pairings: [...fivePairings('A', 4), pairing('d', 'A', 'x', { deleted: true })],
      label: '4/5',
      reached: false,
    },
    {
      name: 'the same mentee twice counts once',
      pairings: [...fivePairings('A', 4), pairing('again', 'A', 'A-m0', { status: 'completed' })],
      label: '4/5',
      reached: false,
    },
    {
      name: "another mentor's pairings are not counted",
      pairings: [...fivePairings('A', 3), ...fivePairings('B', 5)],
      label: '3/5',
      reached: false,
    },
  ];
  it.each(cases)('$name', (c) => {
    const p = mentorProgress('A', c.pairings);
    expect(p.label).toBe(c.label);
    expect(p.reached).toBe(c.reached);
  });

  it('mentors short of 5 are listed, furthest first; a declared mentor with none is 0/5', () => {
    const list = mentorsShortOfTarget(
      [...fivePairings('A', 4), ...fivePairings('B', 5), ...fivePairings('C', 1)],
      ['D'],
    );
    expect(list.map((p) => `${p.mentorId} ${p.label}`)).toEqual(['D 0/5', 'C 1/5', 'A 4/5']);
  });
});

describe('a resident has at most one active mentor', () => {
  const members = [member('r1', 'h1'), member('r2', 'h1'), member('gone', 'h1', { deleted: true })];
  const existing = [pairing('p1', 'A', 'r1')];
  const cases: {
    name: string;
    candidate: MentorshipFacts;
    expected: ReturnType<typeof checkPairing>;
  }[] = [
    {
      name: 'resident with two active mentors is refused',
      candidate: pairing('p2', 'B', 'r1'),
      expected: { ok: false, error: 'mentee_has_active_mentor', conflictingId: 'p1' },
    },
    {
      name: 'a resident with no mentor can be paired',
      candidate: pairing('p2', 'B', 'r2'),
      expected: { ok: true },
    },
    {
      name: 'editing the active pairing itself is not a conflict',
      candidate: pairing('p1', 'A', 'r1', { skills: ['2.3'] }),
      expected: { ok: true },
    },
    {
      name: 'a second pairing recorded as completed (history) is accepted',
      candidate: pairing('p2', 'B', 'r1', { status: 'completed' }),
      expected: { ok: true },
    },
    {
      name: 'a mentor cannot mentor themselves',
      candidate: pairing('p2', 'r2', 'r2'),
      expected: { ok: false, error: 'mentor_is_mentee' },
    },
    {
      name: 'a deleted resident cannot be a mentee',
      candidate: pairing('p2', 'B', 'gone'),
      expected: { ok: false, error: 'mentee_unknown' },
    },
    {
      name: 'an impossible start date is refused',
      candidate: pairing('p2', 'B', 'r2', { startDate: '2027-02-30' }),
      expected: { ok: false, error: 'bad_start_date' },
    },
    {
      name: 'a start date after today is refused',
      candidate: pairing('p2', 'B', 'r2', { startDate: '2027-03-02' }),
      expected: { ok: false, error: 'start_date_in_future' },
    },
  ];
  it.each(cases)('$name', (c) => {
    expect(checkPairing(c.candidate, existing, members, TODAY)).toEqual(c.expected);
  });

  const history: {
    name: string;
    earlier: MentorshipFacts;
    candidate: MentorshipFacts;
    expected: ReturnType<typeof checkPairing>;
  }[] = [
    {
      name: 'a stopped pairing frees the resident for a new mentor',
      earlier: pairing('p1', 'A', 'r1', { status: 'stopped' }),
      candidate: pairing('p2', 'B', 'r1'),
      expected: { ok: true },
    },
    {
      name: 'a deleted active pairing does not block a new mentor',
      earlier: pairing('p1', 'A', 'r1', { deleted: true }),
      candidate: pairing('p2', 'B', 'r1'),
      expected: { ok: true },
    },
    {
      name: 'resuming a stopped pairing while another mentor is active is refused',
      earlier: pairing('p2', 'B', 'r1'),
      candidate: pairing('p1', 'A', 'r1'),
      expected: { ok: false, error: 'mentee_has_active_mentor', conflictingId: 'p2' },
    },
  ];
  it.each(history)('$name', (c) => {
    expect(checkPairing(c.candidate, [c.earlier], members, TODAY)).toEqual(c.expected);
  });

  it('two phones offline each paired the same resident: the conflict is found, earliest first', () => {
    const conflicts = activeMentorConflicts([
      pairing('late', 'B', 'r1', { startDate: '2027-02-01' }),
      pairing('early', 'A', 'r1', { startDate: '2027-01-05' }),
      pairing('fine', 'A', 'r2'),
    ]);
    expect(conflicts).toEqual([{ menteeId: 'r1', pairingIds: ['early', 'late'] }]);
  });
});

describe('mentee moved to another village', () => {
  it('an active pairing whose mentee now lives elsewhere is flagged, and still counts for the mentor', () => {
    const pairings = [
      ...fivePairings('A', 4),
      pairing('p-moved', 'A', 'r9', { villageId: 'thon-1' }),
    ];
    const members = [member('r9', 'h9', { villageId: 'thon-2' }), member('A-m0', 'h1')];
    expect(menteesMoved(pairings, members)).toEqual([
      { pairingId: 'p-moved', menteeId: 'r9', fromVillageId: 'thon-1', toVillageId: 'thon-2' },
    ]);
    expect(mentorProgress('A', pairings).label).toBe('5/5');
  });

  it('a completed pairing is history: moving later is not flagged', () => {
    const pairings = [pairing('p', 'A', 'r9', { status: 'completed' })];
    expect(menteesMoved(pairings, [member('r9', 'h9', { villageId: 'thon-2' })])).toEqual([]);
  });
});

describe('suggested mentees', () => {
  const households = [
    household('h1'),
    household('h2'),
    household('h3', { villageId: 'thon-2' }),
    household('h4', { status: 'moved_away' }),
  ];
  const members = [
    member('mentor', 'h1', {
      smartphone: true,
      vneid: 'level2',
      cashless: true,
      onlineServices: true,
      platform: 'completed',
    }),
    member('lacks-all', 'h1'),
    member('lacks-some', 'h2', { smartphone: true, vneid: 'level2' }),
    member('ready', 'h2', {
      smartphone: true,
      vneid: 'level2',
      cashless: true,
      onlineServices: true,
      platform: 'completed',
    }),
    member('child', 'h2', { birthYear: 2015 }),
    member('paired', 'h2'),
    member('was-stopped', 'h2', { smartphone: true, vneid: 'level2', cashless: true }),
    member('other-village', 'h3', { villageId: 'thon-2' }),
    member('moved-house', 'h4'),
    member('deleted', 'h2', { deleted: true }),
  ];
  const mentorships = [
    pairing('p1', 'X', 'paired'),
    pairing('p2', 'X', 'was-stopped', { status: 'stopped' }),
  ];

  it('same village, no mentor yet, lacking skills, most lacking first', () => {
    const got = suggestMentees('mentor', 'thon-1', { households, members, mentorships }, 2027);
    expect(got.map((s) => s.memberId)).toEqual(['lacks-all', 'lacks-some', 'was-stopped']);
    expect(got[0]?.gaps).toContain('vneid');
  });
});
