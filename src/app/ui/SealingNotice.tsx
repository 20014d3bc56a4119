import { useSealing } from '../state/sealing';
import { formatCount, formatProgress } from './format';

/**
 * While an upgraded phone seals the data an earlier version kept in clear (app/db/sealer.ts): how
 * far it has gone. Work goes on meanwhile; nothing is lost if the app closes (it goes on at the
 * next unlock).
 */
export function SealingNotice() {
  const progress = useSealing((s) => s.progress);
  if (!progress) return null;
  return (
    <div className="banner" role="status" data-testid="sealing">
      <p>
        Đang mã hóa dữ liệu trên máy: {formatCount(progress.done)}/{formatCount(progress.total)} bản
        ghi ({formatProgress(progress.done, progress.total)}).
      </p>
      <p className="muted">
        Vẫn có thể làm việc bình thường. Nếu đóng ứng dụng, lần mở khóa sau sẽ làm tiếp.
      </p>
    </div>
  );
}
