import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PairingProblems } from '../../src/app/features/mentors/PairingProblems';
import type { ModelData } from '../../src/app/features/mentors/useModelData';
import type { MentorshipFacts } from '../../src/domain/mentorship';

const pairing = (id: string, mentorId: string, over: Partial<MentorshipFacts> = {}) => ({
  id,
  mentorId,
  mentorKind: 'volunteer' as const,
  menteeId: 'lan',
  villageId: 'dong',
  startDate: '2027-01-10',
  status: 'active' as const,
  skills: [],
  ...over,
});

const data = (mentorships: MentorshipFacts[], villageId = 'dong'): ModelData => ({
  households: [{ id: 'h1', villageId }],
  members: [{ id: 'lan', householdId: 'h1', villageId, name: 'Phạm Thị Lan' }],
  mentorships,
  traders: [],
});
const names: Record<string, string> = { a: 'Anh Tuấn', b: 'Chị Hà' };

afterEach(cleanup);

describe('pairings a leader must settle after sync', () => {
  it('two offline phones paired the same resident: both mentors are named', () => {
    render(
      <PairingProblems
        data={data([pairing('p1', 'a'), pairing('p2', 'b', { startDate: '2027-02-01' })])}
        mentorName={(id) => names[id] ?? id}
      />,
    );
    expect(screen.getByRole('region', { name: 'Cần xử lý' }).textContent).toContain(
      'Phạm Thị Lan có 2 đại sứ số cùng đang hướng dẫn (Anh Tuấn, Chị Hà)',
    );
  });

  it('a mentee who moved village is flagged', () => {
    render(
      <PairingProblems
        data={data([pairing('p1', 'a')], 'doai')}
        mentorName={(id) => names[id] ?? id}
      />,
    );
    expect(
      screen.getByRole('button', { name: /Phạm Thị Lan đã chuyển sang thôn khác/ }),
    ).toBeTruthy();
  });

  it('nothing to settle: nothing shown', () => {
    render(<PairingProblems data={data([pairing('p1', 'a')])} mentorName={(id) => id} />);
    expect(screen.queryByRole('region', { name: 'Cần xử lý' })).toBeNull();
  });
});
