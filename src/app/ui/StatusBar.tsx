import { useUi } from '../state/ui';
import { href, navigate } from '../platform/router';
import { SyncBadge } from '../features/sync/SyncBadge';

/** The top bar: app name and a connectivity badge a volunteer reads at a glance. */
export function StatusBar() {
  const online = useUi((s) => s.online);
  return (
    <header className="topbar">
      <a
        className="brand"
        href={href('/')}
        onClick={(e) => {
          e.preventDefault();
          navigate(href('/'));
        }}
      >
        Từng Nhà
      </a>
      <SyncBadge />
      <span
        className={online ? 'badge badge-online' : 'badge badge-offline'}
        role="status"
        aria-live="polite"
        data-testid="connectivity"
      >
        {online ? 'Trực tuyến' : 'Ngoại tuyến'}
      </span>
    </header>
  );
}
