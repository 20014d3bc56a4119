import { lazy, type ComponentType } from 'react';

/**
 * React.lazy that can be loaded ahead of time. Once preload() has finished, rendering the
 * component never suspends (React resolves a lazy whose thenable calls back at once), so a screen
 * opened right after, such as a household after a QR decode, shows without a Suspense fallback
 * (React reveals a suspended boundary no sooner than ~300 ms after its fallback showed).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  // A failed load (offline, chunk not cached) is forgotten, so the next attempt tries again.
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  const Component = lazy(() => {
    const ready = loaded;
    if (!ready) return preload().then((c) => ({ default: c }));
    // A thenable that calls back at once: React's lazy then renders without suspending.
    const now = {
      then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: ready }),
    };
    return now as unknown as Promise<{ default: ComponentType<P> }>;
  });
  return { Component, preload };
}
