import type {
  Gender,
  PlatformStatus,
  PriorityFlag,
  Relation,
  VisitOutcome,
  VisitTask,
  VneidLevel,
} from '../../../domain/entities';
import type { ReadinessGap, ReadinessLevel } from '../../../domain/readiness';
import type { FieldError } from '../../../domain/fieldRules';

/** Vietnamese labels of the field-work codes (the codes themselves live in src/domain). */
export const FLAG_LABEL: Record<PriorityFlag, string> = {
  flagPoor: 'Hộ nghèo',
  flagNearPoor: 'Hộ cận nghèo',
  flagMinority: 'Dân tộc thiểu số',
  flagElderlyAlone: 'Người cao tuổi sống một mình',
  flagDisability: 'Có người khuyết tật',
};

export const GENDER_LABEL: Record<Gender, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

export const RELATION_LABEL: Record<Relation, string> = {
  head: 'Chủ hộ',
  spouse: 'Vợ/chồng',
  child: 'Con',
  parent: 'Bố/mẹ',
  grandchild: 'Cháu',
  sibling: 'Anh/chị/em',
  other: 'Khác',
};

export const VNEID_LABEL: Record<VneidLevel, string> = {
  none: 'Chưa có',
  level1: 'Mức độ 1',
  level2: 'Mức độ 2',
};

export const PLATFORM_LABEL: Record<PlatformStatus, string> = {
  none: 'Chưa học',
  learning: 'Đang học',
  completed: 'Hoàn thành',
};

export const TASK_LABEL: Record<VisitTask, string> = {
  cai_vneid: 'Cài VNeID',
  kich_hoat_muc_2: 'Hỗ trợ kích hoạt mức độ 2',
  cai_app_ngan_hang: 'Cài ứng dụng ngân hàng',
  tao_ma_qr_thanh_toan: 'Tạo mã QR thanh toán',
  nop_ho_so_dvc: 'Nộp hồ sơ dịch vụ công trực tuyến',
  cai_vssid: 'Cài VssID',
  nhan_dien_lua_dao: 'Nhận diện lừa đảo trực tuyến',
  khac: 'Khác',
};

export const OUTCOME_LABEL: Record<VisitOutcome, string> = {
  done: 'Đã hoàn thành',
  partly: 'Làm được một phần',
  follow_up: 'Cần quay lại',
  not_home: 'Không có nhà',
  refused: 'Từ chối',
};

export const GAP_LABEL: Record<ReadinessGap, string> = {
  smartphone: 'Chưa có điện thoại thông minh',
  vneid: 'Chưa có VNeID',
  vneid_level2: 'Chưa có VNeID mức độ 2',
  cashless: 'Chưa thanh toán không dùng tiền mặt',
  online_services: 'Chưa dùng dịch vụ công trực tuyến',
  platform: 'Chưa hoàn thành “Bình dân học vụ số”',
};

export const LEVEL_LABEL: Record<ReadinessLevel, string> = {
  child: 'Trẻ em',
  not_started: 'Chưa bắt đầu',
  partial: 'Đang tiến bộ',
  ready: 'Đã sẵn sàng',
};

export const ERROR_MESSAGE: Record<FieldError, string> = {
  required: 'Không được để trống.',
  too_long: 'Quá dài.',
  phone_format: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.',
  birth_year_range: 'Năm sinh phải từ 1900 đến năm nay.',
  not_a_choice: 'Hãy chọn một mục trong danh sách.',
  date_format: 'Ngày không hợp lệ.',
  date_range: 'Ngày không hợp lệ (ngoài khoảng cho phép).',
  needs_letter: 'Tên phải có ít nhất một chữ cái.',
  tasks_required: 'Hãy chọn ít nhất một việc.',
  other_task_required: 'Hãy ghi rõ việc khác.',
};
