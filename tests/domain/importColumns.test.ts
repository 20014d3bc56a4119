import { describe, expect, it } from 'vitest';
import { findHeader, guessColumns, type ImportColumns } from '../../src/domain/importColumns';

describe('which column holds what, guessed from the list’s own headers', () => {
  it.each<[string, string[], ImportColumns]>([
    [
      'the usual Vietnamese headers',
      [
        'STT',
        'Họ và tên',
        'Năm sinh',
        'Giới tính',
        'Quan hệ với chủ hộ',
        'Số điện thoại',
        'Thôn/Xóm',
        'Địa chỉ',
      ],
      { name: 1, birthYear: 2, gender: 3, relation: 4, phone: 5, village: 6, address: 7 },
    ],
    [
      'without diacritics, in capitals, out of order',
      ['DIA CHI', 'HO TEN', 'SDT', 'NAM SINH', 'THON'],
      { address: 0, name: 1, phone: 2, birthYear: 3, village: 4 },
    ],
    [
      'a household list: the head’s name is not a person’s name',
      ['Mã hộ', 'Họ và tên chủ hộ', 'Địa chỉ', 'Điện thoại'],
      { householdKey: 0, headName: 1, address: 2, phone: 3 },
    ],
    [
      'headers with notes in them: the longest usual header inside wins',
      ['Họ tên chủ hộ (ghi rõ)', 'Ngày tháng năm sinh (dd/mm/yyyy)', 'Quan hệ với chủ hộ (*)'],
      { headName: 0, birthYear: 1, relation: 2 },
    ],
    [
      'a birth date column, "SĐT" and "Nơi ở hiện nay"',
      ['Họ tên', 'Ngày sinh', 'SĐT', 'Nơi ở hiện nay'],
      { name: 0, birthYear: 1, phone: 2, address: 3 },
    ],
    ['nothing it knows', ['Cột A', 'Ghi chú', ''], {}],
    ['each column serves one field: two name-like columns', ['Họ và tên', 'Tên'], { name: 0 }],
  ])('%s', (_name, headers, expected) => {
    expect(guessColumns(headers)).toEqual(expected);
  });
});

describe('the header row of a sheet', () => {
  it.each<[string, string[][], { lastRow: number; columns: ImportColumns } | null]>([
    [
      'under a title and a date',
      [
        ['DANH SÁCH HỘ GIA ĐÌNH THÔN ĐÔNG'],
        ['Ngày 01/12/2026'],
        [],
        ['STT', 'Họ và tên', 'Năm sinh', 'Quan hệ với chủ hộ'],
        ['1', 'Lò Văn Páo', '1960', 'Chủ hộ'],
      ],
      { lastRow: 3, columns: { name: 1, birthYear: 2, relation: 3 } },
    ],
    [
      'two rows: a merged cell over its sub-headers',
      [
        ['STT', 'Thông tin thành viên', '', '', 'Liên hệ'],
        ['', 'Họ và tên', 'Năm sinh', 'Quan hệ', 'SĐT'],
        ['1', 'Lò Văn Páo', '1960', 'Chủ hộ', '0912345678'],
      ],
      { lastRow: 1, columns: { name: 1, birthYear: 2, relation: 3, phone: 4 } },
    ],
    [
      'a data row under a full header is not read as a second header row',
      [
        ['Họ và tên', 'Quan hệ với chủ hộ', 'Thôn'],
        ['Lò Văn Páo', 'Chủ hộ', 'Thôn Đông'],
      ],
      { lastRow: 0, columns: { name: 0, relation: 1, village: 2 } },
    ],
    [
      'no name column anywhere',
      [
        ['Năm sinh', 'Địa chỉ'],
        ['1960', 'Xóm 1'],
      ],
      null,
    ],
    ['an empty sheet', [], null],
  ])('%s', (_name, rows, expected) => {
    const found = findHeader(rows);
    expect(found && { lastRow: found.lastRow, columns: found.columns }).toEqual(expected);
  });
});
