import { normalizeQuery, searchWords } from '../../../domain/normalize';
import { db as defaultDb, type TungNhaDb } from '../../db/db';
import type { EntityRow } from '../../db/schema';
import { SEARCH_FIELD } from '../../db/searchIndex';
import { asHousehold, asMember, type HouseholdRow, type MemberRow } from '../field/rows';

export interface SearchResults {
  households: HouseholdRow[];
  members: (MemberRow & { household?: HouseholdRow })[];
}

export const SEARCH_LIMIT = 30;

/**
 * Searches households (head, address, phone) and members (name), ignoring diacritics and case.
 * A typed phrase ("nguyen van a") is one prefix range of the `_words` index; when nothing matches
 * the phrase and it has several words ("nguyen an"), rows having every word are found instead.
 */
export async function searchField(
  input: string,
  db: TungNhaDb = defaultDb,
  limit = SEARCH_LIMIT,
): Promise<SearchResults> {
  const q = normalizeQuery(input);
  if (q === '') return { households: [], members: [] };
  const phrase = (table: TungNhaDb['households']) =>
    table.where(SEARCH_FIELD).startsWith(q).distinct().limit(limit).toArray();
  let [hs, ms] = await Promise.all([phrase(db.households), phrase(db.members)]);

  const words = searchWords(q);
  if (words.length > 1 && hs.length + ms.length === 0) {
    [hs, ms] = await Promise.all([
      allWords(db.households, words, limit),
      allWords(db.members, words, limit),
    ]);
  }

  const members = ms.map(asMember).filter((m) => !m.deleted);
  const homes = await db.households.bulkGet([...new Set(members.map((m) => m.householdId))]);
  const byId = new Map(homes.flatMap((h) => (h ? [[h.id, asHousehold(h)] as const] : [])));
  return {
    households: hs.map(asHousehold),
    members: members.map((m) => {
      const household = byId.get(m.householdId);
      return household ? { ...m, household } : m;
    }),
  };
}

/**
 * Rows having every word (as a word start) anywhere in their texts. Counts each word's index
 * range (native, no row loaded), stops at once when a word matches nothing, then checks the
 * rarest word's rows against the `_words` already stored on them (a bounded number of rows).
 */
async function allWords(
  table: TungNhaDb['households'],
  words: string[],
  limit: number,
): Promise<EntityRow[]> {
  const counts = await Promise.all(
    words.map((w) => table.where(SEARCH_FIELD).startsWith(w).count()),
  );
  const min = Math.min(...counts);
  if (min === 0) return [];
  const rarest = words[counts.indexOf(min)] ?? '';
  const ids = [...new Set(await table.where(SEARCH_FIELD).startsWith(rarest).primaryKeys())];
  const out: EntityRow[] = [];
  for (let i = 0; i < Math.min(ids.length, MAX_CHECKED) && out.length < limit; i += CHUNK) {
    const rows = await table.bulkGet(ids.slice(i, i + CHUNK));
    for (const r of rows) if (r && hasAllWords(r, words) && out.length < limit) out.push(r);
  }
  return out;
}

const CHUNK = 200;
const MAX_CHECKED = 1200;

function hasAllWords(row: EntityRow, words: string[]): boolean {
  const keys = row[SEARCH_FIELD];
  if (!Array.isArray(keys)) return false;
  const starts = keys.map((k) => String(k).split(' ', 1)[0] ?? '');
  return words.every((w) => starts.some((s) => s.startsWith(w)));
}
