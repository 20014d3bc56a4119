import { describe, expect, it } from 'vitest';
import {
  dateTime,
  dayLabel,
  formatBytes,
  formatCount,
  formatPercent,
  formatProgress,
  relativeTime,
  relativeTimeOrJustNow,
  shortDateTimeLabel,
  today,
} from '../../src/app/ui/format';

// Local-time moments, so the cases read the same in any time zone the tests run in.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();
const now = at(2026, 12, 4, 12, 0);
const ago = (seconds: number) => now - seconds * 1000;

describe('the one formatting module', () => {
  it.each([
    ['zero', 0, '0'],
    ['below a thousand', 999, '999'],
    ['thousands grouped by a dot', 20_000, '20.000'],
    ['hundreds of thousands', 200_000, '200.000'],
    ['millions', 1_234_567, '1.234.567'],
  ])('a count: %s', (_name, n, expected) => {
    expect(formatCount(n)).toBe(expected);
  });

  it.each([
    ['no figure', null, '—'],
    ['a whole percentage', 75, '75%'],
    ['one decimal, with a comma', 66.666, '66,7%'],
    ['a tiny share rounds to zero', 0.04, '0%'],
    ['a hundred', 100, '100%'],
  ])('a percentage: %s', (_name, p, expected) => {
    expect(formatPercent(p)).toBe(expected);
  });

  it.each([
    ['two of five', 2, 5, '40%'],
    ['nothing to do yet', 0, 0, '0%'],
    ['almost done is not 100%', 999, 1000, '99%'],
    ['done', 5, 5, '100%'],
  ])('progress: %s', (_name, done, total, expected) => {
    expect(formatProgress(done, total)).toBe(expected);
  });

  it.each([
    ['nothing', 0, '0 B'],
    ['just under a kilobyte', 1023, '1.023 B'],
    ['one kilobyte', 1024, '1 KB'],
    ['a kilobyte and a half', 1536, '1,5 KB'],
    ['megabytes with a decimal', 13_107_200, '12,5 MB'],
    ['beyond the largest unit stays in TB', 5 * 1024 ** 5, '5.120 TB'],
  ])('a byte size: %s', (_name, n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });

  it.each([
    ['a moment with its time', () => dateTime(at(2026, 12, 4, 9, 5)), '04/12/2026 09:05'],
    ['a stored day', () => dayLabel('2026-12-04'), '04/12/2026'],
    ['today as a key, late in the day', () => today(at(2026, 12, 4, 23, 59)), '2026-12-04'],
    ['a server timestamp, short', () => shortDateTimeLabel('2026-03-05T14:30:00'), '14:30 5/3/26'],
  ])('a date: %s', (_name, make, expected) => {
    expect(make()).toBe(expected);
  });

  it.each([
    ['seconds ago', 10, 'dưới 1 phút trước', 'vừa xong'],
    ['44 seconds ago', 44, '1 phút trước', 'vừa xong'],
    ['45 seconds ago', 45, '1 phút trước', '1 phút trước'],
    ['a minute and a half ago', 90, '2 phút trước', '2 phút trước'],
    ['an hour ago', 3600, 'khoảng 1 giờ trước', 'khoảng 1 giờ trước'],
    ['three days ago', 3 * 86_400, '3 ngày trước', '3 ngày trước'],
  ])('how long ago: %s', (_name, seconds, plain, orJustNow) => {
    expect(relativeTime(ago(seconds), now)).toBe(plain);
    expect(relativeTimeOrJustNow(ago(seconds), now)).toBe(orJustNow);
  });
});
