import type { MentorKind, MentorshipError, MentorshipStatus } from '../../../domain/mentorship';

export const STATUS_LABEL: Record<MentorshipStatus, string> = {
  active: 'Đang hướng dẫn',
  completed: 'Hoàn thành',
  stopped: 'Dừng',
};

export const KIND_LABEL: Record<MentorKind, string> = {
  volunteer: 'Tình nguyện viên',
  resident: 'Người dân',
};

/** The Vietnamese message of each refusal of checkPairing. */
export const PAIRING_ERROR: Record<MentorshipError, string> = {
  mentee_has_active_mentor:
    'Người này đang có đại sứ số hướng dẫn. Mỗi người chỉ có một đại sứ số đang hướng dẫn.',
  mentor_is_mentee: 'Đại sứ số không thể tự hướng dẫn chính mình.',
  mentee_unknown: 'Không tìm thấy người học trên máy.',
  bad_start_date: 'Ngày bắt đầu không hợp lệ.',
  start_date_in_future: 'Ngày bắt đầu không được sau hôm nay.',
};
