import type { OutboxRow } from '../db';

/**
 * The ops of one push request: the oldest ones, up to MAX_PUSH_OPS, and no more than the request
 * body can carry. The server refuses bodies over 4 MiB, so a batch stops at about 1 MB of JSON
 * (always at least one op, so the outbox keeps moving).
 */
export const PUSH_BATCH_BYTES = 1_000_000;
/** What an op costs on the wire besides its fields: ids, clock, entity, JSON punctuation. */
const OP_OVERHEAD_BYTES = 200;

export function fitPushBatch(ops: OutboxRow[], maxBytes = PUSH_BATCH_BYTES): OutboxRow[] {
  let bytes = 0;
  for (let i = 0; i < ops.length; i++) {
    bytes += JSON.stringify(ops[i]?.fields ?? {}).length + OP_OVERHEAD_BYTES;
    if (bytes > maxBytes) return ops.slice(0, Math.max(1, i));
  }
  return ops;
}
