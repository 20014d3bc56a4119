import { lazy, Suspense, type ReactNode } from 'react';

/**
 * The leader and commune views, each loaded when first opened (they stay out of the first screen's
 * JavaScript; the service worker precaches their chunks, so they open offline too).
 */
const DashboardScreen = lazy(() =>
  import('./DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
);
const TodoScreen = lazy(() =>
  import('../todo/TodoScreen').then((m) => ({ default: m.TodoScreen })),
);
const ReportScreen = lazy(() =>
  import('../reports/ReportScreen').then((m) => ({ default: m.ReportScreen })),
);
const TargetsScreen = lazy(() =>
  import('../targets/TargetsScreen').then((m) => ({ default: m.TargetsScreen })),
);

function screen(node: ReactNode) {
  return <Suspense fallback={<p className="muted">Đang mở…</p>}>{node}</Suspense>;
}

/** Null when the path is not one of the views. */
export function viewsRoute(path: string): ReactNode | null {
  if (path === '/tong-quan' || path === '/hoat-dong') return screen(<DashboardScreen />);
  if (path === '/viec-can-lam') return screen(<TodoScreen />);
  if (path === '/bao-cao') return screen(<ReportScreen />);
  if (path === '/chi-tieu') return screen(<TargetsScreen />);
  return null;
}
