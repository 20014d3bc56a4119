import { useState } from 'react';
import { deviceListSchema, okSchema } from '../../../protocol';
import { apiRequest } from '../../api/client';
import { shortDateTimeLabel } from '../../ui/format/shortDateTime';
import { apiFailureMessage } from '../auth/messages';
import { useApi } from './useApi';

/** Devices with their last contact; revoking one cuts a lost phone off (after a confirmation). */
export function DevicesPanel() {
  const { data, error, reload } = useApi('/api/devices', deviceListSchema);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [actionError, setActionError] = useState('');

  async function revoke(id: string) {
    const res = await apiRequest(`/api/devices/${id}/revoke`, okSchema, { method: 'POST' });
    setConfirming(null);
    setActionError(res.ok ? '' : apiFailureMessage(res.error));
    reload();
  }

  return (
    <div className="card">
      <h2>Thiết bị đăng nhập</h2>
      {error && <p className="error">{apiFailureMessage(error)}</p>}
      {actionError && (
        <p className="field-error" role="alert">
          {actionError}
        </p>
      )}
      <ul className="list" aria-label="Danh sách thiết bị">
        {data?.devices.map((d) => {
          const label = `${d.name} của ${d.user.displayName}`;
          return (
            <li key={d.id} data-testid="device-row">
              <strong>{d.user.displayName}</strong> · {d.name}
              {d.current && ' · máy này'}
              <br />
              <span className="muted">
                {d.revokedAt
                  ? `Đã thu hồi ${shortDateTimeLabel(d.revokedAt)}`
                  : `Lần cuối kết nối ${shortDateTimeLabel(d.lastSeenAt)}`}
              </span>
              {!d.revokedAt && !d.current && confirming !== d.id && (
                <button
                  className="btn"
                  type="button"
                  aria-label={`Thu hồi ${label}`}
                  onClick={() => setConfirming(d.id)}
                >
                  Thu hồi
                </button>
              )}
              {confirming === d.id && (
                <span role="group" aria-label="Xác nhận thu hồi">
                  <span> Thiết bị sẽ bị đăng xuất và xóa dữ liệu ở lần kết nối tới. </span>
                  <button
                    className="btn btn-primary"
                    type="button"
                    onClick={() => void revoke(d.id)}
                  >
                    Xác nhận thu hồi
                  </button>
                  <button className="btn" type="button" onClick={() => setConfirming(null)}>
                    Hủy
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
