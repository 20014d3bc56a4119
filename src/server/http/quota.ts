/**
 * At most `max` takes per key in each window of `windowMs` (a fixed window, in memory): for rare
 * actions counted after their input is checked, where a request-level rate limit would also count
 * malformed requests. `now` comes in (tests pass a fake clock).
 */
export function perKeyQuota(max: number, windowMs: number, now: () => number) {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    /** Counts one take for key; false when the key's window is used up. */
    take(key: string): boolean {
      const t = now();
      for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      const w = windows.get(key) ?? { start: t, used: 0 };
      if (w.used >= max) return false;
      w.used++;
      windows.set(key, w);
      return true;
    },
  };
}
