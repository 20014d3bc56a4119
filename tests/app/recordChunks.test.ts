import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TungNhaDb } from '../../src/app/db/db';
import type { EntityRow } from '../../src/app/db/rows';
import { VERSIONS } from '../../src/app/db/versions';
import { pendingMarks, updateSummaries } from '../../src/app/db/summaries';
import { CHUNK_SIZE, deleteRecords, putRecords, recordIds } from '../../src/app/db/recordChunks';
import {
  allVisits,
  countMembers,
  countVisits,
  membersOfHouseholds,
  visitsById,
  visitsOfHouseholds,
} from '../../src/app/db/recordTables';

const putVisits = (db: TungNhaDb, rows: EntityRow[], isNew?: (id: string) => boolean) =>
  putRecords(db.visitChunks, rows, isNew);
const deleteVisits = (db: TungNhaDb, ids: string[]) => deleteRecords(db.visitChunks, ids);

/** Visits kept in chunks (visitChunks.ts): what the screens read must be what was written. */
const opened: TungNhaDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete();
  }
});

function freshDb() {
  const db = new TungNhaDb(`visits-${Math.random()}`);
  opened.push(db);
  return db;
}

const visit = (n: number, household: number, extra: Record<string, unknown> = {}): EntityRow => ({
  id: `v-${String(n).padStart(4, '0')}`,
  householdId: `h-${household}`,
  villageId: 'thon-1',
  at: Date.UTC(2026, 10, 1) + n * 60_000,
  outcome: 'done',
  _clocks: {},
  ...extra,
});

/** 250 visits over 30 households, in the scattered order a pull delivers them. */
const scattered = Array.from({ length: 250 }, (_, n) => visit(n, (n * 7) % 30));
const ofHousehold = (h: number) =>
  scattered
    .filter((v) => v.householdId === `h-${h}`)
    .map((v) => v.id)
    .sort();
const sortedIds = (rows: (EntityRow | undefined)[]) => rows.map((r) => r?.id).sort();

describe('visits in chunks', () => {
  it('finds each household’s visits, each visit by id, and counts them all', async () => {
    const db = freshDb();
    await putVisits(db, scattered);
    expect(await db.visitChunks.count()).toBe(Math.ceil(250 / CHUNK_SIZE));
    expect(sortedIds(await visitsOfHouseholds(db, ['h-4']))).toEqual(ofHousehold(4));
    expect(sortedIds(await visitsOfHouseholds(db, ['h-4', 'h-29']))).toEqual(
      [...ofHousehold(4), ...ofHousehold(29)].sort(),
    );
    expect(await visitsOfHouseholds(db, ['h-none'])).toEqual([]);
    const [one, missing] = await visitsById(db, ['v-0123', 'v-9999']);
    expect(one).toEqual(scattered[123]);
    expect(missing).toBeUndefined();
    expect(await countVisits(db)).toBe(250);
    expect(await recordIds(db.visitChunks)).toEqual(scattered.map((v) => v.id).sort());
    expect(sortedIds(await allVisits(db))).toEqual(scattered.map((v) => v.id).sort());
  });

  it('keeps one copy of a visit stored again (a pulled echo of a visit made here)', async () => {
    const db = freshDb();
    await putVisits(db, scattered.slice(0, 10));
    const again = { ...scattered[3], _village: 'thon-1' } as EntityRow;
    await putVisits(db, [again, visit(900, 1)]);
    expect(await countVisits(db)).toBe(11);
    expect((await visitsById(db, [again.id]))[0]).toEqual(again);
    expect((await allVisits(db)).filter((v) => v.id === again.id)).toHaveLength(1);
  });

  it('stores a visit the caller wrongly called new only once it is checked (no lost visit)', async () => {
    const db = freshDb();
    // Said to be already kept but no chunk holds it: it still lands in a new chunk.
    await putVisits(db, [visit(1, 1)], () => false);
    expect(await countVisits(db)).toBe(1);
  });

  it('deletes visits: a chunk keeps its others, an emptied chunk goes', async () => {
    const db = freshDb();
    await putVisits(db, scattered.slice(0, 3));
    await putVisits(db, [visit(500, 9)]); // a chunk of its own
    await deleteVisits(db, ['v-0001', 'v-0500']);
    expect(sortedIds(await allVisits(db))).toEqual(['v-0000', 'v-0002']);
    expect(await db.visitChunks.count()).toBe(1);
    expect(await countVisits(db)).toBe(2);
  });

  it('wakes a live query on a household’s visits when a visit lands in another chunk', async () => {
    const db = freshDb();
    await putVisits(db, scattered.slice(0, 120));
    const seen: number[] = [];
    const sub = liveQuery(() => visitsOfHouseholds(db, ['h-3'])).subscribe((rows) =>
      seen.push(rows.length),
    );
    const before = ofHousehold(3).filter((id) => id < 'v-0120').length;
    await expect.poll(() => seen.at(-1)).toBe(before);
    await putVisits(db, [visit(777, 3)]); // a new chunk of its own
    await expect.poll(() => seen.at(-1)).toBe(before + 1);
    await deleteVisits(db, ['v-0777']);
    await expect.poll(() => seen.at(-1)).toBe(before);
    sub.unsubscribe();
  });

  it('marks the household of a deleted visit for its summary, not only those left', async () => {
    const db = freshDb();
    await db.households.bulkPut(
      [0, 7, 14].map((h) => ({ id: `h-${h}`, villageId: 'thon-1', _clocks: {} })),
    );
    await putVisits(db, scattered.slice(0, 3)); // households 0, 7 and 14 in one chunk
    await updateSummaries(undefined, db);
    expect(await pendingMarks(db)).toEqual([]);
    await deleteVisits(db, ['v-0001']);
    expect(await pendingMarks(db)).toContain('h:h-7');
  });
});

describe('a device upgraded from version 4', () => {
  it('finds its members and visits in chunks after the upgrade', async () => {
    const name = `v4-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.filter((x) => x.version <= 4)) old.version(v.version).stores(v.stores);
    await old.table('visits').bulkPut(scattered);
    const people = Array.from({ length: 12_000 }, (_, n) => ({
      ...visit(n, n % 3000),
      id: `m-${String(n).padStart(5, '0')}`,
      name: `Người ${n}`,
    }));
    await old.table('members').bulkPut(people);
    old.close();
    const db = new TungNhaDb(name);
    opened.push(db);
    expect(await countVisits(db)).toBe(250);
    expect(sortedIds(await visitsOfHouseholds(db, ['h-11']))).toEqual(ofHousehold(11));
    // More members than one step of the upgrade moves: every one of them is kept, once.
    expect(await countMembers(db)).toBe(12_000);
    expect(sortedIds(await membersOfHouseholds(db, ['h-2999']))).toEqual([
      'm-02999',
      'm-05999',
      'm-08999',
      'm-11999',
    ]);
    expect(db.tables.map((t) => t.name)).not.toContain('visits');
    expect(db.tables.map((t) => t.name)).not.toContain('members');
    // 12,000 members moved into chunks by the upgrade (fake IndexedDB): ~1.2 s alone.
  }, 30_000);
});
