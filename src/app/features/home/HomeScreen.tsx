import { useUi } from '../../state/ui';
import { formatBytes } from '../../ui/format/numbers';
import { ModelsTiles } from '../mentors/ModelsTiles';
import { FieldTiles } from './FieldTiles';
import { ViewsTiles } from '../dashboard/ViewsTiles';

/** The first screen: what the app is for, and whether this phone will keep its data. */
export function HomeScreen() {
  const storage = useUi((s) => s.storage);
  return (
    <section className="home">
      <h1>Đi từng ngõ, gõ từng nhà, hướng dẫn từng người</h1>
      <p className="lead">
        Sổ tay của Tổ công nghệ số cộng đồng: ghi hộ gia đình, lượt hướng dẫn và tiến độ “Bình dân
        học vụ số” — dùng được cả khi không có sóng.
      </p>
      <FieldTiles />
      <ModelsTiles />
      <ViewsTiles />
      <div className="card" data-testid="storage-card">
        <h2>Bộ nhớ trên máy</h2>
        {storage === null ? (
          <p className="muted">Đang kiểm tra…</p>
        ) : (
          <>
            <p>
              {storage.persisted
                ? 'Dữ liệu được giữ lâu dài trên máy này.'
                : 'Trình duyệt chưa cam kết giữ dữ liệu lâu dài. Hãy cài Từng Nhà lên màn hình chính.'}
            </p>
            {storage.quotaBytes !== null && storage.usageBytes !== null && (
              <p className="muted">
                Đã dùng {formatBytes(storage.usageBytes)} / {formatBytes(storage.quotaBytes)}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
