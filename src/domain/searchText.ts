import { digitsOnly, normalizeText, searchWords } from './normalize';

/**
 * The field search, as pure functions over texts normalised once (normalize.ts). A record's
 * searchable texts become `searchTexts`: each text normalised, its "first last" pair ("nguyen an"
 * for "Nguyễn Văn An": people often type the surname and the given name only) and its digits
 * (phones typed with spaces or dots). A typed phrase matches when it starts at a word of one of
 * them ("van a" finds "nguyen van an"); when no record matches a phrase of several words, records
 * having every word as a word start, in any text and any order, are found instead.
 */
export function searchTexts(texts: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const normal = normalizeText(text);
    if (normal !== '') out.add(normal);
    const words = normal === '' ? [] : normal.split(' ');
    if (words.length >= 3) out.add(`${words[0]} ${words.at(-1)}`);
    const digits = digitsOnly(text);
    if (digits.length >= 3) out.add(digits);
  }
  return [...out];
}

/** A searchable record: its id and its searchTexts (the first one is what results sort by). */
export interface SearchEntry {
  id: string;
  texts: string[];
}

const firstText = (e: SearchEntry) => e.texts[0] ?? '';
/** By first text, then id: the same entries always come in the same order. */
const byFirstText = (a: SearchEntry, b: SearchEntry) => {
  const [x, y] = [firstText(a), firstText(b)];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * Entries made ready for searching: sorted by first text, with all their texts in one string,
 * each text after a separator (normalised texts hold only a–z, 0–9 and single spaces). A phrase
 * is then found by the engine's own string search (indexOf), and since a later position is a
 * later entry in the results' order, a search stops after the first `limit` entries it meets.
 */
export interface SearchList<T extends SearchEntry> {
  entries: readonly T[];
  hay: string;
  /** Where each entry's texts start in `hay`. */
  starts: Int32Array;
}

const SEP = '\u0001';

export function searchList<T extends SearchEntry>(unsorted: readonly T[]): SearchList<T> {
  const entries = [...unsorted].sort(byFirstText);
  const starts = new Int32Array(entries.length);
  const parts: string[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    const part = SEP + e.texts.join(SEP);
    starts[i] = at;
    parts.push(part);
    at += part.length;
  });
  return { entries, hay: parts.join(''), starts };
}

/** The entry holding position `pos` of the hay. */
function entryAt(starts: Int32Array, pos: number): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The entries (indexes, ascending, each once) where `word` starts a word of a text: at most
 * `limit` of them, the first in order.
 */
function wordStarts(list: SearchList<SearchEntry>, word: string, limit = Infinity): number[] {
  const found = new Set<number>();
  for (const needle of [SEP + word, ` ${word}`]) {
    let seen = 0;
    let last = -1;
    for (let p = list.hay.indexOf(needle); p !== -1 && seen < limit;) {
      const i = entryAt(list.starts, p);
      if (i !== last) [last, seen] = [i, seen + 1];
      found.add(i);
      // The rest of this entry cannot add it again: go on from the next one.
      p = list.hay.indexOf(needle, Math.max(p + 1, list.starts[i + 1] ?? list.hay.length));
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, limit);
}

/** The entries the typed phrase (normalizeQuery) matches, at most `limit`, by first text. */
export function findByPhrase<T extends SearchEntry>(
  query: string,
  list: SearchList<T>,
  limit: number,
): T[] {
  if (query === '' || limit <= 0) return [];
  return wordStarts(list, query, limit).flatMap((i) => list.entries[i] ?? []);
}

/** True when `word` starts a word of one of the texts. */
const hasWordStart = (texts: readonly string[], word: string) => {
  const spaced = ` ${word}`;
  return texts.some((t) => t.startsWith(word) || t.includes(spaced));
};

/**
 * The entries having every word of the phrase (when it matched nothing as a whole): those where
 * the longest word (likely the rarest) starts a word, checked for the others in order.
 */
export function findByEveryWord<T extends SearchEntry>(
  query: string,
  list: SearchList<T>,
  limit: number,
): T[] {
  const [first, ...rest] = searchWords(query).sort((a, b) => b.length - a.length);
  if (first === undefined || limit <= 0) return [];
  const out: T[] = [];
  for (const i of wordStarts(list, first)) {
    const e = list.entries[i];
    if (e && rest.every((w) => hasWordStart(e.texts, w))) out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}
