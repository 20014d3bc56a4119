import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { meta } from '../../src/app/db';
import { vault } from '../../src/app/db/vault';
import { SessionGate } from '../../src/app/features/auth/SessionGate';
import { savePin } from '../../src/app/session/pin';
import { SESSION, type Session } from '../../src/app/session/types';

const session: Session = {
  token: 't',
  deviceId: 'd',
  user: {
    id: 'u1',
    username: 'lan',
    displayName: 'Lò Thị Lan',
    role: 'volunteer',
    mustChangePassword: false,
  },
  commune: { code: '09988', name: 'Xã Hòa Lạc', province: 'Hà Nội' },
  villages: [],
  refreshedAt: Date.now(),
};

afterEach(async () => {
  cleanup();
  await db.meta.clear();
});

describe('locking the phone by hand', () => {
  it('“Khóa” shows the lock screen at once; only the PIN opens the data again', async () => {
    await meta.put(SESSION, session);
    await savePin('250913');
    await db.households.put({ id: 'h1', _clocks: {}, headName: 'Nguyễn Văn An' });
    render(
      <SessionGate>
        <p>Trang chủ</p>
      </SessionGate>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Khóa' }));
    expect(await screen.findByText('Ứng dụng đang khóa')).toBeTruthy();
    expect(screen.queryByText('Trang chủ')).toBeNull();
    expect(vault.isOpen()).toBe(false);
    await expect(db.households.toArray()).rejects.toThrow(); // sealed, and no key to open it

    fireEvent.change(screen.getByLabelText('Nhập mã PIN'), { target: { value: '250913' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(await screen.findByText('Trang chủ', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await db.households.get('h1'))?.headName).toBe('Nguyễn Văn An');
  }, 30_000);
});
