import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../src/app/db/rows';
import { fitPushBatch } from '../../src/app/sync/pushBatch';

const op = (seq: number, notes: string): OutboxRow => ({
  seq,
  opId: `op-${seq}`,
  entity: 'household',
  id: `h-${seq}`,
  fields: { notes },
  clock: 'clock',
  createdAt: 0,
});
const small = (n: number) => Array.from({ length: n }, (_, i) => op(i + 1, 'ghi chú'));
const seqs = (ops: OutboxRow[]) => ops.map((o) => o.seq);

describe('the ops of one push request', () => {
  const cases: { name: string; ops: OutboxRow[]; maxBytes: number; expected: number[] }[] = [
    { name: 'an empty outbox sends nothing', ops: [], maxBytes: 1000, expected: [] },
    { name: 'small ops all fit', ops: small(3), maxBytes: 10_000, expected: [1, 2, 3] },
    {
      name: 'the batch stops before the op that would overflow the body',
      ops: small(5),
      maxBytes: 2 * 240,
      expected: [1, 2],
    },
    {
      name: 'an op bigger than the limit still goes alone, so the outbox keeps moving',
      ops: [op(1, 'x'.repeat(5000)), op(2, 'y')],
      maxBytes: 1000,
      expected: [1],
    },
    {
      name: 'a big op after small ones waits for the next request',
      ops: [op(1, 'a'), op(2, 'x'.repeat(5000))],
      maxBytes: 1000,
      expected: [1],
    },
  ];
  it.each(cases)('$name', ({ ops, maxBytes, expected }) => {
    expect(seqs(fitPushBatch(ops, maxBytes))).toEqual(expected);
  });
});
