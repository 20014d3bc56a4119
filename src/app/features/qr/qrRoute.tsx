import { lazy, type ReactNode } from 'react';
import { matchPath } from '../../platform/router';
const BlankSheetScreen = lazy(() =>
  import('./BlankSheetScreen').then((m) => ({ default: m.BlankSheetScreen })),
);
const OpenLinkScreen = lazy(() =>
  import('./OpenLinkScreen').then((m) => ({ default: m.OpenLinkScreen })),
);
const ScanScreen = lazy(() => import('./ScanScreen').then((m) => ({ default: m.ScanScreen })));
const StickerSheetScreen = lazy(() =>
  import('./StickerSheetScreen').then((m) => ({ default: m.StickerSheetScreen })),
);

/** The QR sticker routes; null when the path is not one of them. */
export function qrRoute(path: string): ReactNode | null {
  let p: Record<string, string> | null;
  if (path === '/quet') return <ScanScreen />;
  if (path === '/in-ma-trong') return <BlankSheetScreen />;
  if ((p = matchPath('/in-ma/:villageId', path)))
    return <StickerSheetScreen key={path} villageId={p.villageId ?? ''} />;
  if (matchPath('/h/:commune/:code', path)) return <OpenLinkScreen key={path} path={path} />;
  return null;
}
