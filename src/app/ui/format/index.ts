/** Every Vietnamese number, percentage, byte size, date and "how long ago" the screens show. */
export { formatBytes, formatCount, formatPercent, formatProgress } from './numbers';
export { dateTime, dayLabel, today } from './dates';
export { shortDateTimeLabel } from './shortDateTime';
export { relativeTime, relativeTimeOrJustNow } from './relativeTime';
