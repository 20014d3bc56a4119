import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { catchUp, writeAll } from '../../src/app/db';
import { DashboardScreen } from '../../src/app/features/dashboard/DashboardScreen';
import { TargetsScreen } from '../../src/app/features/targets/TargetsScreen';
import { SESSION_KEY, type Session } from '../../src/app/session/types';
import { vietnamDay } from '../../src/domain/calendar';
import { targetRecordId } from '../../src/domain/targetRecords';
import type { Role } from '../../src/protocol/roles';

const V = '0190a000-0000-7000-8000-000000000001';
const YEAR = Number(vietnamDay(Date.now()).slice(0, 4));

function session(role: Role): Session {
  return {
    token: 't',
    deviceId: 'd',
    user: {
      id: 'u1',
      username: 'u',
      displayName: 'Tổ trưởng Hải',
      role,
      mustChangePassword: false,
    },
    commune: { code: '09988', name: 'Xã Hòa Lạc', province: 'Hà Nội' },
    villages: [{ id: V, name: 'Thôn Đông', kind: 'thon' }],
    refreshedAt: Date.now(),
  };
}

const adult = (id: string, householdId: string, smartphone: boolean) => ({
  entity: 'member' as const,
  id,
  fields: { householdId, villageId: V, name: 'Người dân', birthYear: 1980, smartphone },
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

describe('targets screen', () => {
  it('lets the officer set a target, written as the year’s synced target record', async () => {
    await db.meta.put({ key: SESSION_KEY, value: session('officer') });
    render(<TargetsScreen />);
    const input = await screen.findByLabelText(
      'Chỉ tiêu (%) – Người trưởng thành có điện thoại thông minh',
    );
    expect((input as HTMLInputElement).value).toBe('85');
    fireEvent.change(input, { target: { value: '120' } });
    expect(screen.getByText('Nhập một số từ 0 đến 100.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Lưu chỉ tiêu' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.change(input, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu' }));
    await screen.findByText(/Đã lưu chỉ tiêu năm/);
    const row = await db.targets.get(targetRecordId(YEAR));
    expect(row).toMatchObject({ year: YEAR, adultsSmartphone: 90 });
    const ops = await db.outbox.toArray();
    expect(ops.map((o) => [o.entity, o.id, o.fields])).toEqual([
      ['target', targetRecordId(YEAR), { year: YEAR, adultsSmartphone: 90 }],
    ]);
  });

  it('shows a leader the targets read-only', async () => {
    await db.meta.put({ key: SESSION_KEY, value: session('leader') });
    render(<TargetsScreen />);
    await screen.findByText('Chỉ tiêu do cán bộ xã đặt (chỉ xem).', { exact: false });
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lưu chỉ tiêu' })).toBeNull();
  });
});

describe('dashboard', () => {
  it('shows the counts behind each percentage and follows new data on the device', async () => {
    await db.meta.put({ key: SESSION_KEY, value: session('leader') });
    await writeAll([
      { entity: 'household', id: 'h1', fields: { villageId: V, headName: 'An', status: 'active' } },
      adult('m1', 'h1', true),
      adult('m2', 'h1', false),
    ]);
    await catchUp();
    render(<DashboardScreen />);
    const phones = await screen.findByTestId('indicator-adultsSmartphone');
    expect(phones.textContent).toContain('1 / 2');
    expect(phones.textContent).toContain('50%');
    expect(phones.textContent).toContain('Chưa đạt');

    await writeAll([adult('m3', 'h1', true), adult('m4', 'h1', true)]);
    await catchUp();
    await waitFor(() =>
      expect(screen.getByTestId('indicator-adultsSmartphone').textContent).toContain('3 / 4'),
    );
    expect(screen.getByTestId('indicator-adultsSmartphone').textContent).toContain('75%');
  });
});
