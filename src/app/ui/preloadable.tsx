import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded screen that can be fetched ahead of time. Once preload() has finished, the
 * screen renders directly (no Suspense fallback, which React reveals no sooner than ~300 ms), so a
 * household opened right after a QR decode shows at once.
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
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Preloadable, preload };
}
