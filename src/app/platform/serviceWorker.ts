import { Workbox } from 'workbox-window';

/** The service worker, behind a small interface so features and tests never touch workbox directly. */
export interface ServiceWorkerAdapter {
  /** Calls back once a new version has been downloaded and waits for the user's go-ahead. */
  onUpdateAvailable(cb: () => void): void;
  /** Activates the waiting version and reloads the page once it controls it. */
  applyUpdate(): void;
}

export function registerServiceWorker(url = '/sw.js'): ServiceWorkerAdapter | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null;
  const wb = new Workbox(url, { scope: '/' });
  const listeners: (() => void)[] = [];
  let waiting = false;
  wb.addEventListener('waiting', () => {
    waiting = true;
    listeners.forEach((cb) => cb());
  });
  void wb.register();
  // Look for a new version whenever the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
  });
  return {
    onUpdateAvailable(cb) {
      listeners.push(cb);
      if (waiting) cb();
    },
    applyUpdate() {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    },
  };
}

/**
 * A logout's answer has the browser clear the origin's storage (Clear-Site-Data), which takes the
 * service worker with it: it is installed again at once, while online, so the app still opens
 * without a network after the next login. Does nothing when a worker is registered.
 */
export async function reinstallServiceWorker(url = '/sw.js'): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || import.meta.env.DEV)
    return;
  try {
    if (await navigator.serviceWorker.getRegistration('/')) return;
    await navigator.serviceWorker.register(url, { scope: '/' });
  } catch {
    // offline or refused: the next load registers it
  }
}
