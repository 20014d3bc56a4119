import type { GdsSkill } from '../../../domain/gdsStatus';

/** The checkbox labels of the member form's "Gia đình số" section (words of the national guidance). */
export const GDS_SKILL_LABEL: Record<GdsSkill, string> = {
  gdsPublicServices: 'Biết dùng dịch vụ công trực tuyến',
  gdsShopping: 'Biết mua sắm trực tuyến',
  gdsPayment: 'Biết thanh toán trực tuyến',
  gdsSafety: 'Biết tự bảo vệ trên không gian mạng',
  gdsLocalPlatform: 'Dùng được một nền tảng số của địa phương',
};

export const GUIDES_FAMILY_LABEL = 'Hướng dẫn cả gia đình';
