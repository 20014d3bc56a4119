import type { EntityRow } from './rows';

/**
 * A stored row as the domain's facts read it: the row itself (its fields sit at the top level),
 * with the server's village (`_village`, syncStore.ts) when that differs from the row's own.
 */
export function asFact<T = EntityRow>(row: EntityRow): T {
  const v = row._village;
  return (typeof v === 'string' && v !== row.villageId ? { ...row, villageId: v } : row) as T;
}
