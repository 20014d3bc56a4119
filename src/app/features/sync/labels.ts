import type { NoticeCode } from '../../db';
import type { SyncProblem } from '../../state/sync';

/** Why the server refused (or did not use) a change, in the words a volunteer understands. */
export const REJECT_REASON: Record<NoticeCode, string> = {
  unknown_entity: 'Loại dữ liệu này máy chủ không nhận (cần cập nhật ứng dụng).',
  invalid_id: 'Mã bản ghi không hợp lệ.',
  invalid_fields: 'Thông tin nhập không hợp lệ.',
  bad_clock: 'Thời điểm ghi không hợp lệ.',
  out_of_scope: 'Bạn không phụ trách thôn của bản ghi này.',
  officer_only: 'Chỉ cán bộ xã được sửa dữ liệu dùng chung của xã.',
  missing_village: 'Chưa xác định được thôn (hộ gia đình chưa có trên máy chủ).',
  append_only: 'Lượt hướng dẫn đã ghi thì không sửa được; hãy ghi một lượt mới.',
  op_id_reused: 'Máy chủ đã nhận một thay đổi khác cùng mã; thay đổi này không được ghi.',
  author_mismatch: 'Người thực hiện ghi trong thay đổi không phải tài khoản của bạn.',
  leader_only: 'Chỉ tổ trưởng hoặc cán bộ xã được xác nhận Gia đình số.',
  code_taken:
    'Mã dán cửa này đã gắn với một hộ khác trong xã. Hãy cấp mã mới cho hộ này và dán lại.',
  deletion_held:
    'Hôm nay bạn đã xóa nhiều mục: lần xóa này chờ tổ trưởng xác nhận. Mục vẫn còn cho tới khi tổ trưởng đồng ý.',
  deleted_record:
    'Mục này đã bị xóa. Chỉ tổ trưởng khôi phục được, ở mục "Đã xóa gần đây", để lấy lại đủ thông tin.',
  superseded: 'Đã có người sửa mục này muộn hơn trên máy khác; bản sửa của bạn không được dùng.',
};

export const ENTITY_LABEL: Record<string, string> = {
  household: 'Hộ gia đình',
  member: 'Thành viên',
  visit: 'Lượt hướng dẫn',
  mentorship: 'Cặp Đại sứ số – người học',
  trader: 'Hộ kinh doanh (Chợ số 4T)',
  skill: 'Kỹ năng',
  target: 'Chỉ tiêu',
};

export const PROBLEM_TEXT: Record<SyncProblem, string> = {
  offline: 'Chưa kết nối được máy chủ. Sẽ tự thử lại khi có mạng.',
  server: 'Máy chủ đang gặp sự cố. Sẽ tự thử lại sau ít phút.',
  outdated: 'Máy chủ đã nâng cấp: cần cập nhật ứng dụng để đồng bộ.',
  unauthenticated: 'Hãy đăng nhập để đồng bộ.',
  revoked: 'Thiết bị này đã bị thu hồi quyền truy cập.',
};
