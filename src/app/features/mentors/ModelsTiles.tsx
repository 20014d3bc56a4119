import { href, navigate } from '../../platform/router';

/** Home tiles of the movement's models. */
export function ModelsTiles() {
  const tile = (path: string) => () => navigate(path);
  return (
    <nav className="tiles" aria-label="Các mô hình">
      <button type="button" className="tile" onClick={tile(href('/dai-su-so'))}>
        Đại sứ số
        <small>Mỗi đại sứ số ít nhất 5 người học</small>
      </button>
      <button type="button" className="tile" onClick={tile(href('/gia-dinh-so'))}>
        Gia đình số
        <small>Hộ đạt, hộ còn thiếu gì</small>
      </button>
      <button type="button" className="tile" onClick={tile(href('/cho-so-4t'))}>
        Chợ số 4T
        <small>Tiến độ của tiểu thương</small>
      </button>
      <button type="button" className="tile" onClick={tile(href('/danh-tinh-so'))}>
        Danh tính số
        <small>VNeID và tài khoản ngân hàng số từ 16 tuổi</small>
      </button>
    </nav>
  );
}
