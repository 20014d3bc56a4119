import type { Day } from '../../../domain/calendar';
import type { ViewData } from '../../../domain/reportData';
import type { Scope } from '../../../domain/reportScope';
import { db } from '../../db/db';
import { countMembers, countVisits } from '../../db/recordChunks';
import { readSummaries, updateSummaries } from '../../db/summaries';
import { dashboardFiguresOfSummaries, type DashboardFigures } from './figures';
import { setRebuildProgress } from './rebuildProgress';

/**
 * The dashboard's last figures, kept in db.meta per user and scope, with a stamp of the data they
 * were computed from. Opening the dashboard shows them at once; when the stamp or the day has
 * changed, the figures are recomputed and replace the snapshot. Recomputing does not read the
 * commune's 200,000 rows (seconds on a phone): the summaries of the households whose rows changed
 * are made again (app/db/summaries.ts), then all summaries are added up (figuresNow).
 */
export interface Snapshot {
  stamp: string;
  today: Day;
  figures: DashboardFigures;
}

export const snapshotKey = (userId: string, scopeValue: string) =>
  `views.dashboard.${userId}.${scopeValue}`;

/** Changes whenever synced data changes: row counts, the device clock, the sync cursor. */
export async function dataStamp(): Promise<string> {
  const counts = await Promise.all([
    db.households.count(),
    countMembers(db),
    countVisits(db),
    db.mentorships.count(),
    db.traders.count(),
    db.targets.count(),
  ]);
  const [clock, cursor] = await Promise.all([db.meta.get('clock'), db.meta.get('sync.cursor')]);
  return JSON.stringify([counts, clock?.value ?? null, cursor?.value ?? null]);
}

export async function readSnapshot(key: string): Promise<Snapshot | null> {
  return ((await db.meta.get(key))?.value as Snapshot | undefined) ?? null;
}

const running = new Map<string, Promise<void>>();

/** Recomputes and keeps the figures; one run per key at a time (a later call waits for it). */
export function refreshSnapshot(
  key: string,
  scope: Scope,
  today: Day,
  stamp: string,
): Promise<void> {
  const inFlight = running.get(key);
  if (inFlight) return inFlight;
  const run = (async () => {
    const figures = await figuresNow(scope, today);
    await db.meta.put({ key, value: { stamp, today, figures } satisfies Snapshot });
  })().finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

/** Current figures: summaries brought up to date (telling a rebuild's progress), then added up. */
export async function figuresNow(scope: Scope, today: Day): Promise<DashboardFigures> {
  try {
    await updateSummaries(setRebuildProgress);
  } finally {
    setRebuildProgress(null);
  }
  const [{ households, mentors }, targets] = await Promise.all([
    readSummaries(),
    db.targets.toArray(),
  ]);
  return dashboardFiguresOfSummaries(
    households,
    mentors,
    targets as ViewData['targets'],
    scope,
    today,
  );
}
