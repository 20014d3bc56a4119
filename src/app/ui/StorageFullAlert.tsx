import { useEffect, useState } from 'react';
import { onStorageFull } from '../db';

/** Shown when a save failed because the phone's storage is full; what was saved before stays. */
export function StorageFullAlert() {
  const [shown, setShown] = useState(false);
  useEffect(() => onStorageFull(() => setShown(true)), []);
  if (!shown) return null;
  return (
    <div className="card field-error" role="alert" data-testid="storage-full">
      <p>
        Bộ nhớ máy đã đầy: thay đổi vừa rồi chưa được lưu. Những gì đã lưu trước đó vẫn còn nguyên.
        Hãy xoá bớt ảnh, video hoặc ứng dụng không dùng trên máy rồi lưu lại.
      </p>
      <button type="button" className="btn" onClick={() => setShown(false)}>
        Đã hiểu
      </button>
    </div>
  );
}
