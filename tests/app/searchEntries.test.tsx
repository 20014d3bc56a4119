import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { putRecords } from '../../src/app/db/recordChunks';
import { allMembers } from '../../src/app/db/recordTables';
import { writeAll, type Write } from '../../src/app/db/mutate';
import type { EntityRow } from '../../src/app/db/rows';
import { VERSIONS } from '../../src/app/db/versions';
import { applyPullPage } from '../../src/app/db/pullStore';
import { SearchScreen } from '../../src/app/features/search/SearchScreen';
import { catchUp, search, startIndexer } from '../../src/app/db';
import { SEARCH_LIMIT } from '../../src/app/db/search';
import { searchField } from '../../src/app/db/search';
import { generateCommune } from '../../src/domain/generate';
import { normalizeQuery } from '../../src/domain/normalize';
import {
  findByEveryWord,
  findByPhrase,
  searchList,
  searchTexts,
} from '../../src/domain/searchText';

/**
 * The search reads entries kept in buckets beside the dashboard's summaries (searchBuckets.ts),
 * made again for the households each write marks. Whatever the write path, it must find what a
 * search over every row finds.
 */
const small = generateCommune(9, { villages: 3, households: 80, people: 320, visits: 0 });
const V = small.villages[0]?.id ?? '';
const rows = (list: readonly object[]) => list.map((r) => ({ ...r, _clocks: {} }) as EntityRow);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** What the search must answer, from every row. */
async function fromRows(input: string) {
  const q = normalizeQuery(input);
  const homes = searchList(
    (await db.households.toArray()).map((h) => ({
      id: h.id,
      texts: searchTexts([text(h.headName), text(h.address), text(h.phone)]),
    })),
  );
  const people = searchList(
    (await allMembers(db))
      .filter((m) => m.deleted !== true)
      .map((m) => ({ id: m.id, texts: searchTexts([text(m.name)]) })),
  );
  let hs = findByPhrase(q, homes, SEARCH_LIMIT);
  let ms = findByPhrase(q, people, SEARCH_LIMIT);
  if (hs.length + ms.length === 0 && q.includes(' ')) {
    hs = findByEveryWord(q, homes, SEARCH_LIMIT);
    ms = findByEveryWord(q, people, SEARCH_LIMIT);
  }
  return { households: hs.map((e) => e.id), members: ms.map((e) => e.id) };
}

async function expectSameAsRows(queries: string[]) {
  for (const q of queries) {
    const r = await search.query(q);
    expect({
      q,
      households: r.households.map((h) => h.id),
      members: r.members.map((m) => m.id),
    }).toEqual({ q, ...(await fromRows(q)) });
  }
}

const QUERIES = [
  'nguyen',
  'nguyen van',
  'tran thi',
  'thi',
  'so 1',
  'an nguyen',
  'pham thi mai',
  '09',
];

// The app's indexer, as main.tsx starts it: writes are followed by their search entries.
let stopIndexer = () => undefined as void;
beforeAll(() => {
  stopIndexer = startIndexer();
});
afterAll(() => stopIndexer());
beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.households.bulkPut(rows(small.households));
  await putRecords(db.memberChunks, rows(small.members));
});
afterEach(cleanup);

describe('the search follows every write', () => {
  it('finds what a pass over every row finds, after a commune is written at once', async () => {
    await catchUp();
    await expectSameAsRows(QUERIES);
    expect((await search.query('nguyen')).members.length).toBeGreaterThan(0);
  });

  it('an edit, a deleted member and a pulled page change what it finds', async () => {
    await catchUp();
    const h = small.households[3];
    const m = small.members[7];
    if (!h || !m) throw new Error('no rows');
    await writeAll([
      { entity: 'household', id: h.id, fields: { headName: 'Phạm Thị Mai' } },
      { entity: 'member', id: m.id, fields: { deleted: true } },
    ]);
    await catchUp();
    expect((await search.query('pham thi mai')).households.map((x) => x.id)).toEqual([h.id]);
    expect((await search.query(m.name)).members.map((x) => x.id)).not.toContain(m.id);
    const clocks = (data: object) =>
      Object.fromEntries(Object.keys(data).map((k) => [k, '0001000000000:0000:server']));
    const pulled = { householdId: h.id, villageId: V, name: 'Đinh Công Tráng', birthYear: 1990 };
    await applyPullPage(
      db,
      {
        records: [
          {
            entity: 'member',
            id: 'pulled-member',
            villageId: V,
            data: pulled,
            clocks: clocks(pulled),
          },
        ],
        cursor: 'c1',
        scope: [V],
        serverClock: '0001000000000:0000:server',
      },
      Date.now(),
    );
    await catchUp();
    const found = await search.query('dinh cong trang');
    expect(found.members.map((x) => [x.id, x.household?.headName])).toEqual([
      ['pulled-member', 'Phạm Thị Mai'],
    ]);
    await expectSameAsRows([...QUERIES, 'dinh']);
  });
});

describe('a device upgraded from version 3', () => {
  it('keeps finding its households (the old index is gone, the entries are made once)', async () => {
    const name = `v3-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of VERSIONS.filter((x) => x.version <= 3)) old.version(v.version).stores(v.stores);
    await old
      .table('households')
      .bulkPut(rows(small.households.slice(0, 5)).map((h) => ({ ...h, _words: ['stale'] })));
    // Version 3 had its summaries already: only the search entries are missing.
    await old.table('summaryBuckets').put({ id: 'h0', json: '{"volunteers":[],"list":[]}' });
    old.close();
    const { TungNhaDb } = await import('../../src/app/db/db');
    const upgraded = new TungNhaDb(name);
    try {
      const first = small.households[0];
      await catchUp(upgraded);
      const r = await searchField(upgraded, first?.headName ?? '');
      expect(r.households.map((h) => h.id)).toContain(first?.id);
      expect((await searchField(upgraded, 'stale')).households).toEqual([]);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});

describe('the search screen', () => {
  /** Types a query that finds no one, writes `write` while the screen is open, awaits `shown`. */
  async function findsWhatIsWrittenMeanwhile(query: string, write: Write, shown: string) {
    render(<SearchScreen />);
    fireEvent.change(screen.getByLabelText('Tên, địa chỉ hoặc số điện thoại'), {
      target: { value: query },
    });
    expect(await screen.findByText('Không tìm thấy ai.')).toBeTruthy();
    await act(() => writeAll([write]));
    expect(await screen.findByText(shown)).toBeTruthy();
  }

  it('shows a household added while it is open, without retyping', async () => {
    await findsWhatIsWrittenMeanwhile(
      'khong tu quynh',
      {
        entity: 'household',
        id: 'new-home',
        fields: { headName: 'Khổng Tú Quỳnh', address: 'Xóm Mới', villageId: V },
      },
      'Khổng Tú Quỳnh',
    );
  });

  it('shows a person added while it is open (members live in chunks)', async () => {
    await findsWhatIsWrittenMeanwhile(
      'la thi nguyet',
      {
        entity: 'member',
        id: 'new-person',
        fields: { name: 'La Thị Nguyệt', householdId: small.households[0]?.id, villageId: V },
      },
      'La Thị Nguyệt',
    );
  });
});
