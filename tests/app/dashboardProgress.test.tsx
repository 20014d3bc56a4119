import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { catchUp } from '../../src/app/db';
import { db } from '../../src/app/db/db';
import { putRecords } from '../../src/app/db/recordChunks';
import type { EntityRow } from '../../src/app/db/rows';
import { DashboardScreen } from '../../src/app/features/dashboard/DashboardScreen';
import { SESSION_KEY, type Session } from '../../src/app/session/types';
import { generateCommune } from '../../src/domain/generate';

/** A fresh device after its first sync: every summary to make, the progress shown meanwhile. */
it('shows the one-time rebuild’s progress, then the figures', async () => {
  const c = generateCommune(7, { villages: 2, households: 400, people: 1600, visits: 2000 });
  const rows = (list: readonly object[]) => list.map((r) => ({ ...r, _clocks: {} }) as EntityRow);
  await db.households.bulkPut(rows(c.households));
  await putRecords(db.memberChunks, rows(c.members));
  await putRecords(db.visitChunks, rows(c.visits));
  const session: Session = {
    token: 't',
    deviceId: 'd',
    user: {
      id: 'u1',
      username: 'u',
      displayName: 'Cán bộ',
      role: 'officer',
      mustChangePassword: false,
    },
    commune: { code: '09988', name: 'Xã Hòa Lạc', province: 'Hà Nội' },
    villages: c.villages.map((v) => ({ ...v, kind: 'thon' as const })),
    refreshedAt: Date.now(),
  };
  await db.meta.put({ key: SESSION_KEY, value: session });
  render(<DashboardScreen />);
  // The screen is open (figures of no summaries yet) when the first sync's rebuild starts.
  await screen.findByRole('heading', { name: 'Tổng quan tiến độ' });
  const indexed = catchUp(); // the indexer's one-time rebuild, as after a first sync
  expect((await screen.findByText(/Đang tính lại số liệu… \d+%/)).getAttribute('role')).toBe(
    'status',
  );
  await indexed;
  const phones = await screen.findByTestId('indicator-adultsSmartphone', {}, { timeout: 10_000 });
  expect(phones.textContent).toMatch(/\d+ \/ \d+/);
  expect(screen.queryByText(/Đang tính lại số liệu/)).toBeNull();
  // 400 households' summaries rebuilt in fake IndexedDB: 0.4–1.1 s alone; the figures may take
  // up to 10 s (findByTestId above) on a loaded machine.
}, 30_000);
