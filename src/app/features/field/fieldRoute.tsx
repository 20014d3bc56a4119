import { lazy, type ReactNode } from 'react';
import { matchPath } from '../../platform/router';
import { lazyHouseholdScreen } from '../households/householdScreenLazy';

const SkillsScreen = lazy(() =>
  import('../members/SkillsScreen').then((m) => ({ default: m.SkillsScreen })),
);
const EditHouseholdScreen = lazy(() =>
  import('../households/HouseholdFormScreen').then((m) => ({ default: m.EditHouseholdScreen })),
);
const NewHouseholdScreen = lazy(() =>
  import('../households/HouseholdFormScreen').then((m) => ({ default: m.NewHouseholdScreen })),
);
const HouseholdScreen = lazyHouseholdScreen.Component;
const VillageScreen = lazy(() =>
  import('../households/VillageScreen').then((m) => ({ default: m.VillageScreen })),
);
const EditMemberScreen = lazy(() =>
  import('../members/MemberFormScreen').then((m) => ({ default: m.EditMemberScreen })),
);
const NewMemberScreen = lazy(() =>
  import('../members/MemberFormScreen').then((m) => ({ default: m.NewMemberScreen })),
);
const SearchScreen = lazy(() =>
  import('../search/SearchScreen').then((m) => ({ default: m.SearchScreen })),
);
const CorrectVisitScreen = lazy(() =>
  import('../visits/VisitFormScreen').then((m) => ({ default: m.CorrectVisitScreen })),
);
const NewVisitScreen = lazy(() =>
  import('../visits/VisitFormScreen').then((m) => ({ default: m.NewVisitScreen })),
);

/** The field-work routes; null when the path is not one of them. */
export function fieldRoute(path: string): ReactNode | null {
  let p: Record<string, string> | null;
  if (path === '/tim') return <SearchScreen />;
  if (path === '/ky-nang') return <SkillsScreen />;
  if (path === '/ho/moi') return <NewHouseholdScreen />;
  if ((p = matchPath('/thon/:villageId/them-ho', path)))
    return <NewHouseholdScreen key={path} villageId={p.villageId} />;
  if ((p = matchPath('/thon/:villageId', path)))
    return <VillageScreen key={path} villageId={p.villageId ?? ''} />;
  if ((p = matchPath('/ho/:id/sua', path)))
    return <EditHouseholdScreen key={path} id={p.id ?? ''} />;
  if ((p = matchPath('/ho/:id/ghi-luot', path)))
    return <NewVisitScreen key={path} householdId={p.id ?? ''} />;
  if ((p = matchPath('/ho/:id/thanh-vien/moi', path)))
    return <NewMemberScreen key={path} householdId={p.id ?? ''} />;
  if ((p = matchPath('/ho/:id', path))) return <HouseholdScreen key={path} id={p.id ?? ''} />;
  if ((p = matchPath('/thanh-vien/:id/sua', path)))
    return <EditMemberScreen key={path} id={p.id ?? ''} />;
  if ((p = matchPath('/luot/:id/sua', path)))
    return <CorrectVisitScreen key={path} visitId={p.id ?? ''} />;
  return null;
}
