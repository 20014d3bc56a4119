/**
 * The short date and time of the admin lists, with Intl alone: the accounts screen loads with the
 * first screen, and date-fns stays out of it.
 */
const shortDateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

/** An ISO timestamp from the server → the short form of the admin lists: "14:30 5/3/26". */
export function shortDateTimeLabel(iso: string): string {
  return shortDateTime.format(new Date(iso));
}
