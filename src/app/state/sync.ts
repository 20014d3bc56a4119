import { create } from 'zustand';

/** The sync engine's live status for the UI (the data itself is read from Dexie). */
export type SyncProblem = 'offline' | 'outdated' | 'unauthenticated' | 'revoked' | 'server';

interface SyncState {
  running: boolean;
  phase: 'push' | 'pull' | null;
  progress: { done: number; total: number | null } | null;
  problem: SyncProblem | null;
  /** The server needs a newer app: shown until the app updates. */
  outdated: boolean;
  begin(): void;
  report(phase: 'push' | 'pull', done: number, total: number | null): void;
  finish(problem: SyncProblem | null): void;
  setOutdated(): void;
}

export const useSyncState = create<SyncState>((set) => ({
  running: false,
  phase: null,
  progress: null,
  problem: null,
  outdated: false,
  begin: () => set({ running: true, phase: null, progress: null }),
  report: (phase, done, total) => set({ phase, progress: { done, total } }),
  finish: (problem) =>
    set((s) => ({
      running: false,
      phase: null,
      progress: null,
      problem,
      outdated: s.outdated || problem === 'outdated',
    })),
  setOutdated: () => set({ outdated: true }),
}));
