import { useSyncExternalStore } from 'react';
import { updateSummaries, type RebuildProgress } from '../../db/summaries';
import { formatProgress } from '../../ui/format';

/**
 * How far the one-time rebuild of the dashboard's summaries has gone (a fresh device after its
 * first sync): null when none is running. Set by snapshot.ts, shown by the dashboard.
 */
let current: RebuildProgress | null = null;
const listeners = new Set<() => void>();

export function setRebuildProgress(p: RebuildProgress | null): void {
  current = p && p.done >= p.total ? null : p;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useRebuildProgress(): RebuildProgress | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** "Đang tính lại số liệu… 40%" */
export function rebuildLabel(p: RebuildProgress): string {
  return `Đang tính lại số liệu… ${formatProgress(p.done, p.total)}`;
}

/**
 * After a sync brought rows: bring the summaries up to date now, in the background, so that the
 * dashboard opens on current figures (a fresh device's one-time rebuild takes seconds).
 */
export function refreshSummariesInBackground(): Promise<void> {
  return updateSummaries(setRebuildProgress)
    .catch(() => undefined) // a wiped device (revoked) or a closed database: the next open redoes it
    .finally(() => setRebuildProgress(null));
}
