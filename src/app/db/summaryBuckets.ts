import type { HouseholdSummary, MentorSummary } from '../../domain/householdSummary';
import { db as defaultDb, type TungNhaDb } from './db';
import type { SummaryBucketRow } from './rows';

/**
 * Storage of the dashboard's summaries: in buckets (by a hash of the id), each one row holding its
 * summaries as JSON text. Reading 20,000 small IndexedDB rows costs ~400 ms on a 2-core machine,
 * mostly per-row overhead; a few dozen rows of text cost far less plus JSON.parse. Few and large
 * on purpose: Chromium keeps a value over 64 KB aside as a blob, and reading those is several
 * times quicker per byte than values kept in its database itself (6 MB of text: 128 rows of 48 KB
 * 350-550 ms, 32 rows of 192 KB ~70 ms, measured in this Chromium). A commune of 20,000
 * households has ~190 KB a bucket; updating a household rewrites its bucket (~600 summaries).
 * Changing a count needs a new database version that makes every bucket again (schema.ts).
 */
export const HOUSEHOLD_BUCKETS = 32;
export const MENTOR_BUCKETS = 8;

function hash(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return h >>> 0;
}
export const householdBucket = (id: string) => `h${hash(id) % HOUSEHOLD_BUCKETS}`;
export const mentorBucket = (id: string) => `m${hash(id) % MENTOR_BUCKETS}`;
/** The search entries of a household and its members (searchBuckets.ts), bucketed the same way. */
export const searchBucket = (householdId: string) => `s${hash(householdId) % HOUSEHOLD_BUCKETS}`;

/** Bucket ids below this one hold summaries ("h…", "m…"); the search buckets are "s…". */
export const SEARCH_BUCKETS_FROM = 's';

export type Summary = HouseholdSummary | MentorSummary;

/**
 * A bucket as text. Volunteer ids (a uuid per visit: half the text) are written once per bucket,
 * and each visit names its volunteer by position in that list.
 */
interface Packed {
  volunteers: string[];
  list: Summary[];
}

const isHousehold = (s: Summary): s is HouseholdSummary => 'visitVolunteers' in s;

export const encode = (id: string, list: Iterable<Summary>): SummaryBucketRow => {
  const volunteers = new Map<string, number>();
  const index = (v: string) => {
    let i = volunteers.get(v);
    if (i === undefined) volunteers.set(v, (i = volunteers.size));
    return i;
  };
  const packed = [...list].map((s) =>
    isHousehold(s) ? { ...s, visitVolunteers: s.visitVolunteers.map(index) } : s,
  );
  return { id, json: JSON.stringify({ volunteers: [...volunteers.keys()], list: packed }) };
};

function unpack(row: SummaryBucketRow): Summary[] {
  const { volunteers, list } = JSON.parse(row.json) as Packed;
  for (const s of list) {
    if (!isHousehold(s)) continue;
    const ids = s.visitVolunteers as unknown as number[];
    s.visitVolunteers = ids.map((i) => volunteers[i] ?? '');
  }
  return list;
}

export function decode(row: SummaryBucketRow | undefined): Map<string, Summary> {
  return new Map((row ? unpack(row) : []).map((s) => [s.id, s]));
}

/**
 * Buckets already parsed in this page, by id, with the text they were parsed from: a bucket whose
 * text is unchanged (most of them, after an edit) is not parsed again. Always right: it is only
 * used when the text read is the same.
 */
const parsedByDb = new WeakMap<TungNhaDb, Map<string, { json: string; list: Summary[] }>>();

/** Forgets the parsed buckets (the benchmark measures a cold read with it). */
export function forgetParsedBuckets(db: TungNhaDb = defaultDb): void {
  parsedByDb.delete(db);
}

/** All summaries, for adding up into figures (shared objects: never changed by callers). */
export async function readSummaries(
  db: TungNhaDb = defaultDb,
): Promise<{ households: HouseholdSummary[]; mentors: MentorSummary[] }> {
  const households: HouseholdSummary[] = [];
  const mentors: MentorSummary[] = [];
  const rows = await db.summaryBuckets.where(':id').below(SEARCH_BUCKETS_FROM).toArray();
  const parsed = parsedByDb.get(db) ?? new Map<string, { json: string; list: Summary[] }>();
  parsedByDb.set(db, parsed);
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.id);
    const cached = parsed.get(row.id);
    const list = cached?.json === row.json ? cached.list : unpack(row);
    if (cached?.json !== row.json) parsed.set(row.id, { json: row.json, list });
    if (row.id.startsWith('h')) households.push(...(list as HouseholdSummary[]));
    else mentors.push(...(list as MentorSummary[]));
  }
  for (const id of parsed.keys()) if (!seen.has(id)) parsed.delete(id);
  return { households, mentors };
}
