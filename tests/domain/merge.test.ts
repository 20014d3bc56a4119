import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src/domain/hlc';
import { applyWrite, mergeVersioned } from '../../src/domain/merge';
import type { Fields, Versioned } from '../../src/domain/records';

const at = (ms: number, node = 'a', counter = 0) => encodeHlc({ ms, counter, node });
type Write = { fields: Fields; clock: string };
const replay = (writes: Write[]) =>
  writes.reduce<Versioned | undefined>(
    (cur, w) => applyWrite(cur, w.fields, w.clock).next,
    undefined,
  );

const T = 1_763_800_000_000;
const cases: { name: string; writes: Write[]; expected: Fields }[] = [
  {
    name: 'clock skew: a phone whose clock runs an hour slow still loses to a later edit made after it synced',
    writes: [
      { fields: { phone: '0911' }, clock: at(T + 3_600_000, 'fast') },
      // The slow phone received the fast clock before editing: its HLC sorts after it.
      { fields: { phone: '0922' }, clock: at(T + 3_600_000, 'slow', 1) },
    ],
    expected: { phone: '0922' },
  },
  {
    name: 'duplicate operation: the same write twice is the same as once',
    writes: [
      { fields: { headName: 'An', phone: '1' }, clock: at(T) },
      { fields: { phone: '2' }, clock: at(T + 1) },
      { fields: { headName: 'An', phone: '1' }, clock: at(T) },
    ],
    expected: { headName: 'An', phone: '2' },
  },
  {
    name: 'out-of-order delivery: a late-arriving older write does not undo a newer one, other fields merge',
    writes: [
      { fields: { phone: 'new' }, clock: at(T + 10, 'b') },
      { fields: { phone: 'old', address: 'Xóm 1' }, clock: at(T + 5, 'a') },
    ],
    expected: { phone: 'new', address: 'Xóm 1' },
  },
  {
    name: 'delete vs edit: a later delete wins over an earlier edit, and the edit of another field stays',
    writes: [
      { fields: { deleted: true }, clock: at(T + 20, 'b') },
      { fields: { phone: '3' }, clock: at(T + 10, 'a') },
    ],
    expected: { deleted: true, phone: '3' },
  },
  {
    name: 'edit vs delete: an undelete written after the delete brings the record back',
    writes: [
      { fields: { deleted: true }, clock: at(T + 20, 'b') },
      { fields: { deleted: false }, clock: at(T + 30, 'a') },
    ],
    expected: { deleted: false },
  },
  {
    name: 'same millisecond on two phones: the node id breaks the tie the same way everywhere',
    writes: [
      { fields: { headName: 'từ máy b' }, clock: at(T, 'b') },
      { fields: { headName: 'từ máy a' }, clock: at(T, 'a') },
    ],
    expected: { headName: 'từ máy b' },
  },
];

describe('per-field last-writer-wins merge', () => {
  it.each(cases)('$name', ({ writes, expected }) => {
    expect(replay(writes)?.data).toEqual(expected);
    // Every delivery order gives the same record.
    expect(replay([...writes].reverse())).toEqual(replay(writes));
  });

  it('merging a server copy keeps the local pending edit whose clock is newer', () => {
    const local = replay([{ fields: { phone: 'local', address: 'x' }, clock: at(T + 50) }])!;
    const server: Versioned = {
      data: { phone: 'server', address: 'y', headName: 'Bình' },
      clocks: { phone: at(T + 10, 'b'), address: at(T + 60, 'b'), headName: at(T, 'b') },
    };
    const { next, changed } = mergeVersioned(local, server);
    expect(next.data).toEqual({ phone: 'local', address: 'y', headName: 'Bình' });
    expect(changed.sort()).toEqual(['address', 'headName']);
    expect(mergeVersioned(next, server).changed).toEqual([]);
  });
});
