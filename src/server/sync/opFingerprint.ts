import { createHash } from 'node:crypto';
import { stableStringify } from '../../domain/merge';
import type { Op } from '../../domain/ops';
import type { Sql } from '../store/store';

/**
 * What an op says, as a short digest: an op id seen again is a duplicate only when it says the
 * same; the same id with other content is refused (`op_id_reused`), never acknowledged.
 */
export function opFingerprint(op: Pick<Op, 'entity' | 'id' | 'fields' | 'clock'>): string {
  return createHash('sha256')
    .update(stableStringify([op.entity, op.id, op.fields, op.clock]))
    .digest('base64url');
}

/** An op id already answered: what it said, and the clock it was stored under. */
export interface Seen {
  fingerprint: string | null;
  clock: string | null;
}

/** The ops of these ids the commune has already answered (table applied_ops). */
export async function knownOps(
  tx: Sql,
  commune: string,
  opIds: string[],
): Promise<Map<string, Seen>> {
  if (opIds.length === 0) return new Map();
  const rows = await tx.query<{ op_id: string; fingerprint: string | null; clock: string | null }>(
    `SELECT op_id::text AS op_id, fingerprint, clock FROM applied_ops
      WHERE commune_code = $1 AND op_id = ANY($2::uuid[])`,
    [commune, opIds],
  );
  return new Map(rows.map((r) => [r.op_id, { fingerprint: r.fingerprint, clock: r.clock }]));
}
