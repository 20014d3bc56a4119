import { groupBy } from '../../domain/modelInputs';
import {
  searchList,
  searchTexts,
  type SearchEntry,
  type SearchList,
} from '../../domain/searchText';
import type { TungNhaDb } from './db';
import type { EntityRow, SummaryBucketRow } from './rows';
import { SEARCH_BUCKETS_FROM, searchBucket } from './summaryBuckets';
import { onChanged } from './changes';

/**
 * The field search's data: for each household, its search entry (head, address, phone) and its
 * members' (name), normalised once (domain/searchText.ts), kept in buckets of JSON text in the
 * summaries' table ("s<n>"), and made again with the dashboard's summaries for the households
 * summaryDirty.ts marks (summaries.ts). A search reads ~130 rows of text, not an index entry per
 * word of every row: a first sync used to spend a third of its IndexedDB time writing those.
 */
export interface SearchGroup {
  /** The household's id. */
  id: string;
  household: SearchEntry | null;
  members: SearchEntry[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The entries of a household (when its row is here) and of its members not deleted. */
export function searchGroup(
  id: string,
  home: EntityRow | undefined,
  members: readonly EntityRow[],
): SearchGroup | null {
  const household = home
    ? { id, texts: searchTexts([text(home.headName), text(home.address), text(home.phone)]) }
    : null;
  const people = members
    .filter((m) => m.deleted !== true)
    .map((m) => ({ id: m.id, texts: searchTexts([text(m.name)]) }));
  return household || people.length > 0 ? { id, household, members: people } : null;
}

type Packed = [id: string, household: string[] | null, members: [string, string[]][]];

function encode(id: string, groups: Iterable<SearchGroup>): SummaryBucketRow {
  const packed = [...groups].map((g): Packed => [
    g.id,
    g.household?.texts ?? null,
    g.members.map((m) => [m.id, m.texts]),
  ]);
  return { id, json: JSON.stringify(packed) };
}

function decode(row: SummaryBucketRow | undefined): Map<string, SearchGroup> {
  const packed = row ? (JSON.parse(row.json) as Packed[]) : [];
  return new Map(
    packed.map(([id, household, members]) => [
      id,
      {
        id,
        household: household ? { id, texts: household } : null,
        members: members.map(([mid, texts]) => ({ id: mid, texts })),
      },
    ]),
  );
}

const membersByHousehold = (members: readonly EntityRow[]) =>
  groupBy(members, (m) => (typeof m.householdId === 'string' ? m.householdId : ''));

/** Every search bucket, from every household and member row (a full rebuild). */
export function allSearchBuckets(
  homes: readonly EntityRow[],
  members: readonly EntityRow[],
): SummaryBucketRow[] {
  const membersOf = membersByHousehold(members);
  const byId = new Map(homes.map((h) => [h.id, h]));
  const buckets = new Map<string, SearchGroup[]>();
  for (const id of new Set([...byId.keys(), ...membersOf.keys()])) {
    const group = searchGroup(id, byId.get(id), membersOf.get(id) ?? []);
    if (!group) continue;
    const list = buckets.get(searchBucket(id));
    if (list) list.push(group);
    else buckets.set(searchBucket(id), [group]);
  }
  return [...buckets].map(([id, groups]) => encode(id, groups));
}

/**
 * The marked households' groups made again, inside the caller's transaction. `homes` are the rows
 * of `householdIds` (same order), `members` every member row of those households.
 */
export async function updateSearchBuckets(
  db: TungNhaDb,
  householdIds: readonly string[],
  homes: readonly (EntityRow | undefined)[],
  members: readonly EntityRow[],
): Promise<void> {
  const membersOf = membersByHousehold(members);
  const ids = [...new Set(householdIds.map(searchBucket))];
  const rows = await db.summaryBuckets.bulkGet(ids);
  const open = new Map(ids.map((id, i) => [id, decode(rows[i])]));
  householdIds.forEach((id, i) => {
    const bucket = open.get(searchBucket(id));
    const group = searchGroup(id, homes[i], membersOf.get(id) ?? []);
    if (group) bucket?.set(id, group);
    else bucket?.delete(id);
  });
  await db.summaryBuckets.bulkPut([...open].map(([id, groups]) => encode(id, groups.values())));
}

export interface SearchIndex {
  households: SearchList<SearchEntry>;
  members: SearchList<SearchEntry>;
}

interface Parsed {
  json: string;
  households: SearchEntry[];
  members: SearchEntry[];
}

function parse(row: SummaryBucketRow): Parsed {
  const groups = [...decode(row).values()];
  return {
    json: row.json,
    households: groups.flatMap((g) => (g.household ? [g.household] : [])),
    members: groups.flatMap((g) => g.members),
  };
}

/**
 * What this page has read, per database: the buckets by id with their text (an unchanged bucket is
 * not parsed again) and the index made from them, until a write to the buckets (here or in another
 * tab) makes it stale: most searches then read nothing from IndexedDB.
 */
interface Read {
  buckets: Map<string, Parsed>;
  index: SearchIndex | null;
  /** Counts the writes seen: an index read while one landed is not kept. */
  writes: number;
  stop: () => void;
}
const readByDb = new Map<TungNhaDb, Read>();

function cacheOf(db: TungNhaDb): Read {
  let read = readByDb.get(db);
  if (!read) {
    const fresh: Read = { buckets: new Map(), index: null, writes: 0, stop: () => undefined };
    fresh.stop = onChanged(db, ['index'], () => {
      fresh.index = null;
      fresh.writes++;
    });
    db.on('close', () => {
      fresh.stop();
      readByDb.delete(db);
    });
    readByDb.set(db, (read = fresh));
  }
  return read;
}

/** Every entry, ready to search (shared: never changed by callers). */
export async function readSearchIndex(db: TungNhaDb): Promise<SearchIndex> {
  const cache = cacheOf(db);
  if (cache.index) return cache.index;
  const writes = cache.writes;
  const rows = await db.summaryBuckets.where(':id').aboveOrEqual(SEARCH_BUCKETS_FROM).toArray();
  const buckets = new Map<string, Parsed>();
  for (const row of rows) {
    const cached = cache.buckets.get(row.id);
    buckets.set(row.id, cached?.json === row.json ? cached : parse(row));
  }
  const all = [...buckets.values()];
  const index: SearchIndex = {
    households: searchList(all.flatMap((b) => b.households)),
    members: searchList(all.flatMap((b) => b.members)),
  };
  if (cache.writes === writes) {
    cache.buckets = buckets;
    cache.index = index;
  }
  return index;
}
