import { href, navigate } from '../platform/router';

export function NotFound() {
  return (
    <section>
      <h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trong Từng Nhà.</p>
      <button type="button" className="btn" onClick={() => navigate(href('/'))}>
        Về trang chính
      </button>
    </section>
  );
}
