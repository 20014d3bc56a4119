import { format, parseISO } from 'date-fns';
import { vi } from 'date-fns/locale/vi';

/**
 * Dates and times as the screens show them, in the phone's local time: "05/03/2026",
 * "05/03/2026 14:30". date-fns does the work; screens never build date strings by hand.
 */

/** A moment (ms since 1970) → "05/03/2026 14:30". */
export function dateTime(at: number): string {
  return format(at, 'dd/MM/yyyy HH:mm', { locale: vi });
}

/** A calendar day 'YYYY-MM-DD' → "05/03/2026". */
export function dayLabel(day: string): string {
  return format(parseISO(day), 'dd/MM/yyyy', { locale: vi });
}

/** Today as 'YYYY-MM-DD' in local time (a key to compare stored days with, not a label). */
export function today(now = Date.now()): string {
  return format(now, 'yyyy-MM-dd');
}
