import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startIndexer } from './db';
import { browserConnectivity } from './platform/connectivity';
import { startPlatform } from './platform/start';
import { startSync } from './sync/runtime';
import './ui/app.css';

// The composition root: the only place that starts the app's parts, lower rooms first.
startPlatform();
startIndexer();
startSync(browserConnectivity);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
