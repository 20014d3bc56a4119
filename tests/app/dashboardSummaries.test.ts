import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { deleteRecords, putRecords } from '../../src/app/db/recordChunks';
import { membersOfHouseholds, visitsOfHouseholds } from '../../src/app/db/recordTables';
import { catchUp, viewData, writeAll } from '../../src/app/db';
import { chunksOf } from '../../src/app/db/recordChunks';
import type { EntityRow } from '../../src/app/db/rows';
import { VERSIONS } from '../../src/app/db/versions';
import { encode, HOUSEHOLD_BUCKETS, MENTOR_BUCKETS } from '../../src/app/db/summaryBuckets';
import {
  INCREMENTAL_MAX,
  pendingMarks,
  readSummaries,
  updateSummaries,
} from '../../src/app/db/summaries';
import { applyPullPage } from '../../src/app/db/pullStore';
import { dashboardFigures, type DashboardFigures } from '../../src/app/features/dashboard/figures';
import { figuresNow } from '../../src/app/features/dashboard/snapshot';
import { generateCommune } from '../../src/domain/generate';
import { summarizeAll } from '../../src/domain/householdSummary';
import type { Scope } from '../../src/domain/reportScope';

/**
 * The dashboard adds up per-household summaries (app/db/summaries.ts) kept current by marking
 * households on every write (summaryDirty.ts). Whatever the write path, its figures must equal
 * those computed from every row (dashboardFigures over viewData).
 */
const TODAY = '2027-06-15';
const small = generateCommune(5, { villages: 3, households: 60, people: 240, visits: 300 });
const V = small.villages[0]?.id ?? '';
const SCOPES: Scope[] = ['commune', { villageIds: [V] }];

async function fromRows(scope: Scope): Promise<DashboardFigures> {
  return dashboardFigures(await viewData(), scope, TODAY);
}

/** The figures once the indexer has done its work after the writes. */
async function expectCurrent() {
  await catchUp();
  for (const scope of SCOPES) expect(await figuresNow(scope, TODAY)).toEqual(await fromRows(scope));
}

const rows = (list: readonly object[]) => list.map((r) => ({ ...r, _clocks: {} }) as EntityRow);

async function loadSmall() {
  await db.households.bulkPut(rows(small.households));
  await putRecords(db.memberChunks, rows(small.members));
  await putRecords(db.visitChunks, rows(small.visits));
  await db.mentorships.bulkPut(
    rows(
      small.members.slice(0, 40).map((m, i) => ({
        id: `p${i}`,
        mentorId: `mentor-${i % 6}`,
        mentorKind: 'resident',
        menteeId: m.id,
        villageId: m.villageId,
        startDate: `2027-0${(i % 5) + 1}-01`,
        status: 'active',
        skills: [],
      })),
    ),
  );
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await loadSmall();
});

const smartphones = (f: DashboardFigures) =>
  f.overall.indicators.find((i) => i.key === 'adultsSmartphone')?.numerator;

describe('the dashboard’s summaries follow every write', () => {
  it('a whole commune written at once is summarised in one rebuild', async () => {
    await expectCurrent();
    expect(await db.summaryDirty.count()).toBe(0);
    expect((await readSummaries()).households).toHaveLength(small.households.length);
  });

  it('an edit through writeAll marks its household and changes the figures', async () => {
    await updateSummaries();
    const before = await figuresNow('commune', TODAY);
    const m = small.members.find((x) => x.birthYear <= 2000 && !x.smartphone);
    if (!m) throw new Error('no adult without a smartphone');
    await writeAll([{ entity: 'member', id: m.id, fields: { smartphone: true } }]);
    expect(await pendingMarks()).toEqual([`h:${m.householdId}`]);
    await catchUp();
    const after = await figuresNow('commune', TODAY);
    expect(smartphones(after)).toBe((smartphones(before) ?? 0) + 1);
    await expectCurrent();
  });

  it('a pulled page (new visits, a household moved away, a pairing) changes the figures', async () => {
    await updateSummaries();
    const h = small.households[1];
    const v = small.visits[0];
    if (!h || !v) throw new Error('no rows');
    const record = (entity: 'household' | 'visit' | 'mentorship', id: string, data: object) => ({
      entity,
      id,
      villageId: V,
      data: data as Record<string, unknown>,
      clocks: Object.fromEntries(Object.keys(data).map((k) => [k, '0001000000000:0000:server'])),
    });
    await applyPullPage(
      db,
      {
        records: [
          record('household', h.id, { status: 'moved_away' }),
          record('visit', 'pulled-visit', { ...v, at: Date.parse('2027-06-14T03:00:00Z') }),
          record('mentorship', 'pulled-pairing', {
            mentorId: 'mentor-new',
            mentorKind: 'resident',
            menteeId: small.members[100]?.id,
            villageId: V,
            startDate: '2027-06-01',
            status: 'active',
            skills: [],
          }),
        ],
        cursor: 'c1',
        scope: small.villages.map((x) => x.id),
        serverClock: '0001000000000:0000:server',
      },
      Date.now(),
    );
    expect(await pendingMarks()).toEqual(
      [`h:${h.id}`, `h:${v.householdId}`, 'm:mentor-new'].sort(),
    );
    await expectCurrent();
  });

  it('deleting rows by key (members of a household) reads their household first', async () => {
    await updateSummaries();
    const gone = small.members.filter((m) => m.householdId === small.households[2]?.id);
    await deleteRecords(
      db.memberChunks,
      gone.map((m) => m.id),
    );
    expect(await pendingMarks()).toEqual([`h:${small.households[2]?.id}`]);
    await expectCurrent();
  });

  it('a household whose every row is deleted loses its summary', async () => {
    await updateSummaries();
    const id = small.households[3]?.id ?? '';
    await db.transaction('rw', [db.households, db.memberChunks, db.visitChunks], async () => {
      await db.households.delete(id);
      const members = await membersOfHouseholds(db, [id]);
      const visits = await visitsOfHouseholds(db, [id]);
      expect(members.length * visits.length).toBeGreaterThan(0);
      await deleteRecords(
        db.memberChunks,
        members.map((m) => m.id),
      );
      await deleteRecords(
        db.visitChunks,
        visits.map((v) => v.id),
      );
    });
    await updateSummaries();
    expect((await readSummaries()).households.map((h) => h.id)).not.toContain(id);
    await expectCurrent();
  });

  it('more marks than an update reads one by one: everything is rebuilt', async () => {
    await updateSummaries();
    await db.summaryDirty.put({
      id: 'many',
      marks: Array.from({ length: INCREMENTAL_MAX + 1 }, (_, i) => `h:none-${i}`),
    });
    const seen: number[] = [];
    await updateSummaries((p) => seen.push(p.done / p.total));
    expect(seen.at(-1)).toBe(1);
    expect(await db.summaryDirty.count()).toBe(0);
    await expectCurrent();
  });
});

describe('a device upgraded from version 2', () => {
  it('opens its data and rebuilds every summary', async () => {
    const name = `v2-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.filter((x) => x.version <= 2)) old.version(v.version).stores(v.stores);
    await old.table('households').bulkPut(rows(small.households.slice(0, 5)));
    const ids = new Set(small.households.slice(0, 5).map((h) => h.id));
    await old.table('members').bulkPut(rows(small.members.filter((m) => ids.has(m.householdId))));
    old.close();
    const { TungNhaDb } = await import('../../src/app/db/db');
    const upgraded = new TungNhaDb(name);
    try {
      expect(await upgraded.households.count()).toBe(5);
      expect(await upgraded.summaryBuckets.count()).toBe(0);
      await updateSummaries(undefined, upgraded);
      const { households } = await readSummaries(upgraded);
      expect(households.map((h) => h.id).sort()).toEqual([...ids].sort());
      await upgraded.households.put({ id: 'new-home', _clocks: {}, villageId: V });
      expect(await pendingMarks(upgraded)).toEqual(['h:new-home']);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});

describe('a device upgraded from version 5', () => {
  it('keeps its figures while its 128 buckets are made again as 32', async () => {
    const name = `v5-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.filter((x) => x.version <= 5)) old.version(v.version).stores(v.stores);
    await old.table('households').bulkPut(rows(small.households));
    await old.table('memberChunks').bulkPut(chunksOf(rows(small.members)));
    await old.table('visitChunks').bulkPut(chunksOf(rows(small.visits)));
    // Version 5's layout: bucket numbers up to 127 (households) and 31 (mentors).
    const before = summarizeAll({ ...small, mentorships: [] } as never);
    await old
      .table('summaryBuckets')
      .bulkPut([
        encode('h100', before.households.slice(0, 30)),
        encode('h127', before.households.slice(30)),
      ]);
    old.close();
    const { TungNhaDb } = await import('../../src/app/db/db');
    const upgraded = new TungNhaDb(name);
    try {
      // Until they are made again, the old buckets still count.
      expect(await pendingMarks(upgraded)).toEqual(['*']);
      const kept = await readSummaries(upgraded);
      expect(kept.households).toHaveLength(before.households.length);
      await updateSummaries(undefined, upgraded);
      const ids = (await upgraded.summaryBuckets.toCollection().primaryKeys()).map(String);
      expect(ids).not.toContain('h100');
      const inRange = (prefix: string, count: number) =>
        ids.filter((id) => id.startsWith(prefix)).every((id) => Number(id.slice(1)) < count);
      expect(inRange('h', HOUSEHOLD_BUCKETS) && inRange('s', HOUSEHOLD_BUCKETS)).toBe(true);
      expect(inRange('m', MENTOR_BUCKETS)).toBe(true);
      const made = await readSummaries(upgraded);
      // The same summaries (a household's people may come in another order).
      const normal = (list: typeof made.households) =>
        [...list]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map(({ birthYears, bits, ...rest }) => ({
            ...rest,
            people: birthYears.map((y, i) => `${y}:${bits[i]}`).sort(),
          }));
      expect(normal(made.households)).toEqual(normal(before.households));
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
