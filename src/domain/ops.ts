import type { Hlc } from './hlc';

/**
 * One user action on one record, as it travels through the outbox to the server: the fields it
 * set and the hybrid-logical-clock time it happened. `opId` makes re-sending it harmless.
 */
export interface Op {
  opId: string;
  entity: string;
  id: string;
  fields: Record<string, unknown>;
  clock: Hlc;
}
