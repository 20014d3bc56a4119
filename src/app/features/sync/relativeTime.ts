import { formatDistanceToNow } from 'date-fns';
import { vi } from 'date-fns/locale';

/** "2 phút trước" */
export function relativeTime(ms: number, now: number = Date.now()): string {
  if (now - ms < 45_000) return 'vừa xong';
  return formatDistanceToNow(ms, { addSuffix: true, locale: vi });
}
