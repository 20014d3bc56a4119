import { normalizeText } from './normalize';

/**
 * Which column of a commune's own list holds what: guessed from its headers, as village leaders
 * write them ("Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "SĐT", "Thôn/Xóm"…), with or without
 * diacritics, in any case and order. The leader checks and corrects the guess before the preview.
 */
export const IMPORT_FIELDS = [
  'householdKey',
  'headName',
  'name',
  'birthYear',
  'gender',
  'relation',
  'phone',
  'village',
  'address',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index (from 0) of each field the file has. */
export type ImportColumns = Partial<Record<ImportField, number>>;

/** The usual headers of each field, normalised (normalize.ts: no diacritics, lower case). */
const USUAL: Record<ImportField, readonly string[]> = {
  householdKey: [
    'ma ho',
    'ma ho gia dinh',
    'so ho',
    'stt ho',
    'ho so',
    'so so ho khau',
    'ma so ho',
  ],
  headName: ['chu ho', 'ten chu ho', 'ho ten chu ho', 'ho va ten chu ho'],
  name: ['ho va ten', 'ho ten', 'ten', 'ten thanh vien', 'ho va ten thanh vien'],
  birthYear: ['nam sinh', 'ngay sinh', 'ngay thang nam sinh', 'sinh nam', 'ns'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'phai'],
  relation: ['quan he voi chu ho', 'quan he', 'qh voi chu ho', 'quan he chu ho', 'qhch'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'dt', 'dien thoai lien he'],
  village: ['thon xom', 'thon', 'xom', 'ban', 'ap', 'to dan pho', 'thon ban', 'thon to'],
  address: ['dia chi', 'noi o', 'noi o hien nay', 'cho o hien nay', 'dia chi thuong tru'],
};

/**
 * The columns of a header row: first the headers that are a usual header exactly, then those that
 * contain one (the longest usual header contained wins: "Họ tên chủ hộ (ghi rõ)" is the head's
 * name, not a person's). Each column serves one field; an empty header serves none.
 */
export function guessColumns(headers: readonly string[]): ImportColumns {
  const normal = headers.map((h) => normalizeText(h));
  const columns: ImportColumns = {};
  const taken = new Set<number>();
  const take = (field: ImportField, column: number) => {
    columns[field] = column;
    taken.add(column);
  };
  for (const field of IMPORT_FIELDS) {
    const column = normal.findIndex((h, i) => !taken.has(i) && USUAL[field].includes(h));
    if (column >= 0) take(field, column);
  }
  const scored: { field: ImportField; column: number; score: number }[] = [];
  for (const field of IMPORT_FIELDS) {
    if (columns[field] !== undefined) continue;
    normal.forEach((h, column) => {
      if (h === '' || taken.has(column)) return;
      const words = ` ${h} `;
      const score = Math.max(
        0,
        ...USUAL[field].map((u) => (words.includes(` ${u} `) ? u.length : 0)),
      );
      if (score > 0) scored.push({ field, column, score });
    });
  }
  scored.sort((a, b) => b.score - a.score);
  for (const { field, column } of scored)
    if (columns[field] === undefined && !taken.has(column)) take(field, column);
  return columns;
}

/** How many rows from the top may hold the header (a title and a date often come first). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The header of a sheet: the row among the first ones whose headers name the most fields. A header
 * of two rows (a merged cell over its sub-headers, "Thông tin thành viên" over "Họ và tên" and
 * "Năm sinh") is read as one: each column's lower header, or the upper where the lower is empty.
 * Returns the header's last row (data starts after it) and its columns; null when no row names a
 * person's or a head's name.
 */
export function findHeader(
  rows: readonly (readonly string[])[],
): { lastRow: number; columns: ImportColumns; headers: string[] } | null {
  let best: { lastRow: number; columns: ImportColumns; headers: string[]; found: number } | null =
    null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const one = [...(rows[i] ?? [])];
    const below = rows[i + 1] ?? [];
    const width = Math.max(one.length, below.length);
    const two = Array.from({ length: width }, (_, c) => (below[c] ?? '').trim() || (one[c] ?? ''));
    const candidates: [number, string[]][] = [[i, one]];
    // Only under a row with gaps (what merged cells leave), and only if it names more fields.
    const gaps = Array.from({ length: width }, (_, c) => (one[c] ?? '').trim() === '');
    if (i + 1 < limit && gaps.some(Boolean)) candidates.push([i + 1, two]);
    for (const [lastRow, headers] of candidates) {
      const columns = guessColumns(headers);
      const found = Object.keys(columns).length;
      const named = columns.name !== undefined || columns.headName !== undefined;
      if (named && (!best || found > best.found)) best = { lastRow, columns, headers, found };
    }
  }
  if (!best) return null;
  const { lastRow, columns, headers } = best;
  return { lastRow, columns, headers };
}
