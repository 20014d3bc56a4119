import { formatHouseholdCode } from '../../../domain/householdCode';
import { href, navigate } from '../../platform/router';
import { QR_MESSAGES } from './messages';
import type { OpenState } from './useOpenCode';

/** What a scan or a typed code led to, when it did not open a household straight away. */
export function CodeOutcome({ state }: { state: OpenState }) {
  if (state.kind === 'error') {
    return (
      <p className="error" role="alert" data-testid="code-error">
        {QR_MESSAGES[state.error]}
      </p>
    );
  }
  if (state.kind === 'unassigned') {
    return (
      <div className="card" role="alert" data-testid="code-unassigned">
        <p>
          Mã <strong>{formatHouseholdCode(state.code)}</strong> chưa gán cho hộ nào.
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate(`${href('/ho/moi')}?ma=${encodeURIComponent(state.code)}`)}
        >
          Đăng ký hộ mới với mã này
        </button>
      </div>
    );
  }
  if (state.kind === 'several') {
    return (
      <div className="card" role="alert" data-testid="code-several">
        <p>
          Mã <strong>{formatHouseholdCode(state.code)}</strong> đang gắn với{' '}
          {state.households.length} hộ. Hãy chọn đúng hộ trước cửa, rồi báo tổ trưởng để cấp mã mới
          cho hộ kia.
        </p>
        <ul className="list">
          {state.households.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                className="btn"
                onClick={() => navigate(href('/ho/:id', { id: h.id }))}
              >
                {h.headName || 'Hộ chưa có tên chủ hộ'}
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return null;
}
