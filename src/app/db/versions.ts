import type { Transaction } from 'dexie';
import type { EntityRow } from './rows';
import { ALL_DIRTY, DIRTY_TABLE } from './summaryDirty';
import { chunksOf } from './recordChunks';

/**
 * The version history. Never edit a released version: add a new one with its `upgrade` and a
 * test in tests/app/db that opens the previous version's data.
 */
/** Rows moved into chunks per step of version 5's upgrade. */
const UPGRADE_PAGE = 5000;

export const VERSIONS: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}[] = [
  {
    version: 1,
    stores: {
      meta: 'key',
      drafts: 'formId, updatedAt',
      outbox: '++seq, opId, entity, id',
    },
  },
  {
    // Field work and the movement's models. Data fields sit at the top level of each row.
    version: 2,
    stores: {
      // `*_words`: the local search index of versions 2 and 3 (now searchBuckets.ts).
      households: 'id, villageId, code, *_words',
      members: 'id, householdId, villageId, *_words',
      visits: 'id, householdId, villageId, at',
      mentorships: 'id, mentorId, menteeId, villageId',
      traders: 'id, memberId, villageId',
      skills: 'id',
      targets: 'id',
    },
  },
  {
    // Per-household and per-mentor summaries for the dashboard, in buckets (app/db/summaries.ts),
    // and rows of marks: those to make again (summaryDirty.ts). Data of version 2 has no
    // summaries yet: summaries.ts rebuilds them all when it finds none.
    version: 3,
    stores: {
      summaryBuckets: 'id',
      summaryDirty: 'id',
    },
  },
  {
    // The search index leaves IndexedDB's indexes for buckets of text beside the summaries
    // (searchBuckets.ts): a first sync wrote ~13 index entries per household and ~4 per member.
    // Members and visits lose their village index (a village's are read through its households),
    // visits their unused `at` index: fewer index entries per row for a first sync to write.
    // Rows of older versions keep a stale `_words` field, ignored (mutate.ts); every summary and
    // search entry is made again once ("*").
    version: 4,
    stores: {
      households: 'id, villageId, code',
      members: 'id, householdId',
      visits: 'id, householdId',
    },
    upgrade: (tx) => tx.table(DIRTY_TABLE).put({ id: ALL_DIRTY, marks: [] }),
  },
  {
    // Members and visits move into chunks of up to 25 (recordChunks.ts): Chromium's cost is per
    // row written, so a first sync writes ~7,200 rows for 180,000 records. Multi-entry indexes
    // find a record by id and a household's records.
    version: 5,
    stores: {
      members: null,
      visits: null,
      memberChunks: 'id, *ids, *hh',
      visitChunks: 'id, *ids, *hh',
    },
    upgrade: async (tx) => {
      for (const [rows, chunks] of [
        ['members', 'memberChunks'],
        ['visits', 'visitChunks'],
      ] as const) {
        // A page at a time, so a phone holding a whole commune never has it all in memory.
        const table = tx.table<EntityRow, string>(rows);
        for (let last: string | undefined; ;) {
          const page = await (
            last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
          )
            .limit(UPGRADE_PAGE)
            .toArray();
          if (page.length === 0) break;
          await tx.table(chunks).bulkAdd(chunksOf(page));
          last = page[page.length - 1]?.id;
        }
      }
    },
  },
  {
    // Fewer, larger summary and search buckets (summaryBuckets.ts: 32 household buckets, not 128;
    // 8 mentor buckets, not 32), quicker to read. The old buckets stay readable until every one
    // is made again ("*"), which replaces them.
    version: 6,
    stores: {},
    upgrade: (tx) => tx.table(DIRTY_TABLE).put({ id: ALL_DIRTY, marks: [] }),
  },
];
