import { vietnamDay, type Day } from '../../../domain/calendar';
import type { ViewData } from '../../../domain/reportData';
import { useLive, viewData } from '../../db';

/**
 * Everything the leader and commune views compute from, as the domain's plain facts, read once per
 * change with one live query; undefined while the first read runs.
 */
export function useViewData(): ViewData | undefined {
  return useLive(viewData, []);
}

/** Today in Vietnam, the day every view is computed for. */
export function todayVn(now = Date.now()): Day {
  return vietnamDay(now);
}
