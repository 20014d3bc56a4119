import type { ErrorCode } from '../../../protocol';
import { SESSION_ENDED_NOTICE, type ActionResult } from '../../session/actions';

/** Vietnamese for what can go wrong on the account screens. */
const BY_CODE: Partial<Record<ErrorCode, string>> = {
  invalid_credentials: 'Sai tên đăng nhập hoặc mật khẩu.',
  // Said alike whether the name exists or not: the server answers both the same.
  login_throttled:
    'Tên đăng nhập này đã bị nhập sai mật khẩu nhiều lần. Hãy đợi vài phút rồi thử lại; nếu quên mật khẩu, hãy nhờ tổ trưởng hoặc cán bộ xã đặt lại.',
  rate_limited: 'Thử quá nhiều lần. Hãy đợi một phút rồi thử lại.',
  busy: 'Máy chủ đang bận với nhiều yêu cầu của bạn hoặc của xã. Hãy đợi một lát rồi thử lại.',
  current_password_wrong: 'Mật khẩu hiện tại không đúng.',
  validation_failed: 'Thông tin chưa hợp lệ. Hãy kiểm tra lại.',
  already_set_up: 'Máy chủ này đã được thiết lập cho một xã. Hãy đăng nhập.',
  unknown_commune: 'Không tìm thấy xã trong danh mục chính thức.',
  username_taken: 'Tên đăng nhập này đã có người dùng trong xã.',
  commune_required:
    'Tên đăng nhập và mật khẩu này dùng ở nhiều xã. Hãy nhập mã xã của bạn (5 chữ số) rồi đăng nhập lại.',
  village_name_taken: 'Đã có thôn, xóm mang tên này.',
  forbidden: 'Bạn không có quyền làm việc này.',
  out_of_scope: 'Việc này nằm ngoài phạm vi thôn, xóm bạn phụ trách.',
  not_found: 'Không tìm thấy.',
  password_change_required: 'Bạn cần đổi mật khẩu trước.',
  device_revoked: 'Thiết bị này đã bị thu hồi quyền truy cập.',
  token_invalid: 'Phiên đăng nhập không còn hợp lệ.',
  session_expired: SESSION_ENDED_NOTICE,
};

export function failureMessage(result: ActionResult): string {
  if (result.ok) return '';
  switch (result.reason) {
    case 'offline':
      return 'Cần có kết nối mạng để làm việc này.';
    case 'unsynced':
      return `Máy còn ${result.count} thay đổi chưa gửi lên máy chủ. Hãy đồng bộ trước, để không mất dữ liệu.`;
    case 'unsynced_other_user':
      return `Máy còn ${result.count} thay đổi chưa gửi của tài khoản ${result.username}. Người đó cần đăng nhập lại trên máy này để gửi trước; sau đó tài khoản khác mới đăng nhập được.`;
    case 'api': {
      const f = result.failure;
      if (f.kind === 'offline') return 'Không kết nối được máy chủ. Đăng nhập lần đầu cần có mạng.';
      if (f.kind === 'api') return BY_CODE[f.code] ?? 'Máy chủ báo lỗi. Hãy thử lại.';
      return 'Máy chủ trả lời không đúng. Hãy thử lại.';
    }
  }
}

export function apiFailureMessage(f: Extract<ActionResult, { reason: 'api' }>['failure']): string {
  return failureMessage({ ok: false, reason: 'api', failure: f });
}

/** A name for this device in the devices list ("Android · Chrome"). */
export function deviceLabel(ua: string = navigator.userAgent): string {
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iPhone'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'Thiết bị';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'trình duyệt';
  return `${os} · ${browser}`;
}
