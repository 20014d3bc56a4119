import { progressStore, type Progress } from './progress';

/**
 * How far app/db's sealer has gone sealing the rows an earlier version left in clear (once, after
 * the first unlock of an upgraded phone): null when it is not running.
 */
export type SealProgress = Progress;

export const useSealing = progressStore();
