import { db } from './db';
import type { EntityRow } from './schema';
import { membersOfHouseholds, visitsOfHouseholds } from './recordChunks';

/**
 * The households of these villages with their members (and, when asked, their visits). Members
 * and visits carry no village index (schema.ts, version 4): they are read through their
 * households, which is also how a first sync keeps its index writes down.
 */
export async function villageRows(
  villageIds: readonly string[],
  opts: { visits: boolean },
): Promise<{ households: EntityRow[]; members: EntityRow[]; visits: EntityRow[] }> {
  const households = await db.households.where('villageId').anyOf(villageIds).toArray();
  const ids = households.map((h) => h.id);
  const [members, visits] = await Promise.all([
    membersOfHouseholds(db, ids),
    opts.visits ? visitsOfHouseholds(db, ids) : [],
  ]);
  return { households, members, visits };
}
