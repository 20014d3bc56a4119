import type { ReportTable } from '../../../domain/reportTable';

/** The report table on screen and on paper: the same rows as the CSV and XLSX files. */
export function ReportView({ table }: { table: ReportTable }) {
  const [, ...rows] = table.rows;
  return (
    <article className="report" aria-label={table.title}>
      <h2>{table.title}</h2>
      <table className="data-table report-table">
        <tbody>
          {rows.map((row, i) =>
            row.length === 0 ? (
              <tr key={i} className="report-gap">
                <td colSpan={6} />
              </tr>
            ) : (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell === null ? '—' : String(cell)}</td>
                  ),
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </article>
  );
}
