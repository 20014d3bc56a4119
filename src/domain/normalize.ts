/**
 * Vietnamese search normalisation: "Nguyễn Văn Đức" → "nguyen van duc". Strips diacritics
 * (NFD then drops combining marks), maps đ/Đ to d, lowercases, keeps letters and digits only,
 * and collapses whitespace.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a text, normalised. */
export function searchWords(input: string): string[] {
  const n = normalizeText(input);
  return n === '' ? [] : n.split(' ');
}

/** Digits only: "091 234-5678" → "0912345678". */
export function digitsOnly(input: string): string {
  return input.replace(/\D+/g, '');
}

/** The typed query as one normalised phrase (digits-only queries become just the digits). */
export function normalizeQuery(input: string): string {
  const n = normalizeText(input);
  if (/^[0-9 ]+$/.test(n)) return n.replace(/ /g, '');
  return n;
}

/** True when every query word is a prefix of some word of the texts. */
export function matchesAllWords(query: string, texts: readonly (string | undefined)[]): boolean {
  const words = texts.flatMap((t) => (t ? searchWords(t) : []));
  const digits = texts.map((t) => (t ? digitsOnly(t) : '')).filter((d) => d.length > 0);
  return searchWords(query).every(
    (q) => words.some((w) => w.startsWith(q)) || digits.some((d) => d.startsWith(q)),
  );
}
