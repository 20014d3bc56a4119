import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  catchUp,
  holdIndexer,
  households,
  search,
  startIndexer,
  summaries,
  writeAll,
} from '../../src/app/db';
import { db } from '../../src/app/db/db';
import { pendingMarks } from '../../src/app/db/summaries';
import { useIndexing } from '../../src/app/state/indexing';
import { generateCommune } from '../../src/domain/generate';

/**
 * Derived data is kept by the write side: the indexer makes summaries and search entries again
 * after each write, with no screen asking; reading them never writes.
 */
const small = generateCommune(21, { villages: 2, households: 30, people: 90, visits: 0 });
const V = small.villages[0]?.id ?? '';
const home = (id: string, headName: string) => ({
  entity: 'household' as const,
  id,
  fields: { headName, address: 'Thôn Đông', villageId: V },
});
const bucketsNow = async () => JSON.stringify(await db.summaryBuckets.toArray());
const summarised = async (id: string) =>
  (await summaries.read()).households.some((h) => h.id === id);

let stop: () => void = () => undefined;
beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await writeAll(small.households.map((h) => home(h.id, h.headName)));
  await catchUp();
});
afterEach(() => stop());

describe('the indexer', () => {
  it('makes a written household searchable and summarised with no reader asking', async () => {
    stop = startIndexer();
    await writeAll([home('new-home', 'Khổng Tú Quỳnh')]);
    await vi.waitFor(async () => expect(await pendingMarks()).toEqual([]), { timeout: 20_000 });
    expect(await summarised('new-home')).toBe(true);
    expect((await search.query('khong tu quynh')).households.map((h) => h.id)).toEqual([
      'new-home',
    ]);
  });

  it('waits while it is held (a sync pulling pages) and catches up once released', async () => {
    stop = startIndexer();
    const release = holdIndexer();
    await writeAll([home('held-home', 'Lò Văn Pá')]);
    // A full round trip through the same table after the write has been announced.
    await households.get('held-home');
    expect(await pendingMarks()).toEqual(['h:held-home']);
    expect(await summarised('held-home')).toBe(false);
    release();
    await vi.waitFor(async () => expect(await summarised('held-home')).toBe(true), {
      timeout: 20_000,
    });
  });

  it('tells a full rebuild’s progress through app/state and clears it at the end', async () => {
    const seen: number[] = [];
    const unsubscribe = useIndexing.subscribe((s) => s.progress && seen.push(s.progress.done));
    await db.summaryDirty.put({ id: '*', marks: [] });
    await catchUp();
    unsubscribe();
    expect(seen.length).toBeGreaterThan(1);
    expect(useIndexing.getState().progress).toBeNull();
  });
});

describe('reading', () => {
  it('never writes: a search and a summary read leave stale entries and their marks alone', async () => {
    await writeAll([home(small.households[0]?.id ?? '', 'Đèo Thị Xuân')]);
    const marks = await pendingMarks();
    const before = await bucketsNow();
    expect(marks).toHaveLength(1);
    expect((await search.query('deo thi xuan')).households).toEqual([]);
    await summaries.read();
    expect(await pendingMarks()).toEqual(marks);
    expect(await bucketsNow()).toBe(before);
  });
});
