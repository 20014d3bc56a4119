import { Suspense } from 'react';
import { SessionGate } from './features/auth/SessionGate';
import { fieldRoute } from './features/field/fieldRoute';
import { HomeScreen } from './features/home/HomeScreen';
import { qrRoute } from './features/qr/qrRoute';
import { syncRoute } from './features/sync/syncRoute';
import { viewsRoute } from './features/dashboard/viewsRoute';
import { modelsRoute } from './features/mentors/modelsRoute';
import { usePath } from './platform/router';
import { StatusBar } from './ui/StatusBar';
import { StorageFullAlert } from './ui/StorageFullAlert';
import { UpdatePrompt } from './ui/UpdatePrompt';
import { NotFound } from './ui/NotFound';
import { ScreenError } from './ui/ScreenError';

export function App() {
  const path = usePath();
  return (
    <div className="app">
      <StatusBar />
      <UpdatePrompt />
      <StorageFullAlert />
      <main className="screen">
        <SessionGate>
          <ScreenError key={path}>
            <Suspense fallback={<p className="muted">Đang mở…</p>}>
              {path === '/' ? (
                <HomeScreen />
              ) : (
                (fieldRoute(path) ??
                qrRoute(path) ??
                syncRoute(path) ??
                viewsRoute(path) ??
                modelsRoute(path) ?? <NotFound />)
              )}
            </Suspense>
          </ScreenError>
        </SessionGate>
      </main>
    </div>
  );
}
