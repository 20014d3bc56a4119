import { describe, expect, it } from 'vitest';
import type { ImportColumns } from '../../src/domain/importColumns';
import { likelyDuplicates } from '../../src/domain/importDuplicates';
import {
  readBirthYear,
  readGender,
  readPhone,
  readRelation,
  readRows,
  type ImportProblemCode,
  type SheetRow,
} from '../../src/domain/importRows';

const DONG = 'v-dong';
const TAY = 'v-tay';
const OPTS = {
  villages: [
    { id: DONG, name: 'Thôn Đông' },
    { id: TAY, name: 'Thôn Tây' },
  ],
  defaultVillageId: null,
  currentYear: 2026,
};

/** Sheet rows numbered from 2 (row 1 is the header). */
const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 2, cells }));

describe('a cell read as the value it stands for', () => {
  it.each([
    ['a year', '1960', 1960],
    ['a date d/M/yyyy', '5/3/1960', 1960],
    ['a date dd-MM-yyyy', '05-03-1960', 1960],
    ['an ISO date', '1960-03-05', 1960],
    ['empty', ' ', null],
    ['before 1900', '1899', 'bad'],
    ['after this year', '2027', 'bad'],
    ['two digits', '60', 'bad'],
    ['words', 'không rõ', 'bad'],
  ])('birth year, %s: %s → %s', (_name, text, expected) => {
    expect(readBirthYear(text, 2026)).toBe(expected);
  });

  it.each([
    ['as written', '0912345678', '0912345678'],
    ['with spaces and dots', '091 234.56-78', '0912345678'],
    ['+84 in front', '+84 912 345 678', '0912345678'],
    ['the 0 Excel dropped', '912345678', '0912345678'],
    ['empty', '', null],
    ['too short', '09123', 'bad'],
    ['letters', '09123abc78', 'bad'],
  ])('phone, %s: %s → %s', (_name, text, expected) => {
    expect(readPhone(text)).toBe(expected);
  });

  it.each([
    ['Chủ hộ', 'head'],
    ['CHU HO', 'head'],
    ['Vợ', 'spouse'],
    ['Chồng', 'spouse'],
    ['Con gái', 'child'],
    ['Con dâu', 'other'],
    ['Mẹ', 'parent'],
    ['Cháu nội', 'grandchild'],
    ['Em trai', 'sibling'],
    ['Người ở nhờ', 'other'],
    ['', null],
  ])('relation %s → %s', (text, expected) => {
    expect(readRelation(text)).toBe(expected);
  });

  it.each([
    ['Nam', 'male'],
    ['nữ', 'female'],
    ['NU', 'female'],
    ['Khác', 'other'],
    ['', null],
    ['x', 'bad'],
  ])('gender %s → %s', (text, expected) => {
    expect(readGender(text)).toBe(expected);
  });
});

const PEOPLE: ImportColumns = {
  name: 0,
  birthYear: 1,
  relation: 2,
  phone: 3,
  village: 4,
  address: 5,
};

describe('rows read into households, each problem with its row number', () => {
  it.each<
    [
      string,
      ImportColumns,
      SheetRow[],
      { households: string[][]; problems: [number, ImportProblemCode, boolean][] },
    ]
  >([
    [
      'one row per person: a head starts a household, the rows under it join it',
      PEOPLE,
      sheet(
        ['Lò Văn Páo', '1960', 'Chủ hộ', '0912345678', 'Thôn Đông', 'Xóm 1'],
        ['Lò Thị Dợ', '1962', 'Vợ', '', '', ''],
        ['Lò Văn Sinh', '1990', 'Con trai', '', '', ''],
        ['Quàng Văn Hải', '1955', 'Chủ hộ', '', 'Thôn Tây', 'Bản Tây'],
      ),
      { households: [['Lò Văn Páo', 'Lò Thị Dợ', 'Lò Văn Sinh'], ['Quàng Văn Hải']], problems: [] },
    ],
    [
      'empty rows are left out silently',
      PEOPLE,
      sheet(
        ['Lò Văn Páo', '1960', 'Chủ hộ', '', 'Thôn Đông', 'Xóm 1'],
        ['', '', '', '', '', ''],
        ['Lò Thị Dợ', '1962', 'Vợ', '', '', ''],
      ),
      { households: [['Lò Văn Páo', 'Lò Thị Dợ']], problems: [] },
    ],
    [
      'a person with no household above',
      PEOPLE,
      sheet(['Lò Thị Dợ', '1962', 'Vợ', '', 'Thôn Đông', 'Xóm 1']),
      { households: [], problems: [[2, 'no_household', true]] },
    ],
    [
      'missing name, bad year, bad phone, unknown village',
      PEOPLE,
      sheet(
        ['Lò Văn Páo', '1860', 'Chủ hộ', '09xx', 'Thôn Đông', 'Xóm 1'],
        ['', '1962', 'Vợ', '', '', ''],
        ['Hà Văn Nam', '1970', 'Chủ hộ', '', 'Thôn Bắc', 'Xóm 9'],
        ['Hà Thị Lan', '1972', 'Vợ', '', '', ''],
      ),
      {
        households: [['Lò Văn Páo']],
        problems: [
          [2, 'bad_year', false],
          [2, 'bad_phone', false],
          [3, 'missing_name', true],
          [4, 'unknown_village', true],
          // Under a head left out: not put into another household.
          [5, 'unknown_village', true],
        ],
      },
    ],
    [
      'a household column, written once over its rows (a merged cell)',
      { householdKey: 0, name: 1, relation: 2, village: 3, address: 4 },
      sheet(
        ['H01', 'Lò Thị Dợ', 'Vợ', 'Thôn Đông', ''],
        ['', 'Lò Văn Páo', 'Chủ hộ', '', 'Xóm 1'],
        ['H02', 'Hà Văn Nam', 'Chủ hộ', '', 'Xóm 2'],
        ['H01', 'Lò Văn Sinh', 'Con', '', ''],
      ),
      { households: [['Lò Thị Dợ', 'Lò Văn Páo', 'Lò Văn Sinh'], ['Hà Văn Nam']], problems: [] },
    ],
    [
      'one row per household',
      { headName: 0, address: 1, phone: 2, village: 3 },
      sheet(['Lò Văn Páo', 'Xóm 1', '0912345678', 'Đông'], ['Hà Văn Nam', '', '', 'thon tay']),
      { households: [['Lò Văn Páo'], ['Hà Văn Nam']], problems: [[3, 'missing_address', false]] },
    ],
    [
      'the same household twice in the file: the second is left out',
      PEOPLE,
      sheet(
        ['Lò Văn Páo', '1960', 'Chủ hộ', '', 'Thôn Đông', 'Xóm 1'],
        ['LO VAN PAO', '1960', 'Chủ hộ', '', 'Thôn Đông', 'xom 1'],
        ['Lò Thị Dợ', '1962', 'Vợ', '', '', ''],
      ),
      {
        households: [['Lò Văn Páo']],
        problems: [
          [3, 'same_household_twice', true],
          [4, 'same_household_twice', true],
        ],
      },
    ],
    [
      'a name without a letter',
      PEOPLE,
      sheet(['12345', '1960', 'Chủ hộ', '', 'Thôn Đông', 'Xóm 1']),
      { households: [], problems: [[2, 'bad_name', true]] },
    ],
  ])('%s', (_name, columns, rows, expected) => {
    const read = readRows(rows, columns, OPTS);
    expect(read.households.map((h) => h.members.map((m) => m.name))).toEqual(expected.households);
    expect(read.problems.map((p) => [p.row, p.code, p.skipped])).toEqual(expected.problems);
  });

  it('the head is the household’s "Chủ hộ", with the phone and address of its row', () => {
    const { households } = readRows(
      sheet(
        ['H01', 'Lò Thị Dợ', 'Vợ', '0987654321', 'Thôn Đông', ''],
        ['H01', 'Lò Văn Páo', 'Chủ hộ', '912345678', 'Thôn Đông', 'Xóm 1, Thôn Đông'],
      ),
      { householdKey: 0, name: 1, relation: 2, phone: 3, village: 4, address: 5 },
      OPTS,
    );
    expect(households).toMatchObject([
      {
        villageId: DONG,
        headName: 'Lò Văn Páo',
        phone: '0912345678',
        address: 'Xóm 1, Thôn Đông',
        rows: [2, 3],
      },
    ]);
  });

  it('without a village column every row goes to the village chosen for the import', () => {
    const { households } = readRows(
      sheet(['Lò Văn Páo', 'Chủ hộ']),
      { name: 0, relation: 1 },
      {
        ...OPTS,
        defaultVillageId: TAY,
      },
    );
    expect(households.map((h) => h.villageId)).toEqual([TAY]);
  });
});

describe('households likely already in the app', () => {
  const known = [
    { id: 'k1', headName: 'Lò Văn Páo', address: 'Xóm 1', phone: null },
    { id: 'k2', headName: 'Hà Văn Nam', address: 'Xóm 2', phone: '0912345678' },
  ];
  const imported = (headName: string, address: string, phone: string | null) => ({
    rows: [2],
    villageId: DONG,
    headName,
    address,
    phone,
    members: [],
  });
  it.each([
    [
      'same head and address, diacritics and case aside',
      imported('LO VAN PAO', 'xom 1', null),
      'k1',
    ],
    ['same head and phone, another address', imported('Hà Văn Nam', 'Xóm 7', '0912345678'), 'k2'],
    ['same head, another address, no phone', imported('Lò Văn Páo', 'Xóm 3', null), null],
    ['same address, another head', imported('Lò Văn Pao Con', 'Xóm 1', null), null],
  ])('%s', (_name, household, expected) => {
    expect(likelyDuplicates([household], known).get(0)?.id ?? null).toBe(expected);
  });
});
