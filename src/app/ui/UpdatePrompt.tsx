import { useUi } from '../state/ui';
import { applyUpdate } from '../platform/start';

/**
 * Offers a downloaded new version. It never reloads by itself, and while any form holds unsaved
 * typing it asks the user to finish it first.
 */
export function UpdatePrompt() {
  const available = useUi((s) => s.updateAvailable);
  const busy = useUi((s) => Object.keys(s.dirtyForms).length > 0);
  if (!available) return null;
  return (
    <div className="banner" role="alert">
      <p>Đã có phiên bản mới của Từng Nhà.</p>
      {busy ? (
        <p className="muted">Hãy lưu biểu mẫu đang nhập, rồi cập nhật.</p>
      ) : (
        <button type="button" className="btn btn-primary" onClick={applyUpdate}>
          Cập nhật ngay
        </button>
      )}
    </div>
  );
}
