import Dexie, { type ObservabilitySet } from 'dexie';
import { useIndexing } from '../state/indexing';
import { db as defaultDb, type TungNhaDb } from './db';
import { vault } from './vault';

/**
 * The write side's indexer: keeps the dashboard's summaries and the search's entries current.
 * Every write and pulled page leaves marks of the households and mentors it touched
 * (summaryDirty.ts); after any change to the tables that leave marks, the indexer makes those
 * summaries and entries again (summaries.ts), one run at a time, and publishes a full rebuild's
 * progress through app/state. Screens only read what it made: reading never writes.
 *
 * The sync engine holds it while pulling pages, so a first sync is not slowed by rebuilds of a
 * half-pulled commune; on release it catches up once.
 *
 * The summaries' code (and the domain's indicators behind it) loads on the first run, not with
 * the first screen: the login screen does not need it (first-screen JS budget, ARCHITECTURE.md).
 */
const summariesCode = () => import('./summaries');

const SOURCE_TABLES = ['households', 'memberChunks', 'visitChunks', 'mentorships'];

let holds = 0;
let started: TungNhaDb | null = null;
let wanted = false;
let running: Promise<void> | null = null;

const hasMarks = (db: TungNhaDb) =>
  db.summaryDirty.count().then(
    (n) => n > 0,
    () => false, // a wiped or closed database
  );

const report = (p: { done: number; total: number } | null) => useIndexing.getState().report(p);

/** Runs until no change is waiting; a change during a run asks for one more run. */
function drain(db: TungNhaDb): Promise<void> {
  if (running) return running;
  running = (async () => {
    while (wanted && holds === 0) {
      wanted = false;
      if (!(await hasMarks(db))) continue; // a fresh device: nothing to make, no code to load
      if (!vault.isOpen()) continue; // locked: the vault's opening schedules a run
      const { updateSummaries } = await summariesCode();
      await updateSummaries(report, db).catch(() => undefined); // a wiped or closed database
    }
  })().finally(() => {
    running = null;
    report(null);
  });
  return running;
}

function schedule(db: TungNhaDb) {
  wanted = true;
  if (holds === 0) void drain(db);
}

/** Starts the indexer over the app's database: once, at start. Returns the stop function. */
export function startIndexer(db: TungNhaDb = defaultDb): () => void {
  if (started) return () => undefined;
  started = db;
  const prefixes = SOURCE_TABLES.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    if ('all' in parts || Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p))))
      schedule(db);
  };
  Dexie.on.storagemutated.subscribe(listener);
  const stopWatchingVault = vault.subscribe((open) => open && schedule(db));
  schedule(db); // marks left by an earlier run, an upgrade or a first open
  return () => {
    Dexie.on.storagemutated.unsubscribe(listener);
    stopWatchingVault();
    started = null;
  };
}

/** Pauses the indexer (the sync engine, while it pulls); the returned function releases it. */
export function holdIndexer(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds === 0 && started && wanted) void drain(started);
  };
}

/**
 * Brings every summary and search entry up to date now and resolves when they are: what the
 * running indexer does after a change, for a database it may not watch (tests, benchmarks).
 */
export async function catchUp(db: TungNhaDb = defaultDb): Promise<void> {
  const { updateSummaries } = await summariesCode();
  return updateSummaries(report, db);
}
