import { Suspense } from 'react';
import { SessionGate } from './features/auth/SessionGate';
import { SyncBadge } from './features/sync/SyncBadge';
import { usePath } from './platform/router';
import { resolveRoute } from './routes';
import { StatusBar } from './ui/StatusBar';
import { StorageFullAlert } from './ui/StorageFullAlert';
import { UpdatePrompt } from './ui/UpdatePrompt';
import { SealingNotice } from './ui/SealingNotice';
import { NotFound } from './ui/NotFound';
import { ScreenError } from './ui/ScreenError';

export function App() {
  const path = usePath();
  return (
    <div className="app">
      <StatusBar>
        <SyncBadge />
      </StatusBar>
      <UpdatePrompt />
      <SealingNotice />
      <StorageFullAlert />
      <main className="screen">
        <SessionGate>
          <ScreenError key={path}>
            <Suspense fallback={<p className="muted">Đang mở…</p>}>
              <Screen path={path} />
            </Suspense>
          </ScreenError>
        </SessionGate>
      </main>
    </div>
  );
}

/** The route table's screen for this path, given the path's parameters (routes.ts). */
function Screen({ path }: { path: string }) {
  const route = resolveRoute(path);
  if (!route) return <NotFound />;
  const { screen: Draw, params } = route;
  return Draw ? <Draw {...params} /> : null;
}
