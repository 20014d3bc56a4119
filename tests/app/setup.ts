// IndexedDB for Dexie under jsdom; each test file gets a fresh in-memory implementation.
import 'fake-indexeddb/auto';
