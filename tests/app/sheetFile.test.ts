import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readSheetFile } from '../../src/app/platform/sheetFile';

const HEADER = ['Họ và tên', 'Thôn'];
const ROWS = [
  ['Lò Văn Páo', 'Thôn Đông'],
  ['Nguyễn Thị Ấm', 'Xóm 1, Đông'],
];
const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));

/** The same three lines as Vietnamese Excel saves them in Windows-1258 (made with iconv). */
const CP1258 = hex(
  '486ff22076e02074ea6e2c5468f46e0a4c6fcc2056e36e2050e16f2c5468f46e20d0f46e670a4e677579eade6e20' +
    '546869f220c2ec6d2c2258f36d20312c20d0f46e67220a',
);

const lines = (rows: string[][]) => rows.filter((r) => r.some((c) => c !== ''));

describe('a list file read as rows of text', () => {
  it.each<[string, Uint8Array<ArrayBuffer>]>([
    [
      'CSV in UTF-8 with its BOM',
      utf8('\uFEFFHọ và tên,Thôn\nLò Văn Páo,Thôn Đông\nNguyễn Thị Ấm,"Xóm 1, Đông"\n'),
    ],
    [
      'CSV in UTF-8 without a BOM, semicolons',
      utf8('Họ và tên;Thôn\r\nLò Văn Páo;Thôn Đông\r\nNguyễn Thị Ấm;Xóm 1, Đông\r\n'),
    ],
    ['CSV in Windows-1258, tone marks as combining marks', CP1258],
    [
      'tab-separated UTF-16 (Excel’s "Unicode text")',
      Uint8Array.from([
        0xff,
        0xfe,
        ...new Uint8Array(
          Uint16Array.from(
            'Họ và tên\tThôn\nLò Văn Páo\tThôn Đông\nNguyễn Thị Ấm\tXóm 1, Đông\n',
            (c) => c.charCodeAt(0),
          ).buffer,
        ),
      ]),
    ],
  ])('%s', async (_name, bytes) => {
    const rows = lines(await readSheetFile(new Blob([bytes])));
    expect(rows).toEqual([HEADER, ...ROWS]);
    // As the app compares text: composed (NFC), whatever the file held.
    expect(rows[1]?.[0]).toBe('Lò Văn Páo'.normalize('NFC'));
  });

  it('an XLSX file: its first sheet, dates as dd/MM/yyyy, numbers as their digits', async () => {
    const xlsx = await writeXlsxFile(
      [
        [{ value: 'Họ và tên' }, { value: 'Ngày sinh' }, { value: 'SĐT' }],
        [
          { value: 'Lò Văn Páo' },
          { value: new Date(Date.UTC(1960, 2, 5)), format: 'dd/mm/yyyy' },
          { value: 912345678 },
        ],
      ],
      { sheet: 'Danh sách' },
    ).toBuffer();
    const rows = await readSheetFile(new Blob([new Uint8Array(xlsx)]));
    expect(rows).toEqual([
      ['Họ và tên', 'Ngày sinh', 'SĐT'],
      ['Lò Văn Páo', '05/03/1960', '912345678'],
    ]);
  });
});
