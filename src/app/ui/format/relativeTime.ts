import { formatDistance } from 'date-fns';
import { vi } from 'date-fns/locale/vi';

/** How long ago, against `now`: "3 ngày trước", "1 phút trước". */
export function relativeTime(at: number, now = Date.now()): string {
  return formatDistance(at, now, { locale: vi, addSuffix: true });
}

/** As relativeTime, but the last 45 seconds read "vừa xong" (the sync screen's last sync). */
export function relativeTimeOrJustNow(at: number, now = Date.now()): string {
  if (now - at < 45_000) return 'vừa xong';
  return relativeTime(at, now);
}
