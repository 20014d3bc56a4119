import type { TraderStage } from '../../../domain/trader4t';
import type { StageDateError } from './actions';

export const STAGE_ERROR: Record<StageDateError, string> = {
  bad_date: 'Ngày không hợp lệ.',
  date_in_future: 'Ngày không được sau hôm nay.',
  date_range: 'Ngày không hợp lệ (ngoài khoảng cho phép).',
};

/** What to help the trader with next. */
export const NEXT_STEP: Record<TraderStage, string> = {
  trader: 'Ghi nhận tiểu thương tham gia mô hình',
  ecommerce: 'Hướng dẫn bán hàng trên sàn thương mại điện tử',
  cashless: 'Hướng dẫn nhận thanh toán không dùng tiền mặt (mã QR)',
  savings: 'Hướng dẫn tiết kiệm số',
};
