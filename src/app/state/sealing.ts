import { create } from 'zustand';

/**
 * How far app/db's sealer has gone sealing the rows an earlier version left in clear (once, after
 * the first unlock of an upgraded phone): null when it is not running.
 */
export interface SealProgress {
  done: number;
  total: number;
}

interface SealingState {
  progress: SealProgress | null;
  report(p: SealProgress | null): void;
}

export const useSealing = create<SealingState>((set) => ({
  progress: null,
  report: (p) => set({ progress: p }),
}));
