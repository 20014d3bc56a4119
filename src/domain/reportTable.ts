import { INDICATORS, type IndicatorResult, type Target } from './indicators';
import type { Report } from './report';
import { TRADER_STAGES } from './trader4t';

/**
 * The report as a table of Vietnamese text, the one layout behind the CSV, the XLSX and the print
 * view, on the device and on the server alike. Numbers stay numbers so spreadsheets can sum them.
 */
export type Cell = string | number | null;
export interface ReportTable {
  title: string;
  rows: Cell[][];
}

export function formatTarget(t: Target): string {
  return `${t.comparator === 'gt' ? '>' : '≥'} ${t.percent}%`;
}

const HEADER: Cell[] = ['Chỉ tiêu', 'Đạt', 'Trên tổng số', 'Tỷ lệ (%)', 'Mục tiêu', 'Đánh giá'];

function indicatorRow(r: IndicatorResult, prefix = ''): Cell[] {
  const verdict = r.met === null ? 'Chưa có số liệu' : r.met ? 'Đạt' : 'Chưa đạt';
  return [
    prefix + INDICATORS[r.key].label,
    r.numerator,
    r.denominator,
    r.percent,
    formatTarget(r.target),
    verdict,
  ];
}

export function reportTable(
  report: Report,
  villageName: (villageId: string) => string = (id) => id,
): ReportTable {
  const scope =
    report.scope === 'commune' ? 'Toàn xã' : report.scope.villageIds.map(villageName).join(', ');
  const title = `Báo cáo kết quả Phong trào "Bình dân học vụ số" – ${report.period.label}`;
  const rows: Cell[][] = [
    [title],
    ['Phạm vi', scope],
    ['Số liệu tính đến ngày', report.asOf],
    ['Hạn gửi báo cáo (trước ngày)', report.period.dueBefore],
    [],
    HEADER,
    ...report.indicators.map((r) => indicatorRow(r)),
    [],
    ['Hoạt động trong kỳ', 'Số lượng'],
    ['Lượt hướng dẫn tại hộ', report.activity.visits],
    ['Số hộ được hướng dẫn', report.activity.householdsReached],
    ['Số tình nguyện viên tham gia', report.activity.volunteers],
    ['Cặp Đại sứ số bắt đầu trong kỳ', report.mentorships.started],
    [],
    ['Mô hình', 'Số lượng'],
    ['Hộ gia đình trên địa bàn', report.households],
    ['Nhân khẩu', report.residents],
    ['Đại sứ số', report.mentorships.mentors],
    ['Đại sứ số hướng dẫn từ 5 người trở lên', report.mentorships.mentorsAtTarget],
    ['Công dân từ 16 tuổi', report.digitalId.eligible],
    ['Có đủ VNeID mức độ 2 và tài khoản ngân hàng số', report.digitalId.complete],
    ['Tiểu thương tham gia Chợ số 4T', report.traders.traders],
    ...TRADER_STAGES.map((s): Cell[] => [`4T – ${s.label}`, report.traders.byStage[s.key]]),
    ['Hoàn thành cả 4 bước', report.traders.allFour],
    ['Nhân khẩu chưa rõ năm sinh (không tính vào tỷ lệ)', report.unknownAge],
  ];
  if (report.byVillage.length > 1) {
    rows.push([], ['Theo thôn', ...HEADER.slice(1)]);
    for (const v of report.byVillage)
      for (const r of v.indicators) rows.push(indicatorRow(r, `${villageName(v.villageId)} – `));
  }
  return { title, rows };
}

/**
 * A spreadsheet program runs a text cell that begins with = + - @, a tab or a carriage return as a
 * formula: such a text is written behind an apostrophe (OWASP's advice), so a village named
 * `=HYPERLINK(…)` stays text. Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'number' ? String(cell) : FORMULA_START.test(cell) ? `'${cell}` : cell;
  // Quoted when it holds a separator: the comma, and the semicolon that a spreadsheet set to
  // Vietnamese (where the comma is the decimal mark) splits on, or `A;=1+1` would be two cells.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese correctly. */
export function toCsv(table: ReportTable): string {
  return '\uFEFF' + table.rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
