import { useUi } from '../state/ui';
import { href, navigate } from '../platform/router';
import type { ReactNode } from 'react';

/**
 * The top bar: app name, the badges the app puts in it (`children`: the sync badge, from App.tsx)
 * and a connectivity badge a volunteer reads at a glance.
 */
export function StatusBar({ children }: { children?: ReactNode }) {
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
      {children}
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
