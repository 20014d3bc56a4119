import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { writeAll } from '../../src/app/db/mutate';
import { GdsScreen } from '../../src/app/features/gds/GdsScreen';
import { VillageScreen } from '../../src/app/features/households/VillageScreen';
import { TradersScreen } from '../../src/app/features/traders/TradersScreen';
import { SESSION_KEY, type Session } from '../../src/app/session/types';

const V = '0190a000-0000-7000-8000-000000000001';
const OTHER = '0190a000-0000-7000-8000-000000000002';
/** A village the user does not serve (rows of it may linger, e.g. a pending edit). */
const ELSEWHERE = '0190a000-0000-7000-8000-000000000003';

const session: Session = {
  token: 't',
  deviceId: 'd',
  user: {
    id: 'u1',
    username: 'u',
    displayName: 'Hải',
    role: 'volunteer',
    mustChangePassword: false,
  },
  commune: { code: '09988', name: 'Xã Hòa Lạc', province: 'Hà Nội' },
  villages: [
    { id: V, name: 'Thôn Đông', kind: 'thon' },
    { id: OTHER, name: 'Thôn Đoài', kind: 'thon' },
  ],
  refreshedAt: Date.now(),
};

const home = (id: string, headName: string, villageId: string) => ({
  entity: 'household' as const,
  id,
  fields: {
    headName,
    address: 'Xóm 1',
    villageId,
    status: 'active',
    createdAt: 1,
    createdBy: 'u1',
  },
});

const person = (id: string, householdId: string, name: string, birthYear: number) => ({
  entity: 'member' as const,
  id,
  fields: { householdId, villageId: V, name, birthYear },
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.meta.put({ key: SESSION_KEY, value: session });
});
afterEach(cleanup);

describe('village screen', () => {
  it('lists the village’s households with their last visit (members and visits found through them)', async () => {
    await writeAll([
      home('h1', 'Nguyễn Văn Đức', V),
      home('h2', 'Lê Thị Hoa', V),
      home('h3', 'Trần Văn Nam', OTHER),
      person('m1', 'h1', 'Nguyễn Văn Đức', 1970),
      {
        entity: 'visit',
        id: 'v1',
        fields: { householdId: 'h1', villageId: V, at: Date.now() - 3_600_000, tasks: [] },
      },
      {
        entity: 'visit',
        id: 'v3',
        fields: { householdId: 'h3', villageId: OTHER, at: Date.now(), tasks: [] },
      },
    ]);
    render(<VillageScreen villageId={V} />);
    const list = await screen.findByRole('list', { name: 'Hộ gia đình' });
    expect(await screen.findByText('2 hộ')).toBeTruthy();
    const rows = within(list).getAllByRole('button');
    const text = rows.map((r) => r.textContent ?? '');
    expect(text.find((t) => t.includes('Nguyễn Văn Đức'))).toMatch(/Lần cuối/);
    expect(text.find((t) => t.includes('Lê Thị Hoa'))).toMatch(/Chưa được thăm/);
    expect(text.some((t) => t.includes('Trần Văn Nam'))).toBe(false);
  });

  it('Gia đình số counts the households of the user’s villages, found with their members and visits', async () => {
    await writeAll([
      home('h1', 'Nguyễn Văn Đức', V),
      home('h3', 'Trần Văn Nam', OTHER),
      home('h4', 'Phạm Văn Bốn', ELSEWHERE),
      person('m1', 'h1', 'Nguyễn Văn Đức', 1970),
    ]);
    render(<GdsScreen />);
    await waitFor(() =>
      expect(screen.getByTestId('gds-summary').textContent).toContain('0 / 2 hộ'),
    );
    expect(screen.queryByText(/Phạm Văn Bốn/)).toBeNull();
  });

  it('Chợ số 4T lists the villages’ traders under their member’s name', async () => {
    await writeAll([
      home('h1', 'Nguyễn Văn Đức', V),
      person('m1', 'h1', 'Nguyễn Thị Lan', 1980),
      {
        entity: 'trader',
        id: 't1',
        fields: { memberId: 'm1', householdId: 'h1', villageId: V, businessName: 'Sạp rau cô Lan' },
      },
      {
        entity: 'trader',
        id: 't4',
        fields: { memberId: 'm4', householdId: 'h4', villageId: ELSEWHERE, businessName: 'Sạp cá' },
      },
    ]);
    render(<TradersScreen />);
    await waitFor(() =>
      expect(screen.getByTestId('trader-summary').textContent).toContain('1 tiểu thương'),
    );
    const card = await screen.findByRole('button', { name: 'Sửa tiểu thương Sạp rau cô Lan' });
    expect(card.textContent).toContain('Nguyễn Thị Lan');
  });
});
