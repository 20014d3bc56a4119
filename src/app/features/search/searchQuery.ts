import { normalizeQuery } from '../../../domain/normalize';
import { findByEveryWord, findByPhrase } from '../../../domain/searchText';
import { db as defaultDb, type TungNhaDb } from '../../db/db';
import { membersById } from '../../db/recordChunks';
import type { EntityRow } from '../../db/schema';
import { readSearchIndex } from '../../db/searchBuckets';
import { updateSummaries, type RebuildProgress } from '../../db/summaries';
import { asHousehold, asMember, type HouseholdRow, type MemberRow } from '../field/rows';

export interface SearchResults {
  households: HouseholdRow[];
  members: (MemberRow & { household?: HouseholdRow })[];
}

export const SEARCH_LIMIT = 30;

const present = (rows: (EntityRow | undefined)[]) => rows.flatMap((r) => (r ? [r] : []));

/**
 * Searches households (head, address, phone) and members (name), ignoring diacritics and case
 * (domain/searchText.ts). A typed phrase ("nguyen van a") matches from the start of any word; when
 * nothing matches it and it has several words ("nguyen an"), records having every word are found.
 * The entries are brought up to date first (the households edited or pulled since: a few rows;
 * after a first sync, one rebuild whose progress `onProgress` hears).
 */
export async function searchField(
  input: string,
  db: TungNhaDb = defaultDb,
  limit = SEARCH_LIMIT,
  onProgress?: (p: RebuildProgress) => void,
): Promise<SearchResults> {
  const q = normalizeQuery(input);
  if (q === '') return { households: [], members: [] };
  await updateSummaries(onProgress, db);
  const index = await readSearchIndex(db);
  let hs = findByPhrase(q, index.households, limit);
  let ms = findByPhrase(q, index.members, limit);
  if (hs.length + ms.length === 0 && q.includes(' ')) {
    hs = findByEveryWord(q, index.households, limit);
    ms = findByEveryWord(q, index.members, limit);
  }
  const [homeRows, memberRows] = await Promise.all([
    db.households.bulkGet(hs.map((e) => e.id)),
    membersById(
      db,
      ms.map((e) => e.id),
    ),
  ]);
  const members = present(memberRows).map(asMember);
  const known = new Map(present(homeRows).map((h) => [h.id, asHousehold(h)] as const));
  const missing = [...new Set(members.map((m) => m.householdId))].filter((id) => !known.has(id));
  for (const h of present(await db.households.bulkGet(missing))) known.set(h.id, asHousehold(h));
  return {
    households: present(homeRows).map(asHousehold),
    members: members.map((m) => {
      const household = known.get(m.householdId);
      return household ? { ...m, household } : m;
    }),
  };
}
