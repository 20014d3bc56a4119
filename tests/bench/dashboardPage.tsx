/**
 * Runs inside Chromium (served by Vite from tests/bench/dashboard.html): loads the generated
 * commune into the app's device database, then times what opening "/tong-quan" costs: reading the
 * rows (loadViewData), computing the figures and rendering the dashboard, for the commune and for
 * one village.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { db } from '../../src/app/db/db';
import { DashboardView } from '../../src/app/features/dashboard/DashboardScreen';
import { dashboardFigures } from '../../src/app/features/dashboard/figures';
import { scopeFor } from '../../src/app/features/dashboard/scope';
import {
  dataStamp,
  readSnapshot,
  refreshSnapshot,
  snapshotKey,
} from '../../src/app/features/dashboard/snapshot';
import { loadViewData } from '../../src/app/features/dashboard/useViewData';
import type { Session } from '../../src/app/session/types';
import { loadCommune } from './communeDb';

export interface Timings {
  /** Opening the screen: the kept figures read from db.meta, then rendered. */
  openMs: number[];
  /** Recomputing from the rows: read every row, compute, render (first open, or after a change). */
  readMs: number[];
  computeMs: number[];
  renderMs: number[];
}

export interface DashboardPageResult {
  records: number;
  loadMs: number;
  commune: Timings;
  village: Timings;
}

async function run(opts: { seed: number; runs: number }): Promise<DashboardPageResult> {
  const { commune, loadMs, records } = await loadCommune(db, opts.seed, { mentorships: 20_000 });
  const session: Session = {
    token: 'bench',
    deviceId: 'bench',
    user: {
      id: 'bench',
      username: 'canbo',
      displayName: 'Cán bộ xã',
      role: 'officer',
      mustChangePassword: false,
    },
    commune: { code: '09988', name: 'Xã Hòa Lạc', province: 'Hà Nội' },
    villages: commune.villages.map((v) => ({ ...v, kind: 'thon' })),
    refreshedAt: Date.now(),
  };
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const today = '2027-06-15';
  const show = (figures: Parameters<typeof DashboardView>[0]['figures'], scopeValue: string) => {
    flushSync(() =>
      root.render(
        <DashboardView
          session={session}
          figures={figures}
          today={today}
          scopeValue={scopeValue}
          onScope={() => undefined}
        />,
      ),
    );
    if (!document.querySelector('[data-testid="indicator-adultsSmartphone"]'))
      throw new Error('dashboard did not render');
  };
  const time = async (scopeValue: string): Promise<Timings> => {
    const t: Timings = { openMs: [], readMs: [], computeMs: [], renderMs: [] };
    const scope = scopeFor(session, scopeValue);
    for (let i = 0; i < opts.runs; i++) {
      flushSync(() => root.render(null));
      const t0 = performance.now();
      const data = await loadViewData();
      const t1 = performance.now();
      const figures = dashboardFigures(data, scope, today);
      const t2 = performance.now();
      show(figures, scopeValue);
      t.readMs.push(t1 - t0);
      t.computeMs.push(t2 - t1);
      t.renderMs.push(performance.now() - t2);
    }
    const key = snapshotKey(session.user.id, scopeValue);
    await refreshSnapshot(key, scope, today, await dataStamp());
    for (let i = 0; i < opts.runs; i++) {
      flushSync(() => root.render(null));
      const t0 = performance.now();
      const snap = await readSnapshot(key);
      await dataStamp();
      if (!snap) throw new Error('no snapshot');
      show(snap.figures, scopeValue);
      t.openMs.push(performance.now() - t0);
    }
    return t;
  };
  const result = {
    records,
    loadMs,
    commune: await time('all'),
    village: await time(commune.villages[0]?.id ?? 'all'),
  };
  root.unmount();
  return result;
}

(window as unknown as { runDashboardBench: typeof run }).runDashboardBench = run;
document.title = 'ready';
