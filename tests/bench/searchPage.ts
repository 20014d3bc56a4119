/**
 * Runs inside Chromium (served by Vite from tests/bench/search.html): loads the generated commune
 * into a fresh device database through the same Dexie tables and search index the app uses,
 * then times the app's own search function over a set of realistic queries.
 */
import {
  generateCommune,
  seededRandom,
  type CommuneSize,
  type GeneratedCommune,
} from '../../src/domain/generate';
import { normalizeText } from '../../src/domain/normalize';
import { TungNhaDb } from '../../src/app/db/db';
import { putRecords } from '../../src/app/db/recordChunks';
import { updateSummaries } from '../../src/app/db/summaries';
import { searchField } from '../../src/app/db/search';
import { vault } from '../../src/app/db/vault';

// The device's rows are sealed as on a phone (app/db/sealedRows.ts), under a key of this page's.
await vault.open(crypto.getRandomValues(new Uint8Array(32)));

export interface SearchPageResult {
  rows: { households: number; members: number; visits: number };
  loadMs: number;
  queries: number;
  timesMs: number[];
  slowest: [query: string, ms: number][];
}

let loaded: { db: TungNhaDb; c: GeneratedCommune; loadMs: number } | null = null;

/**
 * Fills a fresh device database with the generated commune and makes its search entries, as a
 * first sync does (kept for further query rounds).
 */
async function load(seed: number, size?: CommuneSize) {
  const db = new TungNhaDb(`bench-search-${Date.now()}`);
  const c = generateCommune(seed, size);
  const t0 = performance.now();
  const rows = <T extends object>(list: T[]) => list.map((r) => ({ ...r, _clocks: {} }));
  for (let i = 0; i < c.households.length; i += 5000)
    await db.households.bulkPut(rows(c.households.slice(i, i + 5000)) as never);
  for (let i = 0; i < c.members.length; i += 5000)
    await putRecords(db.memberChunks, rows(c.members.slice(i, i + 5000)) as never, () => true);
  for (let i = 0; i < c.visits.length; i += 5000)
    await putRecords(db.visitChunks, rows(c.visits.slice(i, i + 5000)) as never, () => true);
  await updateSummaries(undefined, db); // the search entries (and summaries), made once
  loaded = { db, c, loadMs: performance.now() - t0 };
  return loaded;
}

/** One round of timed queries over the loaded commune; `keep` leaves it loaded for another. */
async function run(opts: {
  queries: number;
  seed: number;
  keep?: boolean;
  size?: CommuneSize;
}): Promise<SearchPageResult> {
  const { db, c, loadMs } = loaded ?? (await load(opts.seed, opts.size));

  // What volunteers type: full names and name starts without diacritics, "surname + given name",
  // a given name alone, an address, a phone prefix, and some names that are not there.
  const rnd = seededRandom(opts.seed + 1);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)] as T;
  const makers: (() => string)[] = [
    () => normalizeText(pick(c.members).name),
    () => normalizeText(pick(c.members).name).split(' ').slice(0, 2).join(' '),
    () => {
      const w = normalizeText(pick(c.members).name).split(' ');
      return `${w[0]} ${w.at(-1)}`;
    },
    () => normalizeText(pick(c.members).name).split(' ').at(-1) ?? 'an',
    () => normalizeText(pick(c.households).address).split(' ').slice(2, 5).join(' '),
    () => (pick(c.households.filter((h) => h.phone)).phone ?? '09').slice(0, 6),
    () => 'nguyen van',
    () => `tran thi ${pick(['hoa', 'lan', 'mai', 'xuan'])}`,
    () => 'khong co ai ten nay',
  ];
  const queries = Array.from({ length: opts.queries }, (_, i) => makers[i % makers.length]!());
  for (const q of queries.slice(0, 20)) await searchField(db, q); // warm up
  const timesMs: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    await searchField(db, q);
    timesMs.push(performance.now() - s);
  }
  if (!opts.keep) {
    db.close();
    await db.delete();
    loaded = null;
  }
  return {
    rows: { households: c.households.length, members: c.members.length, visits: c.visits.length },
    loadMs,
    queries: queries.length,
    timesMs,
    slowest: queries
      .map((q, i) => [q, timesMs[i] ?? 0] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15),
  };
}

(window as unknown as { runSearchBench: typeof run }).runSearchBench = run;
document.title = 'ready';
