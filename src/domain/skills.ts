/**
 * The national basic digital skills framework as editable reference data. The default list below
 * ships with the app and is written to the device as `skill` records (id derived from the code), which
 * a commune officer may edit or extend; the app reads the records, never this list directly.
 *
 * Source: Khung kiến thức, kỹ năng số cơ bản — Phụ lục I, Quyết định 757/QĐ-BKHCN ngày 29/4/2025
 * của Bộ Khoa học và Công nghệ. Groups 0–5 follow the framework's numbering (device use, then the
 * five basic skill groups); titles are short working labels to be checked against the official
 * text by the commune before relying on them in reports.
 */
export interface SkillRef {
  code: string;
  group: string;
  title: string;
  source: string;
  order: number;
  deleted?: boolean;
}

export const SKILL_SOURCE = 'QĐ 757/QĐ-BKHCN ngày 29/4/2025, Phụ lục I';

const GROUPS: Record<string, string> = {
  '0': 'Sử dụng thiết bị và phần mềm trên thiết bị',
  '1': 'Khai thác dữ liệu và thông tin',
  '2': 'Giao tiếp và hợp tác trong môi trường số',
  '3': 'Sáng tạo nội dung số',
  '4': 'An toàn trong môi trường số',
  '5': 'Giải quyết vấn đề',
};

const TITLES: [code: string, title: string][] = [
  ['0.1', 'Sử dụng thiết bị số'],
  ['0.2', 'Sử dụng phần mềm, ứng dụng trên thiết bị'],
  ['1.1', 'Duyệt, tìm kiếm, lọc thông tin'],
  ['1.2', 'Đánh giá thông tin, nhận biết tin giả'],
  ['1.3', 'Quản lý dữ liệu, thông tin'],
  ['2.1', 'Tương tác qua công nghệ số (nhắn tin, gọi video)'],
  ['2.2', 'Chia sẻ thông tin qua công nghệ số'],
  ['2.3', 'Sử dụng dịch vụ công trực tuyến, thanh toán số'],
  ['2.4', 'Hợp tác qua công nghệ số'],
  ['2.5', 'Ứng xử văn minh trên mạng'],
  ['2.6', 'Quản lý danh tính số (VNeID)'],
  ['3.1', 'Tạo nội dung số'],
  ['3.2', 'Chỉnh sửa, tích hợp nội dung số'],
  ['3.3', 'Bản quyền và giấy phép'],
  ['4.1', 'Bảo vệ thiết bị'],
  ['4.2', 'Bảo vệ dữ liệu cá nhân, nhận diện lừa đảo'],
  ['4.3', 'Bảo vệ sức khỏe khi dùng thiết bị số'],
  ['5.1', 'Xử lý sự cố kỹ thuật đơn giản'],
  ['5.2', 'Xác định nhu cầu và giải pháp công nghệ'],
  ['5.3', 'Tự học, nâng cao kỹ năng số'],
];

export const DEFAULT_SKILLS: readonly SkillRef[] = TITLES.map(([code, title], order) => ({
  code,
  group: GROUPS[code.split('.')[0] ?? ''] ?? '',
  title,
  source: SKILL_SOURCE,
  order,
}));

/**
 * The record id of a skill: a UUID (version 7 layout, as every synced id) derived from its code, so
 * every device and the server address the same record: `7a126e70-0001-7000-8000-<48-bit hash>`.
 */
export function skillRecordId(code: string): string {
  // FNV-1a over the code's UTF-16 units, in two 24-bit halves (exact in double arithmetic).
  let hi = 0x811c9d;
  let lo = 0xc5;
  for (let i = 0; i < code.length; i++) {
    lo ^= code.charCodeAt(i);
    const mix = lo * 0x193 + hi * 0x1b3;
    lo = mix % 0x1000000;
    hi = (hi * 0x193 + Math.floor(mix / 0x1000000) + code.charCodeAt(i) * 0x100) % 0x1000000;
  }
  const hex = (n: number) => n.toString(16).padStart(6, '0');
  return `7a126e70-0001-7000-8000-${hex(hi)}${hex(lo)}`;
}

/** The live skills, in framework order, without deleted ones. */
export function activeSkills(skills: readonly SkillRef[]): SkillRef[] {
  return skills.filter((s) => !s.deleted).sort((a, b) => a.order - b.order);
}
