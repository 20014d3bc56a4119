import { href, navigate } from '../../platform/router';
import { useSession } from '../../session/useSession';

/** Home screen tiles of the leader and commune views (leaders and officers). */
export function ViewsTiles() {
  const session = useSession();
  if (!session || session.user.role === 'volunteer') return null;
  const go = (path: string) => () => navigate(path);
  return (
    <nav className="tiles" aria-label="Theo dõi và báo cáo">
      <button type="button" className="tile" onClick={go(href('/tong-quan'))}>
        Tổng quan tiến độ
        <small>So với chỉ tiêu, theo thôn</small>
      </button>
      <button type="button" className="tile" onClick={go(href('/viec-can-lam'))}>
        Việc cần làm
        <small>Hộ chưa thăm, hẹn quay lại…</small>
      </button>
      <button type="button" className="tile" onClick={go(href('/bao-cao'))}>
        Báo cáo
        <small>Tháng, quý: Excel, CSV, bản in</small>
      </button>
      <button type="button" className="tile" onClick={go(href('/chi-tieu'))}>
        Chỉ tiêu
        <small>Chỉ tiêu năm của xã</small>
      </button>
    </nav>
  );
}
