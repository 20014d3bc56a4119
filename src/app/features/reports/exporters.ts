import type { ReportTable } from '../../../domain/reportTable';
import { toCsv } from '../../../domain/reportTable';

/** Report downloads: CSV (UTF-8 with BOM) and XLSX (its library loaded only when exporting). */

/** A file name people can read: "Báo cáo Tháng 6-2027 - Toàn xã". No path separators. */
export function reportFileName(periodLabel: string, scopeLabel: string): string {
  return `Báo cáo ${periodLabel} - ${scopeLabel}`.replace(/[\\/:*?"<>|]/g, '-');
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function exportCsv(table: ReportTable, name: string) {
  downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

export async function exportXlsx(table: ReportTable, name: string) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const rows = table.rows.map((row, i) =>
    row.map((cell) =>
      cell === null ? null : i === 0 ? { value: cell, fontWeight: 'bold' as const } : cell,
    ),
  );
  const blob = await writeXlsxFile(rows, {
    sheet: 'Báo cáo',
    columns: [
      { width: 60 },
      { width: 14 },
      { width: 14 },
      { width: 12 },
      { width: 12 },
      { width: 16 },
    ],
  }).toBlob();
  downloadBlob(blob, `${name}.xlsx`);
}
