/**
 * Vietnamese numbers as the screens show them: "20.000" (a dot groups thousands), "12,5" (a comma
 * before decimals). Each formatter is made once, here; screens never build their own.
 */
const whole = new Intl.NumberFormat('vi-VN');
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A count: 20000 → "20.000". */
export function formatCount(n: number): string {
  return whole.format(n);
}

/** A percentage with at most one decimal: 66.666… → "66,7%"; no figure (null) → "—". */
export function formatPercent(p: number | null): string {
  return p === null ? '—' : `${oneDecimal.format(p)}%`;
}

/** How far a long job has gone, rounded down so it never shows 100% early: 2 of 5 → "40%". */
export function formatProgress(done: number, total: number): string {
  return `${whole.format(Math.floor((done * 100) / Math.max(total, 1)))}%`;
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A size in bytes, in steps of 1024: 13107200 → "12,5 MB". */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)} ${units[unit]}`;
}
