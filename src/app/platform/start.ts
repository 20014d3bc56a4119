import { useUi } from '../state/ui';
import { browserConnectivity } from './connectivity';
import { registerServiceWorker, type ServiceWorkerAdapter } from './serviceWorker';
import { requestPersistentStorage } from './storage';

let sw: ServiceWorkerAdapter | null = null;

/** Wires the browser adapters to UI state once, at start (main.tsx). */
export function startPlatform() {
  const ui = useUi.getState();
  const syncOnline = () => ui.setOnline(browserConnectivity.isOnline());
  browserConnectivity.subscribe(syncOnline);
  syncOnline();

  sw = registerServiceWorker();
  sw?.onUpdateAvailable(() => useUi.getState().setUpdateAvailable());

  void requestPersistentStorage().then((s) => ui.setStorage(s));
}

/** Reloads into the waiting version; callers make sure no form is half-filled first. */
export function applyUpdate() {
  sw?.applyUpdate();
}
