import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { device, households, startIndexer, startSealer } from './db';
import { browserConnectivity } from './platform/connectivity';
import { startPlatform } from './platform/start';
import { startSync } from './sync/runtime';
import './ui/app.css';

// The composition root: the only place that starts the app's parts, lower rooms first.
startPlatform();
startIndexer();
startSealer();
startSync(browserConnectivity);

// For end-to-end tests and the bench: what the unlocked app itself reads (on disk it is sealed).
declare global {
  interface Window {
    __tungNhaDevice?: {
      lastSyncAt(): Promise<number | undefined>;
      householdNames(): Promise<string[]>;
    };
  }
}
window.__tungNhaDevice = {
  lastSyncAt: () => device.lastSyncAt(),
  householdNames: async () => (await households.all()).map((h) => h.headName),
};

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
