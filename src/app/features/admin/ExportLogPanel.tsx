import { exportLogSchema, type ExportKind } from '../../../protocol';
import { shortDateTimeLabel } from '../../ui/format/shortDateTime';
import { apiFailureMessage } from '../auth/messages';
import { useApi } from './useApi';

const KIND: Record<ExportKind, string> = {
  report_xlsx: 'Tải báo cáo Excel',
  report_csv: 'Tải báo cáo CSV',
  report_print: 'In báo cáo',
  stickers_print: 'In tem QR',
};

/**
 * "Nhật ký xuất dữ liệu" (officer only): who downloaded or printed which report or list, when,
 * from which phone, and whether it held people's names. Each phone sends its own at its next
 * sync. Needs the network.
 */
export function ExportLogPanel({
  villages,
}: {
  villages: readonly { id: string; name: string }[];
}) {
  const { data, error, reload } = useApi('/api/exports', exportLogSchema);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const entries = data?.entries ?? [];
  return (
    <div className="card">
      <h2>Nhật ký xuất dữ liệu</h2>
      <p className="muted">
        Ai tải về hoặc in báo cáo, danh sách, tem QR, lúc nào, từ máy nào. Mỗi máy gửi nhật ký ở lần
        đồng bộ tiếp theo.
      </p>
      <button className="btn" type="button" onClick={reload}>
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
    </div>
  );
}
