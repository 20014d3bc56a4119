import { create } from 'zustand';

/**
 * How far app/db's indexer has gone making the dashboard's summaries and the search's entries
 * again (a fresh device's one-time rebuild takes seconds): null when it is not rebuilding.
 */
export interface IndexProgress {
  done: number;
  total: number;
}

interface IndexingState {
  progress: IndexProgress | null;
  report(p: IndexProgress | null): void;
}

export const useIndexing = create<IndexingState>((set) => ({
  progress: null,
  report: (p) => set({ progress: p && p.done < p.total ? p : null }),
}));
