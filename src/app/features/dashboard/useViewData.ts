import { vietnamDay, type Day } from '../../../domain/calendar';
import type { ViewData } from '../../../domain/reportData';
import { db } from '../../db/db';
import { allMembers, allVisits } from '../../db/recordChunks';
import { useLiveQuery } from '../../db/live';
import type { EntityRow } from '../../db/schema';

/**
 * Everything the leader and commune views compute from: the device's rows, read once per change
 * with one live query, as the plain arrays the domain functions take. A row keeps its own fields at
 * the top level, so it is used as is; only a row whose server village differs gets a copy.
 */
function facts<T>(rows: EntityRow[]): T[] {
  return rows.map((r) =>
    typeof r._village === 'string' && r._village !== r.villageId
      ? { ...r, villageId: r._village }
      : r,
  ) as T[];
}

export async function loadViewData(): Promise<ViewData> {
  const [households, members, visits, mentorships, traders, targets] = await Promise.all([
    db.households.toArray(),
    allMembers(db),
    allVisits(db),
    db.mentorships.toArray(),
    db.traders.toArray(),
    db.targets.toArray(),
  ]);
  return {
    households: facts(households),
    members: facts(members),
    visits: facts(visits),
    mentorships: facts(mentorships),
    traders: facts(traders),
    targets: facts(targets),
  };
}

/** The device's data, live; undefined while the first read runs. */
export function useViewData(): ViewData | undefined {
  return useLiveQuery(loadViewData, []);
}

/** Today in Vietnam, the day every view is computed for. */
export function todayVn(now = Date.now()): Day {
  return vietnamDay(now);
}
