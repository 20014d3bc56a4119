import { useState } from 'react';
import { exportLogSchema, type ExportKind, type ExportLogEntry } from '../../../protocol';
import { apiRequest, type ApiFailure } from '../../api/client';
import { shortDateTimeLabel } from '../../ui/format/shortDateTime';
import { apiFailureMessage } from '../auth/messages';
import { AccountPicker } from './AccountPicker';
import { useApi } from './useApi';

const KIND: Record<ExportKind, string> = {
  report_xlsx: 'Tải báo cáo Excel',
  report_csv: 'Tải báo cáo CSV',
  report_print: 'In báo cáo',
  stickers_print: 'In tem QR',
};

/** Pages loaded after the first, for the filters they were loaded with. */
interface More {
  path: string;
  entries: ExportLogEntry[];
  next: string | null;
}

/**
 * "Nhật ký xuất dữ liệu" (officer only): who downloaded or printed which report or list, when,
 * from which phone, and whether it held people's names, newest first, a page at a time, of one
 * person or of all, with names only or all. Each phone sends its own at its next sync. Needs the
 * network.
 */
export function ExportLogPanel({
  villages,
}: {
  villages: readonly { id: string; name: string }[];
}) {
  const [by, setBy] = useState('');
  const [names, setNames] = useState(false);
  const filters = new URLSearchParams();
  if (by) filters.set('by', by);
  if (names) filters.set('names', '1');
  const path = filters.size > 0 ? `/api/exports?${filters}` : '/api/exports';
  const { data, error, reload } = useApi(path, exportLogSchema);
  const [more, setMore] = useState<More | null>(null);
  const [moreError, setMoreError] = useState<ApiFailure | null>(null);
  const extra = more?.path === path ? more : null;
  const entries = [...(data?.entries ?? []), ...(extra?.entries ?? [])];
  const next = extra ? extra.next : (data?.next ?? null);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));

  async function loadMore(before: string) {
    const q = new URLSearchParams(filters);
    q.set('before', before);
    const res = await apiRequest(`/api/exports?${q}`, exportLogSchema);
    setMoreError(res.ok ? null : res.error);
    if (res.ok)
      setMore({
        path,
        entries: [...(extra?.entries ?? []), ...res.value.entries],
        next: res.value.next,
      });
  }

  return (
    <div className="card">
      <h2>Nhật ký xuất dữ liệu</h2>
      <p className="muted">
        Ai tải về hoặc in báo cáo, danh sách, tem QR, lúc nào, từ máy nào. Mỗi máy gửi nhật ký ở lần
        đồng bộ tiếp theo.
      </p>
      <AccountPicker label="Người xuất" value={by} onChange={setBy} />{' '}
      <label>
        <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} /> Chỉ
        những lần có tên người dân
      </label>{' '}
      <button
        className="btn"
        type="button"
        onClick={() => {
          setMore(null);
          reload();
        }}
      >
        Tải lại
      </button>
      {error && <p className="error">{apiFailureMessage(error)}</p>}
      {data && entries.length === 0 && <p className="muted">Chưa có ai xuất hay in dữ liệu.</p>}
      <ul className="list" aria-label="Nhật ký xuất dữ liệu">
        {entries.map((e) => {
          const where = e.villageId ? villageName.get(e.villageId) : undefined;
          return (
            <li key={`${e.by.userId}:${e.id}`} data-testid="export-log-row">
              <strong>{KIND[e.kind]}</strong>: {e.what}
              {where ? ` · ${where}` : ''}
              {e.names ? ' · có tên người dân' : ''}
              <br />
              <span className="muted">
                {e.by.displayName}
                {e.by.deviceName ? ` (${e.by.deviceName})` : ''} lúc {shortDateTimeLabel(e.at)}
              </span>
            </li>
          );
        })}
      </ul>
      {moreError && <p className="error">{apiFailureMessage(moreError)}</p>}
      {next && (
        <button className="btn" type="button" onClick={() => void loadMore(next)}>
          Xem thêm
        </button>
      )}
    </div>
  );
}
