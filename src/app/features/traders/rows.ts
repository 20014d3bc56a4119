import { isDay } from '../../../domain/calendar';
import { TRADER_STAGES, type TraderFacts } from '../../../domain/trader4t';
import type { EntityRow } from '../../db/schema';

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** A device row as a trader; a half-synced row gets safe defaults. */
export function asTrader(r: EntityRow): TraderFacts {
  const t: TraderFacts = {
    id: r.id,
    memberId: s(r.memberId),
    householdId: s(r.householdId),
    villageId: s(r.villageId),
    businessName: s(r.businessName),
    ...(r.deleted === true ? { deleted: true } : {}),
  };
  for (const stage of TRADER_STAGES) {
    const on = r[stage.field];
    t[stage.field] = isDay(on) ? on : null;
  }
  return t;
}
