import { normalizeQuery } from '../../domain/normalize';
import { findByEveryWord, findByPhrase } from '../../domain/searchText';
import type { TungNhaDb } from './db';
import { asHousehold, asMember, type HouseholdRow, type MemberRow } from './records';
import { membersById } from './recordTables';
import type { EntityRow } from './rows';
import { readSearchIndex } from './searchBuckets';

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
 * It reads the entries the indexer keeps (indexer.ts): an edit is found once the indexer has
 * made its household's entry again, a moment after the write.
 */
export async function searchField(
  db: TungNhaDb,
  input: string,
  limit = SEARCH_LIMIT,
): Promise<SearchResults> {
  const q = normalizeQuery(input);
  if (q === '') return { households: [], members: [] };
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
