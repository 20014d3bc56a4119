import type { QrError } from '../../../domain/qrLink';

/** What the volunteer reads when a scan or a typed code cannot open a household. */
export const QR_MESSAGES: Record<
  QrError | 'code_taken' | 'camera_denied' | 'camera_missing' | 'camera_failed',
  string
> = {
  qr_empty: 'Chưa đọc được mã. Hãy đưa mã QR vào giữa khung.',
  qr_not_ours: 'Đây không phải mã QR của Từng Nhà (có thể là mã của ứng dụng hoặc trang web khác).',
  qr_other_commune: 'Mã này thuộc xã/phường khác, không mở được ở đây.',
  code_empty: 'Hãy nhập mã in trên tem (8 ký tự).',
  code_length: 'Mã gồm 8 ký tự, ví dụ K7M2-QX4B.',
  code_characters:
    'Mã có ký tự không hợp lệ. Mã chỉ gồm chữ số và chữ in hoa (không có I, L, O, U).',
  code_check: 'Mã không đúng: có thể đọc hoặc gõ nhầm một ký tự. Hãy kiểm tra lại.',
  code_taken: 'Mã này đã được gán cho một hộ khác.',
  camera_denied:
    'Chưa được phép dùng máy ảnh. Hãy cho phép trong cài đặt trình duyệt, hoặc nhập mã bằng tay.',
  camera_missing: 'Máy này không có máy ảnh. Hãy nhập mã bằng tay.',
  camera_failed: 'Không mở được máy ảnh. Hãy nhập mã bằng tay.',
};
