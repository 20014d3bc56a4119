const bytes = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "12,5 MB" — sizes in Vietnamese number format. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes.format(value)} ${units[unit]}`;
}
