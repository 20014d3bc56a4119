import { format, formatDistance, parseISO } from 'date-fns';
import { vi } from 'date-fns/locale/vi';

/** "3 ngày trước" */
export function relativeTime(at: number, now = Date.now()): string {
  return formatDistance(at, now, { locale: vi, addSuffix: true });
}

/** "05/03/2026 14:30" */
export function dateTime(at: number): string {
  return format(at, 'dd/MM/yyyy HH:mm', { locale: vi });
}

/** 'YYYY-MM-DD' → "05/03/2026" */
export function dayLabel(day: string): string {
  return format(parseISO(day), 'dd/MM/yyyy', { locale: vi });
}

/** Today as 'YYYY-MM-DD' in local time. */
export function today(now = Date.now()): string {
  return format(now, 'yyyy-MM-dd');
}
