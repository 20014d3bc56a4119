// IndexedDB for Dexie under jsdom; each test file gets a fresh in-memory implementation.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Every rendered screen is unmounted after its test, so no React work outlives the jsdom window.
afterEach(cleanup);
