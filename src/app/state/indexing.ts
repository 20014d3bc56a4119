import { progressStore, type Progress } from './progress';

/**
 * How far app/db's indexer has gone making the dashboard's summaries and the search's entries
 * again (a fresh device's one-time rebuild takes seconds): null when it is not rebuilding.
 */
export type IndexProgress = Progress;

export const useIndexing = progressStore();
