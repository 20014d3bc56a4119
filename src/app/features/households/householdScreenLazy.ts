import { preloadable } from '../../platform/preloadable';

/** The household page, loaded when first needed, or ahead of time by the QR scanner. */
export const lazyHouseholdScreen = preloadable(() =>
  import('./HouseholdScreen').then((m) => m.HouseholdScreen),
);
