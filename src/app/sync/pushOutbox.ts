import { MAX_PUSH_OPS } from '../../protocol/sync';
import type { ApiFailure } from '../api/client';
import { syncStore, type RejectedOp, type TungNhaDb } from '../db';
import { fitPushBatch } from './pushBatch';
import type { SyncTransport } from './transport';

export type PushOutcome =
  { ok: true; pushed: number; rejected: RejectedOp[] } | { ok: false; error: ApiFailure };

/**
 * Pushes the whole outbox, oldest ops first, in batches. While one batch is on the wire the
 * previous answer is settled on the device (outbox cleared, refusals undone), so the phone's
 * IndexedDB work overlaps the server's. An op the server did not answer stays in the outbox for
 * the next run; a failed request stops the push after settling every answer already received.
 */
export async function pushOutbox(
  db: TungNhaDb,
  transport: SyncTransport,
  now: () => number,
  onBatch: (pushed: number) => void = () => undefined,
): Promise<PushOutcome> {
  let pushed = 0;
  const rejected: RejectedOp[] = [];
  let settling: Promise<RejectedOp[]> = Promise.resolve([]);
  const take = (after?: number) =>
    syncStore.outboxBatch(db, MAX_PUSH_OPS, after).then(fitPushBatch);
  let batch = await take();
  while (batch.length > 0) {
    onBatch(pushed);
    const sent = transport.push(
      batch.map(({ opId, entity, id, fields, clock }) => ({ opId, entity, id, fields, clock })),
      now(),
    );
    rejected.push(...(await settling));
    const res = await sent;
    if (!res.ok) return { ok: false, error: res.error };
    // Read the next batch before settling this one: the read would otherwise wait for the settle.
    const next = await take(batch.at(-1)?.seq);
    settling = syncStore.settlePush(db, batch, res.value.results, res.value.serverClock, now());
    pushed += batch.length;
    batch = next;
  }
  rejected.push(...(await settling));
  return { ok: true, pushed, rejected };
}
