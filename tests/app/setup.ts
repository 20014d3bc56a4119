// IndexedDB for Dexie under jsdom; each test file gets a fresh in-memory implementation.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { vault } from '../../src/app/db/vault';

// The device's data is sealed (app/db/sealedRows.ts): tests run unlocked, with a key of their own,
// unless they lock it themselves (a wipe closes it; the next test opens it again).
beforeEach(async () => {
  if (!vault.isOpen()) await vault.open(crypto.getRandomValues(new Uint8Array(32)));
});

// Every rendered screen is unmounted after its test, so no React work outlives the jsdom window.
afterEach(cleanup);
