import { useState } from 'react';
import { yearOf } from '../../../domain/calendar';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../domain/indicators';
import { formatTarget } from '../../../domain/reportTable';
import {
  isValidTargetPercent,
  targetOverrides,
  targetRecordId,
} from '../../../domain/targetRecords';
import { writeAll } from '../../db';
import { useSession } from '../../session/useSession';
import { todayVn, useViewData } from '../dashboard/useViewData';

type Draft = Partial<Record<IndicatorKey, string>>;

/** "/chi-tieu": the commune's targets for a year; the officer edits them, others read them. */
export function TargetsScreen() {
  const session = useSession();
  const data = useViewData();
  const thisYear = yearOf(todayVn());
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<Draft>({});
  const [message, setMessage] = useState('');
  if (!session || !data) return <p className="muted">Đang tải chỉ tiêu…</p>;
  const canEdit = session.user.role === 'officer';
  const current = targetOverrides(data.targets, year);
  const valueOf = (k: IndicatorKey) =>
    draft[k] ?? String(current[k] ?? INDICATORS[k].defaultTarget.percent);
  const invalid = INDICATOR_KEYS.filter(
    (k) => !isValidTargetPercent(Number(valueOf(k))) || valueOf(k).trim() === '',
  );

  async function save() {
    if (invalid.length) return;
    const fields: Record<string, number> = { year };
    for (const k of INDICATOR_KEYS) if (draft[k] !== undefined) fields[k] = Number(draft[k]);
    await writeAll([{ entity: 'target', id: targetRecordId(year), fields }]);
    setDraft({});
    setMessage(`Đã lưu chỉ tiêu năm ${year}. Chỉ tiêu sẽ được gửi lên máy chủ khi đồng bộ.`);
  }

  return (
    <section>
      <h1>Chỉ tiêu năm {year}</h1>
      <p className="lead">
        {session.commune.name}.{' '}
        {canEdit
          ? 'Cán bộ xã đặt chỉ tiêu cho từng năm; khi chưa đặt, ứng dụng dùng mức theo kế hoạch.'
          : 'Chỉ tiêu do cán bộ xã đặt (chỉ xem).'}
      </p>
      <label className="field">
        <span>Năm</span>
        <select
          value={year}
          onChange={(e) => {
            setYear(Number(e.target.value));
            setDraft({});
            setMessage('');
          }}
        >
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <ul className="list">
        {INDICATOR_KEYS.map((k) => {
          const def = INDICATORS[k];
          const set = current[k] !== undefined;
          return (
            <li key={k} className="card" data-testid={`target-${k}`}>
              <h2>{def.label}</h2>
              <p className="muted">
                Tỷ lệ = {def.numerator} / {def.denominator}.{' '}
                {set
                  ? 'Đã đặt cho năm này.'
                  : `Mặc định theo kế hoạch: ${formatTarget(def.defaultTarget)}.`}
              </p>
              {canEdit ? (
                <label className="field">
                  <span>Chỉ tiêu (%) – {def.label}</span>
                  <input
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step={1}
                    value={valueOf(k)}
                    aria-invalid={invalid.includes(k)}
                    onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
                  />
                  {invalid.includes(k) && (
                    <span className="field-error">Nhập một số từ 0 đến 100.</span>
                  )}
                </label>
              ) : (
                <p>
                  <strong>
                    {formatTarget({ ...def.defaultTarget, percent: Number(valueOf(k)) })}
                  </strong>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={invalid.length > 0 || Object.keys(draft).length === 0}
          onClick={() => void save()}
        >
          Lưu chỉ tiêu
        </button>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </section>
  );
}
