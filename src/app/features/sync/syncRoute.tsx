import { lazy, type ReactNode } from 'react';
const SyncScreen = lazy(() => import('./SyncScreen').then((m) => ({ default: m.SyncScreen })));

/** The sync screen's path: /dong-bo ("đồng bộ"). */
export function syncRoute(path: string): ReactNode | null {
  return path === '/dong-bo' ? <SyncScreen /> : null;
}
