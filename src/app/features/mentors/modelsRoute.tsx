import { lazy, type ReactNode } from 'react';
import { matchPath } from '../../platform/router';
const DigitalIdScreen = lazy(() =>
  import('../digitalid/DigitalIdScreen').then((m) => ({ default: m.DigitalIdScreen })),
);
const GdsScreen = lazy(() => import('../gds/GdsScreen').then((m) => ({ default: m.GdsScreen })));
const EditTraderScreen = lazy(() =>
  import('../traders/TraderFormScreen').then((m) => ({ default: m.EditTraderScreen })),
);
const NewTraderScreen = lazy(() =>
  import('../traders/TraderFormScreen').then((m) => ({ default: m.NewTraderScreen })),
);
const TradersScreen = lazy(() =>
  import('../traders/TradersScreen').then((m) => ({ default: m.TradersScreen })),
);
const MentorScreen = lazy(() =>
  import('./MentorScreen').then((m) => ({ default: m.MentorScreen })),
);
const MentorsScreen = lazy(() =>
  import('./MentorsScreen').then((m) => ({ default: m.MentorsScreen })),
);

/** The routes of the movement's models; null when the path is not one of them. */
export function modelsRoute(path: string): ReactNode | null {
  let p: Record<string, string> | null;
  if (path === '/dai-su-so') return <MentorsScreen />;
  if ((p = matchPath('/dai-su-so/:id', path))) return <MentorScreen key={path} id={p.id ?? ''} />;
  if (path === '/gia-dinh-so') return <GdsScreen />;
  if (path === '/cho-so-4t') return <TradersScreen />;
  if ((p = matchPath('/cho-so-4t/ho/:householdId/moi', path)))
    return <NewTraderScreen key={path} householdId={p.householdId ?? ''} />;
  if ((p = matchPath('/cho-so-4t/:id/sua', path)))
    return <EditTraderScreen key={path} id={p.id ?? ''} />;
  if (path === '/danh-tinh-so') return <DigitalIdScreen />;
  return null;
}
