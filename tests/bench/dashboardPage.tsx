/**
 * Runs inside Chromium (a production build of tests/bench/dashboard.html, see pages.ts): loads the
 * generated commune into the app's device database, then times the dashboard as the app runs it:
 *  - the one-time rebuild of every household's summary (a fresh device after its first sync);
 *  - opening "/tong-quan" (the kept figures read and rendered);
 *  - recomputing after a data change (one member edited through writeAll): the marked summaries
 *    made again, all summaries read, added up, rendered;
 *  - for reference, once: the old way, every row read (viewData) and computed from;
 *  - what marking households costs a pulled page: 2,000 members written (as chunks) with and
 *    without the summaryDirty middleware.
 */
import Dexie from 'dexie';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { db, TungNhaDb } from '../../src/app/db/db';
import { writeAll } from '../../src/app/db/mutate';
import { VERSIONS } from '../../src/app/db/versions';
import { readSummaries, updateSummaries } from '../../src/app/db/summaries';
import { forgetParsedBuckets } from '../../src/app/db/summaryBuckets';
import { DashboardView } from '../../src/app/features/dashboard/DashboardScreen';
import {
  dashboardFigures,
  dashboardFiguresOfSummaries,
  type DashboardFigures,
} from '../../src/app/features/dashboard/figures';
import { scopeFor } from '../../src/app/features/dashboard/scope';
import {
  dataStamp,
  readSnapshot,
  refreshSnapshot,
  snapshotKey,
} from '../../src/app/features/dashboard/snapshot';
import { viewData } from '../../src/app/db';
import type { Session } from '../../src/app/session/types';
import { chunksOf } from '../../src/app/db/recordChunks';
import type { EntityRow } from '../../src/app/db/rows';
import type { CommuneSize } from '../../src/domain/generate';
import { loadCommune } from './communeDb';
import { vault } from '../../src/app/db/vault';

// The device's rows are sealed as on a phone (app/db/sealedRows.ts), under a key of this page's.
await vault.open(crypto.getRandomValues(new Uint8Array(32)));

export interface Timings {
  /** Opening the screen: the kept figures read from db.meta, then rendered. */
  openMs: number[];
  /**
   * After one edit, in a page that has parsed no summary yet (cold: just opened): marked
   * summaries made again, all summaries read, added up, rendered.
   */
  updateMs: number[];
  readMs: number[];
  computeMs: number[];
  renderMs: number[];
  /** The same, whole, in a page that already showed the dashboard (unchanged buckets parsed). */
  warmMs: number[];
}

export interface DashboardPageResult {
  records: number;
  loadMs: number;
  rebuildMs: number;
  /** The old way, once: every row read, then computed. */
  rowsReadMs: number;
  rowsComputeMs: number;
  commune: Timings;
  village: Timings;
  /** 2,000 members written as chunks in one transaction, with and without the middleware. */
  pagePutMs: { with: number[]; without: number[] };
}

const TODAY = '2027-06-15';

async function pagePutCost(
  members: readonly object[],
  runs: number,
): Promise<DashboardPageResult['pagePutMs']> {
  const withMw = new TungNhaDb('bench-page-with');
  const without = new Dexie('bench-page-without');
  for (const v of VERSIONS) without.version(v.version).stores(v.stores);
  const out: DashboardPageResult['pagePutMs'] = { with: [], without: [] };
  const page = (run: number) =>
    members.slice(run * 2000, run * 2000 + 2000).map((m) => ({ ...m, _clocks: {} }));
  for (let run = 0; run < runs; run++) {
    const both: [Dexie, number[]][] = [
      [withMw, out.with],
      [without, out.without],
    ];
    if (run % 2) both.reverse(); // each goes first half of the time
    for (const [d, list] of both) {
      const rows = page(run);
      const t0 = performance.now();
      await d.transaction('rw', [d.table('meta'), d.table('outbox'), d.table('memberChunks')], () =>
        d.table('memberChunks').bulkAdd(chunksOf(rows as EntityRow[])),
      );
      list.push(performance.now() - t0);
    }
  }
  withMw.close();
  without.close();
  await Promise.all([withMw.delete(), without.delete()]);
  return out;
}

async function run(opts: {
  seed: number;
  runs: number;
  size?: CommuneSize;
}): Promise<DashboardPageResult> {
  const { commune, loadMs, records } = await loadCommune(db, opts.seed, {
    mentorships: 20_000,
    size: opts.size,
  });
  const pagePutMs = await pagePutCost(commune.members, 16);
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
  const show = (figures: DashboardFigures, scopeValue: string) => {
    flushSync(() =>
      root.render(
        <DashboardView
          session={session}
          figures={figures}
          today={TODAY}
          scopeValue={scopeValue}
          onScope={() => undefined}
        />,
      ),
    );
    if (!document.querySelector('[data-testid="indicator-adultsSmartphone"]'))
      throw new Error('dashboard did not render');
  };

  const r0 = performance.now();
  await updateSummaries();
  const rebuildMs = performance.now() - r0;

  const o0 = performance.now();
  const rows = await viewData();
  const o1 = performance.now();
  const fromRows = dashboardFigures(rows, 'commune', TODAY);
  const rowsComputeMs = performance.now() - o1;
  const rowsReadMs = o1 - o0;

  let edit = 0;
  const editOne = async () => {
    const m = commune.members[edit++ * 97];
    if (!m) throw new Error('no member');
    await writeAll([{ entity: 'member', id: m.id, fields: { smartphone: !m.smartphone } }]);
  };
  const recompute = async (scopeValue: string) => {
    flushSync(() => root.render(null));
    const t0 = performance.now();
    await updateSummaries();
    const t1 = performance.now();
    const [{ households, mentors }, targets] = await Promise.all([
      readSummaries(),
      db.targets.toArray(),
    ]);
    const t2 = performance.now();
    const figures = dashboardFiguresOfSummaries(
      households,
      mentors,
      targets as never,
      scopeFor(session, scopeValue),
      TODAY,
    );
    const t3 = performance.now();
    show(figures, scopeValue);
    return { update: t1 - t0, read: t2 - t1, compute: t3 - t2, render: performance.now() - t3 };
  };
  const time = async (scopeValue: string): Promise<Timings> => {
    const t: Timings = {
      openMs: [],
      updateMs: [],
      readMs: [],
      computeMs: [],
      renderMs: [],
      warmMs: [],
    };
    const scope = scopeFor(session, scopeValue);
    for (let i = 0; i < opts.runs; i++) {
      await editOne();
      forgetParsedBuckets();
      const cold = await recompute(scopeValue);
      t.updateMs.push(cold.update);
      t.readMs.push(cold.read);
      t.computeMs.push(cold.compute);
      t.renderMs.push(cold.render);
      await editOne();
      const warm = await recompute(scopeValue);
      t.warmMs.push(warm.update + warm.read + warm.compute + warm.render);
    }
    const key = snapshotKey(session.user.id, scopeValue);
    await refreshSnapshot(key, scope, TODAY, await dataStamp());
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
  const communeTimings = await time('all');
  // The figures from summaries equal those from the rows (the edits since are undone first).
  for (let i = 0; i < edit; i++) {
    const m = commune.members[i * 97];
    if (m) await writeAll([{ entity: 'member', id: m.id, fields: { smartphone: m.smartphone } }]);
  }
  await updateSummaries();
  const { households, mentors } = await readSummaries();
  const again = dashboardFiguresOfSummaries(households, mentors, [], 'commune', TODAY);
  if (JSON.stringify(again) !== JSON.stringify(fromRows))
    throw new Error('figures from summaries differ from figures from rows');
  const result = {
    records,
    loadMs,
    rebuildMs,
    rowsReadMs,
    rowsComputeMs,
    commune: communeTimings,
    village: await time(commune.villages[0]?.id ?? 'all'),
    pagePutMs,
  };
  root.unmount();
  return result;
}

(window as unknown as { runDashboardBench: typeof run }).runDashboardBench = run;
document.title = 'ready';
