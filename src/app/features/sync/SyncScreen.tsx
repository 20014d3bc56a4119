import { useEffect, useState } from 'react';
import { device } from '../../db';
import { useSyncState } from '../../state/sync';
import { formatCount, relativeTimeOrJustNow } from '../../ui/format';
import { useUi } from '../../state/ui';
import { requestSync } from '../../sync/runtime';
import { ENTITY_LABEL, PROBLEM_TEXT, REJECT_REASON } from './labels';
import { useSyncInfo } from './useSyncInfo';

/** /dong-bo: send and receive now, see what waits, and what the server refused and why. */
export function SyncScreen() {
  const { pending, lastSyncAt, rejected } = useSyncInfo();
  const { running, phase, progress, problem, outdated } = useSyncState();
  const online = useUi((s) => s.online);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(t);
  }, []);

  return (
    <section className="sync-screen">
      <h1>Đồng bộ</h1>
      {outdated && (
        <p className="card field-error" role="alert" data-testid="sync-outdated">
          {PROBLEM_TEXT.outdated}
        </p>
      )}
      <div className="card">
        <p data-testid="sync-pending">
          {pending === 0
            ? 'Mọi thay đổi đã được gửi.'
            : `Chưa gửi: ${formatCount(pending)} thay đổi.`}
        </p>
        <p className="muted" data-testid="sync-last">
          {lastSyncAt === undefined
            ? 'Chưa đồng bộ lần nào.'
            : `Đồng bộ lần cuối: ${relativeTimeOrJustNow(lastSyncAt, now)}`}
        </p>
        {running && (
          <div role="status" aria-live="polite" data-testid="sync-progress">
            <p>
              {phase === 'pull' ? 'Đang tải dữ liệu về' : 'Đang gửi thay đổi'}
              {progress && progress.total
                ? `: ${formatCount(progress.done)} / ${formatCount(progress.total)} bản ghi`
                : '…'}
            </p>
            {progress?.total ? (
              <progress max={progress.total} value={progress.done} aria-label="Tiến độ đồng bộ" />
            ) : null}
          </div>
        )}
        {!running && problem && problem !== 'outdated' && (
          <p className="field-error" role="alert">
            {PROBLEM_TEXT[problem]}
          </p>
        )}
        <button
          type="button"
          className="btn btn-primary"
          disabled={running}
          onClick={() => void requestSync()}
          data-testid="sync-now"
        >
          {running ? 'Đang đồng bộ…' : 'Đồng bộ'}
        </button>
        {!online && <p className="muted">Máy đang ngoại tuyến; sẽ tự đồng bộ khi có mạng.</p>}
      </div>

      {rejected.length > 0 && (
        <div className="card" data-testid="sync-rejected">
          <h2>Thay đổi không được ghi ({rejected.length})</h2>
          <ul className="sync-rejected">
            {rejected.map((r) => (
              <li key={r.opId}>
                <strong>{ENTITY_LABEL[r.entity] ?? r.entity}</strong>: {REJECT_REASON[r.code]}
                <span className="muted"> ({relativeTimeOrJustNow(r.at, now)})</span>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={() => void device.clearNotices()}>
            Đã xem, xóa danh sách
          </button>
        </div>
      )}
    </section>
  );
}
