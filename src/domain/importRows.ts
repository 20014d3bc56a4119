import { cleanText } from './cleanText';
import type { Gender, Relation } from './entities';
import { MAX_NAME, MAX_TEXT, MIN_BIRTH_YEAR, name as nameCheck, phone } from './fieldChecks';
import type { ImportColumns } from './importColumns';
import { digitsOnly, normalizeText } from './normalize';

/**
 * A commune's list read into households and people, before anything is written: what each row
 * says, checked by the same field rules as the forms, and each row's problems with its row number
 * (the leader fixes the file, or imports without those rows). Rows hold text as the sheet shows it
 * (the file's reader turns dates into dd/MM/yyyy).
 *
 * Two layouts: one row per person (a name column), grouped by a household column when the file
 * has one, else a "Chủ hộ" row starting each household and the rows under it joining it; or one
 * row per household (a head's name column and no person's name).
 */
export interface SheetRow {
  /** The row's number in the sheet, as the leader sees it (from 1). */
  row: number;
  cells: readonly string[];
}

export interface ImportedPerson {
  row: number;
  name: string;
  birthYear: number | null;
  gender: Gender | null;
  relation: Relation;
  phone: string | null;
}

export interface ImportedHousehold {
  /** The rows it was read from. */
  rows: number[];
  villageId: string;
  headName: string;
  address: string;
  phone: string | null;
  members: ImportedPerson[];
}

/**
 * A row's problem. `skipped`: the row cannot be imported (no name, no household, an unknown
 * village); otherwise the value is left out and the rest of the row imported.
 */
export interface ImportProblem {
  row: number;
  code: ImportProblemCode;
  /** The cell's text as written (empty for a missing one). */
  value: string;
  skipped: boolean;
}

export type ImportProblemCode =
  | 'missing_name'
  | 'bad_name'
  | 'bad_year'
  | 'bad_phone'
  | 'bad_gender'
  | 'unknown_village'
  | 'no_household'
  | 'missing_address'
  | 'same_household_twice';

export interface ReadOptions {
  /** The villages the importer may write to (a leader's, or the whole commune's). */
  villages: readonly { id: string; name: string }[];
  /** Where rows without a village column go (one village chosen before the import). */
  defaultVillageId: string | null;
  currentYear: number;
}

export interface ReadResult {
  households: ImportedHousehold[];
  problems: ImportProblem[];
  /** Rows with nothing in them, left out silently. */
  emptyRows: number;
}

const VILLAGE_PREFIX = /^(thon|xom|ban|ap|to dan pho|to|khu pho|khu|lang|buon|plei|soc)\s+/;

/** A village's name as compared: no diacritics, no case, no "Thôn"/"Xóm"… in front. */
export const villageKey = (name: string) => normalizeText(name).replace(VILLAGE_PREFIX, '');

const RELATION_WORDS: [RegExp, Relation][] = [
  [/^(chu ho|ch)$/, 'head'],
  [/^(vo|chong|vo chong)$/, 'spouse'],
  [/^con (dau|re)$/, 'other'],
  [/^(con|con trai|con gai|con nuoi|con ruot)$/, 'child'],
  [/^(bo|me|cha|bo de|me de|cha de|bo me|ong|ba|ong noi|ba noi|ong ngoai|ba ngoai)$/, 'parent'],
  [/^(chau|chau noi|chau ngoai|chau trai|chau gai)$/, 'grandchild'],
  [/^(anh|chi|em|anh trai|chi gai|em trai|em gai|anh ruot|chi ruot|em ruot)$/, 'sibling'],
];

/** "Chủ hộ", "Vợ", "Con gái"… as a relation; anything else (or nothing) is `other`. */
export function readRelation(text: string): Relation | null {
  const n = normalizeText(text);
  if (n === '') return null;
  return RELATION_WORDS.find(([pattern]) => pattern.test(n))?.[1] ?? 'other';
}

/** "Nam", "Nữ", "Khác" (or "x" under a "Nam"/"Nữ" header is not read: one column only). */
export function readGender(text: string): Gender | null | 'bad' {
  const n = normalizeText(text);
  if (n === '') return null;
  if (n === 'nam' || n === 'm' || n === 'male') return 'male';
  if (n === 'nu' || n === 'f' || n === 'female') return 'female';
  if (n === 'khac') return 'other';
  return 'bad';
}

/** A year alone, or the year of a date written d/M/yyyy, d-M-yyyy, d.M.yyyy or yyyy-MM-dd. */
export function readBirthYear(text: string, currentYear: number): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  const m =
    /^(\d{4})$/.exec(t) ??
    /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(t) ??
    /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(t);
  const year = m ? Number(m[1]) : NaN;
  return year >= MIN_BIRTH_YEAR && year <= currentYear ? year : 'bad';
}

/**
 * A Vietnamese phone as stored (ten digits from 0): spaces, dots and dashes dropped, +84 or 84 in
 * front read as 0, and the 0 Excel drops from a number put back.
 */
export function readPhone(text: string): string | null | 'bad' {
  if (text.trim() === '') return null;
  if (/[^0-9 .\-+()]/.test(text)) return 'bad';
  let d = digitsOnly(text);
  if (/^84\d{9}$/.test(d)) d = `0${d.slice(2)}`;
  if (/^[1-9]\d{8}$/.test(d)) d = `0${d}`;
  return phone(d, 0) === undefined ? d : 'bad';
}

const cellOf = (row: SheetRow, column: number | undefined) =>
  column === undefined ? '' : cleanText(row.cells[column] ?? '');

/**
 * Reads the rows under the header into households; problems name their rows. A village or
 * household cell left empty under a filled one (a merged cell, as Excel keeps it) continues it.
 */
export function readRows(
  rows: readonly SheetRow[],
  columns: ImportColumns,
  opts: ReadOptions,
): ReadResult {
  const problems: ImportProblem[] = [];
  const problem: Report = (row, code, value, skipped) => {
    problems.push({ row, code, value, skipped });
  };
  const villages = new Map(opts.villages.map((v) => [villageKey(v.name), v.id]));
  const households: Draft[] = [];
  const byKey = new Map<string, Draft>();
  // The household the rows under a head join (none after a head left out).
  const open: { home: Draft | null } = { home: null };
  let emptyRows = 0;
  let lastVillage = '';
  let lastKey = '';
  const perHousehold = columns.name === undefined;

  for (const row of rows) {
    const cell = (c: number | undefined) => cellOf(row, c);
    if (row.cells.every((c) => cleanText(c) === '')) {
      emptyRows++;
      continue;
    }
    const villageText = columns.village === undefined ? '' : cell(columns.village) || lastVillage;
    lastVillage = villageText;
    const key = columns.householdKey === undefined ? '' : cell(columns.householdKey) || lastKey;
    lastKey = key;
    const relation = perHousehold ? 'head' : relationOf(cell(columns.relation), columns);
    // A head left out takes its household with it: the rows under it are not put in another.
    const skip = (code: ImportProblemCode, value: string) => {
      problem(row.row, code, value, true);
      if (relation === 'head') open.home = null;
    };
    const name = cell(perHousehold ? columns.headName : columns.name);
    if (name === '') {
      skip('missing_name', '');
      continue;
    }
    if (nameCheck(MAX_NAME)(name, 0) !== undefined) {
      skip('bad_name', name);
      continue;
    }
    const villageId =
      villageText === '' ? opts.defaultVillageId : (villages.get(villageKey(villageText)) ?? null);
    if (villageId === null) {
      skip('unknown_village', villageText);
      continue;
    }
    const person = readPerson(row, name, relation, columns, opts.currentYear, problem);
    let home: Draft | null | undefined;
    if (perHousehold) home = null;
    else if (columns.householdKey !== undefined) {
      if (key === '') {
        skip('no_household', name);
        continue;
      }
      home = byKey.get(`${villageId}/${key}`);
    } else if (relation === 'head') home = null;
    else if (open.home?.villageId === villageId) home = open.home;
    else {
      skip('no_household', name);
      continue;
    }
    if (!home) {
      home = { rows: [], villageId, addresses: [], members: [] };
      if (columns.householdKey !== undefined) byKey.set(`${villageId}/${key}`, home);
      households.push(home);
    }
    home.rows.push(row.row);
    home.addresses.push(cell(columns.address).slice(0, MAX_TEXT));
    home.members.push(person);
    open.home = home;
  }
  const finished = households.map((h) => finish(h, problem));
  return { households: withoutRepeats(finished, problem), problems, emptyRows };
}

/** A household as its rows are read: each row's address, its members. */
interface Draft {
  rows: number[];
  villageId: string;
  addresses: string[];
  members: ImportedPerson[];
}

type Report = (row: number, code: ImportProblemCode, value: string, skipped: boolean) => void;

/**
 * The person's relation: with no relation column each row is a household of its own (its head);
 * an empty cell in one is a member of the household above.
 */
function relationOf(text: string, columns: ImportColumns): Relation {
  if (columns.relation === undefined) return 'head';
  return readRelation(text) ?? 'other';
}

function readPerson(
  row: SheetRow,
  name: string,
  relation: Relation,
  columns: ImportColumns,
  currentYear: number,
  problem: Report,
): ImportedPerson {
  const cell = (c: number | undefined) => cellOf(row, c);
  const yearText = cell(columns.birthYear);
  const year = readBirthYear(yearText, currentYear);
  if (year === 'bad') problem(row.row, 'bad_year', yearText, false);
  const genderText = cell(columns.gender);
  const gender = readGender(genderText);
  if (gender === 'bad') problem(row.row, 'bad_gender', genderText, false);
  const phoneText = cell(columns.phone);
  const tel = readPhone(phoneText);
  if (tel === 'bad') problem(row.row, 'bad_phone', phoneText, false);
  return {
    row: row.row,
    name,
    birthYear: year === 'bad' ? null : year,
    gender: gender === 'bad' ? null : gender,
    relation,
    phone: tel === 'bad' ? null : tel,
  };
}

/**
 * The household's head is its "Chủ hộ" (else its first person), its phone the head's, its address
 * the head's row's (else the first row's that has one).
 */
function finish(h: Draft, problem: Report): ImportedHousehold {
  const at = Math.max(
    0,
    h.members.findIndex((m) => m.relation === 'head'),
  );
  const head = h.members[at]!;
  const address = h.addresses[at] || h.addresses.find((a) => a !== '') || '';
  if (address === '') problem(h.rows[0]!, 'missing_address', '', false);
  return {
    rows: h.rows,
    villageId: h.villageId,
    headName: head.name,
    address,
    phone: head.phone ?? h.members.find((m) => m.phone !== null)?.phone ?? null,
    members: h.members,
  };
}

/** A household's identity as compared: its head's name and address, diacritics and case ignored. */
export const householdKey = (h: { headName: string; address: string }) =>
  `${normalizeText(h.headName)}|${normalizeText(h.address)}`;

/** The same household twice in one file (same head and address): the second is left out. */
function withoutRepeats(households: ImportedHousehold[], problem: Report): ImportedHousehold[] {
  const seen = new Set<string>();
  return households.filter((h) => {
    const key = `${h.villageId}|${householdKey(h)}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    for (const row of h.rows) problem(row, 'same_household_twice', h.headName, true);
    return false;
  });
}
