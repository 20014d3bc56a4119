import {
  summarizeHousehold,
  summarizeMentor,
  type HouseholdSummary,
} from '../../domain/householdSummary';
import type { MentorshipFacts } from '../../domain/mentorship';
import {
  groupBy,
  type HouseholdFacts,
  type MemberFacts,
  type VisitFacts,
} from '../../domain/modelInputs';
import type { Table } from 'dexie';
import { db as defaultDb, type TungNhaDb } from './db';
export { readSummaries } from './summaryBuckets';
import type { ChunkRow, EntityRow } from './rows';
import { allSearchBuckets, updateSearchBuckets } from './searchBuckets';
import { decode, encode, householdBucket, mentorBucket, type Summary } from './summaryBuckets';
import { ALL_DIRTY } from './summaryDirty';
import { asFact } from './villageFacts';
import { INDEX_STAMP_KEY } from './meta';
import { newId } from './ids';
import { CHUNK_SIZE } from './recordChunks';
import { countMembers, countVisits, membersOfHouseholds, visitsOfHouseholds } from './recordTables';

/**
 * The dashboard's per-household and per-mentor summaries (domain/householdSummary.ts), made again
 * only for the households and mentors marked by summaryDirty.ts: after an edit or a pulled page the
 * dashboard reads a few households' rows (through the householdId and mentorId indexes) instead of
 * the whole commune's 200,000. A fresh device (or one upgraded from version 2) has them all to
 * make: that one rebuild reads every row, page by page, yielding to the UI and telling its progress.
 * They are stored in buckets (summaryBuckets.ts), and so are the field search's entries of the
 * same households (searchBuckets.ts), made in the same passes.
 */

/** Above this many marks, one pass over every row is quicker than reading households one by one. */
export const INCREMENTAL_MAX = 2_000;
const PAGE = 5_000;

export interface RebuildProgress {
  done: number;
  total: number;
}

/** The marks waiting: households and mentors, and whether everything must be made again. */
async function readMarks(db: TungNhaDb) {
  const rows = await db.summaryDirty.toArray();
  const marks = new Set<string>();
  for (const r of rows) for (const m of r.marks) marks.add(m);
  return { rows: rows.map((r) => r.id), marks, all: rows.some((r) => r.id === ALL_DIRTY) };
}

const stampIndex = (db: TungNhaDb) => db.meta.put({ key: INDEX_STAMP_KEY.name, value: newId() });

let running: Promise<void> = Promise.resolve();

/**
 * Brings every summary up to date. Calls run one after another (two screens may ask at once);
 * `onProgress` hears a full rebuild's progress.
 */
export function updateSummaries(
  onProgress: (p: RebuildProgress) => void = () => undefined,
  db: TungNhaDb = defaultDb,
): Promise<void> {
  const next = running.then(() => update(db, onProgress));
  running = next.catch(() => undefined);
  return next;
}

async function update(db: TungNhaDb, onProgress: (p: RebuildProgress) => void) {
  const [{ marks, all }, buckets] = await Promise.all([readMarks(db), db.summaryBuckets.count()]);
  // No summary while households exist: data of version 2 (or summaries lost): make them all.
  const none = buckets === 0 && (await db.households.count()) > 0;
  if (none || all || marks.size > INCREMENTAL_MAX) await rebuild(db, onProgress);
  else if (marks.size > 0) await updateMarked(db);
}

/** The marked summaries, made again in ONE transaction with clearing their marks. */
async function updateMarked(db: TungNhaDb) {
  const tables = [db.households, db.memberChunks, db.visitChunks, db.mentorships];
  await db.transaction('rw', [...tables, db.summaryBuckets, db.summaryDirty, db.meta], async () => {
    const { rows, marks } = await readMarks(db);
    const householdIds = [...marks].filter((k) => k.startsWith('h:')).map((k) => k.slice(2));
    const mentorIds = [...marks].filter((k) => k.startsWith('m:')).map((k) => k.slice(2));
    const [homes, members, visits, pairings] = await Promise.all([
      db.households.bulkGet(householdIds),
      membersOfHouseholds(db, householdIds),
      visitsOfHouseholds(db, householdIds),
      db.mentorships.where('mentorId').anyOf(mentorIds).toArray(),
    ]);
    const built = new Map<string, Summary>();
    const present = homes.flatMap((h) => (h ? [h] : []));
    for (const s of summarizeHouseholds(present, members, visits)) built.set(`h:${s.id}`, s);
    const byMentor = groupBy(pairings.map(asFact<MentorshipFacts>), (p) => p.mentorId);
    for (const [id, list] of byMentor) built.set(`m:${id}`, summarizeMentor(id, list));
    const bucketOf = (mark: string) =>
      mark.startsWith('h:') ? householdBucket(mark.slice(2)) : mentorBucket(mark.slice(2));
    const bucketIds = [...new Set([...marks].map(bucketOf))];
    const buckets = await db.summaryBuckets.bulkGet(bucketIds);
    const open = new Map(bucketIds.map((id, i) => [id, decode(buckets[i])]));
    for (const mark of marks) {
      const bucket = open.get(bucketOf(mark));
      const s = built.get(mark);
      if (s) bucket?.set(s.id, s);
      else bucket?.delete(mark.slice(2));
    }
    await db.summaryBuckets.bulkPut([...open].map(([id, list]) => encode(id, list.values())));
    await updateSearchBuckets(db, householdIds, homes, members);
    await db.summaryDirty.bulkDelete(rows);
    await stampIndex(db);
  });
}

/** Summaries of every household that has a row, a member or a visit among those given. */
function summarizeHouseholds(
  homes: EntityRow[],
  members: EntityRow[],
  visits: EntityRow[],
): HouseholdSummary[] {
  const g = groupHouseholds(homes, members, visits);
  return g.ids.map(g.summarize);
}

function groupHouseholds(homes: EntityRow[], members: EntityRow[], visits: EntityRow[]) {
  const membersOf = groupBy(members.map(asFact<MemberFacts>), (m) => m.householdId);
  const visitsOf = groupBy(visits.map(asFact<VisitFacts>), (v) => v.householdId);
  const byId = new Map(homes.map((h) => [h.id, asFact<HouseholdFacts>(h)]));
  return {
    ids: [...new Set([...byId.keys(), ...membersOf.keys(), ...visitsOf.keys()])],
    summarize: (id: string) =>
      summarizeHousehold(id, byId.get(id), membersOf.get(id) ?? [], visitsOf.get(id) ?? []),
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Every row of a table, a page at a time (the UI stays responsive between pages). */
async function readPaged<R extends { id: string }>(
  table: Table<R, string>,
  pageSize: number,
  onPage: (rows: R[]) => void,
): Promise<void> {
  let last: string | null = null;
  for (;;) {
    const page: R[] = await (last === null
      ? table.orderBy(':id').limit(pageSize).toArray()
      : table.where(':id').above(last).limit(pageSize).toArray());
    onPage(page);
    if (page.length < pageSize) return;
    last = page[page.length - 1]?.id ?? null;
    await pause();
  }
}

async function readAll(
  table: Table<EntityRow, string>,
  seen: (n: number) => void,
): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  await readPaged(table, PAGE, (rows) => {
    for (const row of rows) out.push(row);
    seen(rows.length);
  });
  return out;
}

/** Every record of a chunked table (recordChunks.ts), about PAGE records at a time. */
async function readAllChunked(
  table: Table<ChunkRow, string>,
  seen: (n: number) => void,
): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  await readPaged(table, Math.ceil(PAGE / CHUNK_SIZE), (chunks) => {
    for (const c of chunks) for (const row of c.rows) out.push(row);
    seen(chunks.reduce((n, c) => n + c.rows.length, 0));
  });
  return out;
}

/**
 * Every summary made again from every row. The marks present when it starts are replaced by "*"
 * (kept until the end, so an interrupted rebuild starts again); rows written meanwhile set new
 * marks, which the next update handles.
 */
async function rebuild(db: TungNhaDb, onProgress: (p: RebuildProgress) => void) {
  await db.transaction('rw', db.summaryDirty, async () => {
    await db.summaryDirty.clear();
    await db.summaryDirty.put({ id: ALL_DIRTY, marks: [] });
  });
  const counts = await Promise.all([
    db.households.count(),
    countMembers(db),
    countVisits(db),
    db.mentorships.count(),
  ]);
  // Reading is most of the work; summarising and writing count as a fifth more.
  const read = counts.reduce((a, b) => a + b, 0);
  const total = Math.ceil(read * 1.2) || 1;
  let done = 0;
  const seen = (n: number) => {
    done += n;
    onProgress({ done: Math.min(done, total - 1), total });
  };
  onProgress({ done, total });
  const homes = await readAll(db.households, seen);
  const members = await readAllChunked(db.memberChunks, seen);
  const visits = await readAllChunked(db.visitChunks, seen);
  const pairings = await readAll(db.mentorships, seen);
  const buckets = new Map<string, Summary[]>();
  const add = (id: string, s: Summary) => {
    const list = buckets.get(id);
    if (list) list.push(s);
    else buckets.set(id, [s]);
  };
  // Summarised a page of households at a time, so the UI keeps answering.
  const g = groupHouseholds(homes, members, visits);
  const perHousehold = (total - done) / Math.max(g.ids.length, 1);
  for (let i = 0; i < g.ids.length; i += PAGE / 5) {
    const page = g.ids.slice(i, i + PAGE / 5);
    for (const id of page) add(householdBucket(id), g.summarize(id));
    seen(Math.floor(page.length * perHousehold));
    await pause();
  }
  for (const [id, list] of groupBy(pairings.map(asFact<MentorshipFacts>), (p) => p.mentorId))
    add(mentorBucket(id), summarizeMentor(id, list));
  await db.transaction('rw', [db.summaryBuckets, db.summaryDirty, db.meta], async () => {
    await db.summaryBuckets.clear();
    await db.summaryBuckets.bulkPut([...buckets].map(([id, list]) => encode(id, list)));
    await db.summaryBuckets.bulkPut(allSearchBuckets(homes, members));
    await db.summaryDirty.delete(ALL_DIRTY);
    await stampIndex(db);
  });
  onProgress({ done: total, total });
}

/** The households and mentors marked and not yet summarised again ("h:<id>", "m:<id>"). */
export async function pendingMarks(db: TungNhaDb = defaultDb): Promise<string[]> {
  const { marks, all } = await readMarks(db);
  return all ? [ALL_DIRTY, ...marks] : [...marks].sort();
}
