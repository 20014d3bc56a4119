import { create } from 'zustand';

/** How far a background job has gone, for the screens that show it. */
export interface Progress {
  done: number;
  total: number;
}

export interface ProgressState {
  /** Null when the job is not running (or has just finished). */
  progress: Progress | null;
  report(p: Progress | null): void;
}

/** One store per background job; the job reports, screens read. */
export function progressStore() {
  return create<ProgressState>((set) => ({
    progress: null,
    report: (p) => set({ progress: p && p.done < p.total ? p : null }),
  }));
}
