import { useMemo, useState, useSyncExternalStore } from 'react';
import { yearOf } from '../../../domain/calendar';
import { buildReport, type Report } from '../../../domain/report';
import { monthPeriod, periodOf, quarterPeriod } from '../../../domain/reportPeriods';
import { reportTable } from '../../../domain/reportTable';
import { targetOverrides } from '../../../domain/targetRecords';
import { reportResponseSchema } from '../../../protocol/reports';
import { apiRequest } from '../../api/client';
import { browserConnectivity } from '../../platform/connectivity';
import { useSession } from '../../session/useSession';
import { noteExport } from '../../session/exportNotes';
import { ALL, ScopePicker, scopeFor, scopeLabel, villageNamer } from '../dashboard/scope';
import { todayVn, useViewData } from '../dashboard/useViewData';
import { DueList, dueText } from './DueList';
import { exportCsv, exportXlsx, reportFileName } from './exporters';
import { ReportView } from './ReportView';

type Kind = 'month' | 'quarter';

const useOnline = () =>
  useSyncExternalStore(browserConnectivity.subscribe, browserConnectivity.isOnline, () => true);

/** "/bao-cao": the monthly or quarterly report, from the device's data or the server's. */
export function ReportScreen() {
  const session = useSession();
  const data = useViewData();
  const online = useOnline();
  const today = todayVn();
  const [kind, setKind] = useState<Kind>('month');
  const [year, setYear] = useState(yearOf(today));
  const [index, setIndex] = useState(() => periodOf('month', today).index);
  const [value, setValue] = useState(ALL);
  const [server, setServer] = useState<{ key: string; report: Report } | null>(null);
  const [status, setStatus] = useState('');
  const period = kind === 'month' ? monthPeriod(year, index) : quarterPeriod(year, index);
  const key = `${kind}|${year}|${index}|${value}`;
  const scope = useMemo(() => (session ? scopeFor(session, value) : null), [session, value]);
  const local = useMemo(() => {
    if (!data || !scope) return null;
    return buildReport(data, period, scope, {
      targets: targetOverrides(data.targets, year),
      today,
    });
    // `period` is derived from kind, year and index.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, scope, kind, year, index, today]);
  if (!session || !local) return <p className="muted">Đang tải báo cáo…</p>;
  const fromServer = server?.key === key ? server.report : null;
  const report = fromServer ?? local;
  const table = reportTable(report, villageNamer(session));
  const name = reportFileName(period.label, scopeLabel(session, value));
  const canFetch = session.user.role !== 'volunteer';
  // Every download and print goes into the officer's audit log (sync/exportLog.ts).
  const noted = (kind: 'report_xlsx' | 'report_csv' | 'report_print', act: () => unknown) => {
    void noteExport({ kind, what: name, villageId: value === ALL ? null : value, names: false });
    void act();
  };

  async function fetchServer() {
    setStatus('Đang lấy báo cáo từ máy chủ…');
    const q = new URLSearchParams({ kind, year: String(year), period: String(index) });
    if (value !== ALL) q.set('villageId', value);
    const res = await apiRequest(`/api/reports?${q}`, reportResponseSchema);
    if (res.ok) {
      setServer({ key, report: res.value.report });
      setStatus('Đang xem báo cáo tính từ dữ liệu trên máy chủ.');
    } else {
      setStatus(
        res.error.kind === 'offline'
          ? 'Không kết nối được máy chủ. Báo cáo dưới đây tính từ dữ liệu trên máy.'
          : res.error.kind === 'api' && res.error.code === 'rate_limited'
            ? 'Đã lấy báo cáo từ máy chủ nhiều lần trong một phút. Hãy đợi một phút rồi thử lại; báo cáo dưới đây tính từ dữ liệu trên máy.'
            : 'Máy chủ không trả được báo cáo. Báo cáo dưới đây tính từ dữ liệu trên máy.',
      );
    }
  }
  const pickKind = (k: Kind) => {
    setKind(k);
    setIndex(periodOf(k, today).index);
  };

  return (
    <section className="reports">
      <h1 className="no-print">Báo cáo tháng, quý</h1>
      <div className="no-print">
        <DueList today={today} />
        <div className="choices" role="group" aria-label="Loại báo cáo">
          <button
            type="button"
            className={kind === 'month' ? 'btn btn-primary' : 'btn'}
            aria-pressed={kind === 'month'}
            onClick={() => pickKind('month')}
          >
            Báo cáo tháng
          </button>
          <button
            type="button"
            className={kind === 'quarter' ? 'btn btn-primary' : 'btn'}
            aria-pressed={kind === 'quarter'}
            onClick={() => pickKind('quarter')}
          >
            Báo cáo quý
          </button>
        </div>
        <label className="field">
          <span>{kind === 'month' ? 'Tháng' : 'Quý'}</span>
          <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {Array.from({ length: kind === 'month' ? 12 : 4 }, (_, i) => i + 1).map((i) => (
              <option key={i} value={i}>
                {kind === 'month' ? `Tháng ${i}` : `Quý ${['I', 'II', 'III', 'IV'][i - 1]}`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Năm</span>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[yearOf(today) - 1, yearOf(today)].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <ScopePicker session={session} value={value} onChange={setValue} />
        <p data-testid="report-due">
          {period.label}: {dueText(period, today)}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => noted('report_xlsx', () => exportXlsx(table, name))}
          >
            Tải về Excel (XLSX)
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => noted('report_csv', () => exportCsv(table, name))}
          >
            Tải về CSV
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => noted('report_print', () => window.print())}
          >
            In báo cáo
          </button>
          {canFetch && online && (
            <button type="button" className="btn" onClick={() => void fetchServer()}>
              Lấy báo cáo từ máy chủ
            </button>
          )}
        </div>
        <p className="muted" role="status" data-testid="report-source">
          {status ||
            (fromServer
              ? 'Đang xem báo cáo tính từ dữ liệu trên máy chủ.'
              : 'Báo cáo tính từ dữ liệu trên máy này. Hãy đồng bộ trước khi gửi báo cáo.')}
        </p>
      </div>
      <ReportView table={table} />
    </section>
  );
}
