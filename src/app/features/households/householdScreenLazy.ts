import { preloadable } from '../../ui/preloadable';

/** The household page, loaded on first use; the QR scanner preloads it so a scan opens it at once. */
export const lazyHouseholdScreen = preloadable(() =>
  import('./HouseholdScreen').then((m) => m.HouseholdScreen),
);
