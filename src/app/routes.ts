import type { ComponentType } from 'react';
import { HomeScreen } from './features/home/HomeScreen';
import { lazyHouseholdScreen } from './features/households/householdScreenLazy';
import { matchPattern, type PathParams } from './platform/router';
import { preloadable } from './ui/preloadable';

// Modules shown under two paths: one lazy component each.
const NewHouseholdScreen = preloadable(() =>
  import('./features/households/HouseholdFormScreen').then((m) => m.NewHouseholdScreen),
);
const DashboardScreen = preloadable(() =>
  import('./features/dashboard/DashboardScreen').then((m) => m.DashboardScreen),
);

/**
 * Every screen of the app, as data: its name, its path pattern and the component that draws it.
 * A screen receives the pattern's parameters as its props (typed: '/ho/:id' passes { id }), and
 * links are built from the same patterns with href() from platform/router. Adding a screen is one
 * entry here and one folder in features/.
 *
 * The paths are fixed: QR stickers open /h/<commune>/<code>, and the service worker answers every
 * navigation with the app, so an old link must keep opening the same screen. A path opens the
 * first entry it fits, so a fixed path comes before a pattern it would also fit (/ho/moi before
 * /ho/:id); tests/app/routes.test.ts opens every entry by a link built to it, so none is hidden.
 */
export const routes = {
  home: route('/', HomeScreen),
  search: route(
    '/tim',
    preloadable(() => import('./features/search/SearchScreen').then((m) => m.SearchScreen)),
  ),
  skills: route(
    '/ky-nang',
    preloadable(() => import('./features/members/SkillsScreen').then((m) => m.SkillsScreen)),
  ),

  newHousehold: route('/ho/moi', NewHouseholdScreen),
  newHouseholdInVillage: route('/thon/:villageId/them-ho', NewHouseholdScreen),
  village: route(
    '/thon/:villageId',
    preloadable(() => import('./features/households/VillageScreen').then((m) => m.VillageScreen)),
  ),
  household: route('/ho/:id', lazyHouseholdScreen),
  editHousehold: route(
    '/ho/:id/sua',
    preloadable(() =>
      import('./features/households/HouseholdFormScreen').then((m) => m.EditHouseholdScreen),
    ),
  ),
  newMember: route(
    '/ho/:householdId/thanh-vien/moi',
    preloadable(() => import('./features/members/MemberFormScreen').then((m) => m.NewMemberScreen)),
  ),
  editMember: route(
    '/thanh-vien/:id/sua',
    preloadable(() =>
      import('./features/members/MemberFormScreen').then((m) => m.EditMemberScreen),
    ),
  ),
  newVisit: route(
    '/ho/:householdId/ghi-luot',
    preloadable(() => import('./features/visits/VisitFormScreen').then((m) => m.NewVisitScreen)),
  ),
  correctVisit: route(
    '/luot/:visitId/sua',
    preloadable(() =>
      import('./features/visits/VisitFormScreen').then((m) => m.CorrectVisitScreen),
    ),
  ),

  scan: route(
    '/quet',
    preloadable(() => import('./features/qr/ScanScreen').then((m) => m.ScanScreen)),
  ),
  blankSheet: route(
    '/in-ma-trong',
    preloadable(() => import('./features/qr/BlankSheetScreen').then((m) => m.BlankSheetScreen)),
  ),
  stickerSheet: route(
    '/in-ma/:villageId',
    preloadable(() => import('./features/qr/StickerSheetScreen').then((m) => m.StickerSheetScreen)),
  ),
  openLink: route(
    '/h/:commune/:code',
    preloadable(() => import('./features/qr/OpenLinkScreen').then((m) => m.OpenLinkScreen)),
  ),

  sync: route(
    '/dong-bo',
    preloadable(() => import('./features/sync/SyncScreen').then((m) => m.SyncScreen)),
  ),

  dashboard: route('/tong-quan', DashboardScreen),
  activity: route('/hoat-dong', DashboardScreen),
  todo: route(
    '/viec-can-lam',
    preloadable(() => import('./features/todo/TodoScreen').then((m) => m.TodoScreen)),
  ),
  report: route(
    '/bao-cao',
    preloadable(() => import('./features/reports/ReportScreen').then((m) => m.ReportScreen)),
  ),
  targets: route(
    '/chi-tieu',
    preloadable(() => import('./features/targets/TargetsScreen').then((m) => m.TargetsScreen)),
  ),

  mentors: route(
    '/dai-su-so',
    preloadable(() => import('./features/mentors/MentorsScreen').then((m) => m.MentorsScreen)),
  ),
  mentor: route(
    '/dai-su-so/:id',
    preloadable(() => import('./features/mentors/MentorScreen').then((m) => m.MentorScreen)),
  ),
  gds: route(
    '/gia-dinh-so',
    preloadable(() => import('./features/gds/GdsScreen').then((m) => m.GdsScreen)),
  ),
  traders: route(
    '/cho-so-4t',
    preloadable(() => import('./features/traders/TradersScreen').then((m) => m.TradersScreen)),
  ),
  newTrader: route(
    '/cho-so-4t/ho/:householdId/moi',
    preloadable(() => import('./features/traders/TraderFormScreen').then((m) => m.NewTraderScreen)),
  ),
  editTrader: route(
    '/cho-so-4t/:id/sua',
    preloadable(() =>
      import('./features/traders/TraderFormScreen').then((m) => m.EditTraderScreen),
    ),
  ),
  digitalId: route(
    '/danh-tinh-so',
    preloadable(() =>
      import('./features/digitalid/DigitalIdScreen').then((m) => m.DigitalIdScreen),
    ),
  ),

  // Drawn by the session gate (features/auth/SessionGate.tsx), around or instead of the table's
  // screens; listed so that links to them are typed and a path is never both a screen and gated.
  login: route('/dang-nhap', null),
  setup: route('/thiet-lap', null),
  admin: route('/quan-ly', null),
};

export type RouteName = keyof typeof routes;
export type RoutePath = (typeof routes)[RouteName]['path'];

declare module './platform/router' {
  interface RouteRegistry {
    paths: RoutePath;
  }
}

/** A path resolved to its entry: the screen (null: the session gate's) and its decoded params. */
export interface ResolvedRoute {
  name: RouteName;
  params: Record<string, string>;
  screen: Draw;
}
type Draw = ComponentType<Record<string, string>> | null;

/** The entry a path opens, or null (the app shows "not found"). */
export function resolveRoute(path: string): ResolvedRoute | null {
  for (const name of Object.keys(routes) as RouteName[]) {
    const { path: pattern, screen } = routes[name];
    const params = matchPattern(pattern, path);
    // The matcher returns exactly the pattern's parameters, which is what this screen takes.
    const draw = (screen && 'Component' in screen ? screen.Component : screen) as Draw;
    if (params) return { name, params, screen: draw };
  }
  return null;
}

/** A screen loaded when first opened: its module is its own chunk, and preload() fetches it. */
export interface LazyScreen<Props> {
  Component: ComponentType<Props>;
  preload: () => Promise<unknown>;
}

interface Route<P extends string> {
  readonly path: P;
  /** Null: drawn by the session gate. */
  readonly screen: ComponentType<PathParams<P>> | LazyScreen<PathParams<P>> | null;
}

function route<const P extends string>(path: P, screen: Route<P>['screen']): Route<P> {
  return { path, screen };
}
