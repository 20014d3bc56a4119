import { createHash } from 'node:crypto';
import { stableStringify } from '../../domain/merge';
import type { Op } from '../../domain/ops';

/**
 * What an op says, as a short digest: an op id seen again is a duplicate only when it says the
 * same; the same id with other content is refused (`op_id_reused`), never acknowledged.
 */
export function opFingerprint(op: Pick<Op, 'entity' | 'id' | 'fields' | 'clock'>): string {
  return createHash('sha256')
    .update(stableStringify([op.entity, op.id, op.fields, op.clock]))
    .digest('base64url');
}
