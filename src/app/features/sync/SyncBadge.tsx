import { useEffect } from 'react';
import { href, navigate } from '../../platform/router';
import { useSession } from '../../session/useSession';
import { requestSync } from '../../sync/runtime';
import { useSyncState } from '../../state/sync';
import { useSyncInfo } from './useSyncInfo';

/** In the top bar: how many changes wait to be sent; opens the sync screen. */
export function SyncBadge() {
  const { pending, rejected } = useSyncInfo();
  const running = useSyncState((s) => s.running);
  const outdated = useSyncState((s) => s.outdated);
  // A device that just logged in (or was given another account) syncs at once.
  const token = useSession()?.token;
  useEffect(() => {
    if (token) void requestSync();
  }, [token]);
  const label = outdated
    ? 'Cần cập nhật'
    : running
      ? 'Đang đồng bộ…'
      : pending > 0
        ? `${pending} chưa gửi`
        : 'Đã đồng bộ';
  return (
    <a
      href={href('/dong-bo')}
      className={`badge sync-badge${rejected.length > 0 || outdated ? ' sync-badge-warn' : ''}`}
      data-testid="sync-badge"
      aria-label={`Đồng bộ: ${label}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(href('/dong-bo'));
      }}
    >
      {label}
    </a>
  );
}
