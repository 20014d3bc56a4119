import type { Day } from '../../../domain/calendar';
import type { ViewData } from '../../../domain/reportData';
import type { Scope } from '../../../domain/reportScope';
import { device, meta, metaKey, summaries, targets } from '../../db';
import { dashboardFiguresOfSummaries, type DashboardFigures } from './figures';

/**
 * The dashboard's last figures, kept on the device per user and scope, with a stamp of the data
 * they were computed from. Opening the dashboard shows them at once; when the stamp or the day has
 * changed, the figures are recomputed and replace the snapshot. Recomputing does not read the
 * commune's 200,000 rows (seconds on a phone): it adds up the per-household and per-mentor
 * summaries that app/db's indexer keeps current after each write (figuresNow).
 */
export interface Snapshot {
  stamp: string;
  today: Day;
  figures: DashboardFigures;
}

const isSnapshot = (v: unknown): v is Snapshot =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Snapshot).stamp === 'string' &&
  typeof (v as Snapshot).today === 'string' &&
  typeof (v as Snapshot).figures === 'object';

const snapshotEntry = (key: string) =>
  metaKey<Snapshot>(key, (v) => (isSnapshot(v) ? v : undefined));

export const snapshotKey = (userId: string, scopeValue: string) =>
  `views.dashboard.${userId}.${scopeValue}`;

/**
 * Changes whenever what the figures are made of changes: the indexer's stamp (new each time it
 * writes summaries, so figures made before it caught up are made again after), the targets, and
 * the device's position (its clock and sync cursor).
 */
export async function dataStamp(): Promise<string> {
  const [index, targetCount, position] = await Promise.all([
    summaries.stamp(),
    targets.count(),
    device.position(),
  ]);
  return JSON.stringify([index ?? null, targetCount, position]);
}

export async function readSnapshot(key: string): Promise<Snapshot | null> {
  return (await meta.get(snapshotEntry(key))) ?? null;
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
    await meta.put(snapshotEntry(key), { stamp, today, figures });
  })().finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

/** Current figures: the summaries as the indexer last made them, added up with the targets. */
export async function figuresNow(scope: Scope, today: Day): Promise<DashboardFigures> {
  const [{ households, mentors }, goals] = await Promise.all([summaries.read(), targets.all()]);
  return dashboardFiguresOfSummaries(
    households,
    mentors,
    goals as ViewData['targets'],
    scope,
    today,
  );
}
