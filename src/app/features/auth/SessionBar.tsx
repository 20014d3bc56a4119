import { useState } from 'react';
import { useLive } from '../../db';
import { href, navigate } from '../../platform/router';
import { logout } from '../../session/actions';
import { lock } from '../../session/lock';
import { hasPin } from '../../session/pin';
import type { Session } from '../../session/types';
import { failureMessage } from './messages';

const ROLE_LABEL = {
  volunteer: 'Tình nguyện viên',
  leader: 'Tổ trưởng',
  officer: 'Cán bộ xã',
} as const;

/**
 * Who is logged in, the accounts screen (a volunteer's own devices), the lock (the phone handed to
 * someone, or put down: only the PIN opens the data again), and logout.
 */
export function SessionBar({ session }: { session: Session }) {
  const [error, setError] = useState('');
  const pin = useLive(hasPin, [], false);
  const manager = session.user.role !== 'volunteer';

  async function onLogout() {
    setError('');
    const result = await logout();
    if (!result.ok) setError(failureMessage(result));
  }

  return (
    <div className="session-bar" data-testid="session-bar">
      <span>
        {session.user.displayName} · {ROLE_LABEL[session.user.role]} · {session.commune.name}
      </span>
      <span className="session-actions">
        <button className="btn" type="button" onClick={() => navigate(href('/quan-ly'))}>
          {manager ? 'Quản lý' : 'Thiết bị'}
        </button>
        {pin && (
          <button className="btn" type="button" onClick={lock}>
            Khóa
          </button>
        )}
        <button className="btn" type="button" onClick={() => void onLogout()}>
          Đăng xuất
        </button>
      </span>
      {error && (
        <p className="field-error" role="alert">
          Chưa thể đăng xuất: {error}
        </p>
      )}
    </div>
  );
}
