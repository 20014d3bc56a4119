import { INDICATORS, type IndicatorResult } from '../../../domain/indicators';
import { formatTarget } from '../../../domain/reportTable';
import { formatCount, formatPercent } from '../../ui/format';

export function verdict(r: IndicatorResult): string {
  return r.met === null ? 'Chưa có số liệu' : r.met ? 'Đạt' : 'Chưa đạt';
}

/** One indicator: a bar filled to its percentage, with the target marked, and the raw counts. */
export function IndicatorBar({ r }: { r: IndicatorResult }) {
  const def = INDICATORS[r.key];
  const fill = Math.max(0, Math.min(100, r.percent ?? 0));
  const target = Math.max(0, Math.min(100, r.target.percent));
  const state = r.met === null ? 'none' : r.met ? 'met' : 'short';
  return (
    <li className={`indicator indicator-${state}`} data-testid={`indicator-${r.key}`}>
      <div className="indicator-head">
        <strong>{def.label}</strong>
        <span className="indicator-value">{formatPercent(r.percent)}</span>
      </div>
      <div
        className="bar"
        role="meter"
        aria-label={def.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={r.percent ?? 0}
        aria-valuetext={`${formatPercent(r.percent)}, chỉ tiêu ${formatTarget(r.target)}`}
      >
        <div className="bar-fill" style={{ width: `${fill}%` }} />
        <div className="bar-target" style={{ left: `${target}%` }} title="Chỉ tiêu" />
      </div>
      <p className="muted indicator-counts">
        {formatCount(r.numerator)} / {formatCount(r.denominator)} {def.denominator} · chỉ tiêu{' '}
        {formatTarget(r.target)} · <span className="indicator-verdict">{verdict(r)}</span>
      </p>
    </li>
  );
}

export function IndicatorBars({ results }: { results: IndicatorResult[] }) {
  return (
    <ul className="list indicators" aria-label="Chỉ tiêu so với kết quả">
      {results.map((r) => (
        <IndicatorBar key={r.key} r={r} />
      ))}
    </ul>
  );
}

/** Each village's percentage per indicator, the cell marked when the target is met. */
export function VillageTable(props: {
  rows: { villageId: string; indicators: IndicatorResult[] }[];
  name: (id: string) => string;
}) {
  const first = props.rows[0];
  if (!first || props.rows.length < 2) return null;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>Theo thôn</caption>
        <thead>
          <tr>
            <th scope="col">Thôn</th>
            {first.indicators.map((r) => (
              <th key={r.key} scope="col">
                {INDICATORS[r.key].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((v) => (
            <tr key={v.villageId}>
              <th scope="row">{props.name(v.villageId)}</th>
              {v.indicators.map((r) => (
                <td
                  key={r.key}
                  className={r.met ? 'cell-met' : r.met === false ? 'cell-short' : ''}
                >
                  {formatPercent(r.percent)}
                  <small>
                    {' '}
                    ({r.numerator}/{r.denominator})
                  </small>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
