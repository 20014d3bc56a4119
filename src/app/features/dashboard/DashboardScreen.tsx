import { useEffect, useMemo, useState } from 'react';
import type { Day } from '../../../domain/calendar';
import { useLive } from '../../db';
import { href, navigate } from '../../platform/router';
import { useIndexing } from '../../state/indexing';
import type { Session } from '../../session/types';
import { useSession } from '../../session/useSession';
import { formatCount } from '../../ui/format';
import { ActivityTable } from './ActivityTable';
import type { DashboardFigures } from './figures';
import { IndicatorBars, VillageTable } from './IndicatorBars';
import { rebuildLabel } from './labels';
import { ALL, ScopePicker, scopeFor, scopeLabel, villageNamer } from './scope';
import { dataStamp, readSnapshot, refreshSnapshot, snapshotKey } from './snapshot';
import { TrendChart } from './TrendChart';
import { todayVn } from './useViewData';

/** "/tong-quan": where the village or commune stands against its targets, computed on the device. */
export function DashboardScreen() {
  const session = useSession();
  const [value, setValue] = useState(ALL);
  if (!session) return <p className="muted">Đang tải số liệu…</p>;
  return <Dashboard session={session} scopeValue={value} onScope={setValue} />;
}

function Dashboard(props: { session: Session; scopeValue: string; onScope: (v: string) => void }) {
  const { session, scopeValue } = props;
  const today = todayVn();
  const key = snapshotKey(session.user.id, scopeValue);
  const scope = useMemo(() => scopeFor(session, scopeValue), [session, scopeValue]);
  const snapshot = useLive(() => readSnapshot(key), [key]);
  const stamp = useLive(dataStamp, []);
  const fresh = snapshot && snapshot.stamp === stamp && snapshot.today === today;
  const progress = useIndexing((s) => s.progress);
  useEffect(() => {
    if (snapshot === undefined || stamp === undefined || fresh) return;
    void refreshSnapshot(key, scope, today, stamp);
  }, [snapshot, stamp, fresh, key, scope, today]);
  if (!snapshot)
    return (
      <p className="muted" role="status">
        {progress ? rebuildLabel(progress) : 'Đang tính số liệu trên máy…'}
      </p>
    );
  return (
    <DashboardView
      session={session}
      figures={snapshot.figures}
      today={snapshot.today}
      scopeValue={scopeValue}
      onScope={props.onScope}
      updating={progress ? rebuildLabel(progress) : !fresh}
    />
  );
}

export function DashboardView(props: {
  session: Session;
  figures: DashboardFigures;
  today: Day;
  scopeValue: string;
  onScope: (v: string) => void;
  /** True, or what is being done (a rebuild's progress), while newer figures are computed. */
  updating?: boolean | string;
}) {
  const { session, figures, today, scopeValue } = props;
  return (
    <section className="dashboard">
      <h1>Tổng quan tiến độ</h1>
      <p className="lead">
        {scopeLabel(session, scopeValue)} · {formatCount(figures.households)} hộ · số liệu trên máy
        đến ngày {today.slice(8)}/{today.slice(5, 7)}/{today.slice(0, 4)}
      </p>
      {props.updating && (
        <p className="muted" role="status" data-testid="dashboard-updating">
          {typeof props.updating === 'string'
            ? `${props.updating} (số liệu dưới đây là của lần tính trước)`
            : 'Đang cập nhật theo dữ liệu mới…'}
        </p>
      )}
      <ScopePicker session={session} value={scopeValue} onChange={props.onScope} />
      <nav className="tiles no-print" aria-label="Việc của tổ">
        <button type="button" className="tile" onClick={() => navigate(href('/viec-can-lam'))}>
          Việc cần làm
        </button>
        <button type="button" className="tile" onClick={() => navigate(href('/bao-cao'))}>
          Báo cáo
        </button>
        <button type="button" className="tile" onClick={() => navigate(href('/chi-tieu'))}>
          Chỉ tiêu
        </button>
      </nav>
      <section className="card" aria-labelledby="indicators-title">
        <h2 id="indicators-title">Kết quả so với chỉ tiêu năm {today.slice(0, 4)}</h2>
        <IndicatorBars results={figures.overall.indicators} />
        {figures.overall.unknownAge > 0 && (
          <p className="muted">
            {formatCount(figures.overall.unknownAge)} người chưa rõ năm sinh (không tính vào tỷ lệ).
          </p>
        )}
      </section>
      <VillageTable rows={figures.byVillage} name={villageNamer(session)} />
      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">Xu hướng 6 tháng</h2>
        <TrendChart points={figures.trend} />
      </section>
      <ActivityTable activity={figures.activity} session={session} />
    </section>
  );
}
