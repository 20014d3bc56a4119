import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { CHUNK_TABLES } from './tables';

/**
 * Which dashboard summaries (summaries.ts) are out of date. A DBCore middleware sees every write
 * however it is made (a user's edit through writeAll, a pulled page, a refused op undone, rows of
 * a village dropped, a bulk import) and, in the same IndexedDB transaction, records the household
 * or mentor whose summary the written row feeds:
 *  - households: the row's own id; a chunk of members or visits (recordChunks.ts): the household
 *    of each record it adds, and when a chunk is put again, of the records it changes or drops;
 *  - mentorships: their mentorId ("m:<id>");
 *  - a delete by key reads the rows first (to know their household or mentor); clearing a table
 *    marks everything ("*").
 * Each write adds ONE row holding all its marks (a pulled page of 2,000 members touches ~500
 * households: one small put, not 500). It adds the marks table to every read-write transaction
 * over those tables, so callers (mutate.ts, syncStore.ts) need not know it exists. Otherwise a put
 * uses the new row's household or mentor only: the app never moves a member, visit or pairing to
 * another household or mentor after creating it.
 */
export const DIRTY_TABLE = 'summaryDirty';
/** The id of the row that asks for every summary. */
export const ALL_DIRTY = '*';

/** A row of marks: a unique id, and the households ("h:<id>") and mentors ("m:<id>") marked. */
export interface MarkRow {
  id: string;
  marks: string[];
}

let seq = 0;
const markRowId = () =>
  `${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
export const householdMark = (id: string) => `h:${id}`;
export const mentorMark = (id: string) => `m:${id}`;

type Row = Record<string, unknown>;

const householdOf = (r: Row) =>
  typeof r.householdId === 'string' ? [householdMark(r.householdId)] : [];

const rowsOfChunk = (r: unknown): Row[] =>
  typeof r === 'object' && r !== null && Array.isArray((r as Row).rows)
    ? ((r as Row).rows as Row[])
    : [];
const chunkMarks = (r: Row) => rowsOfChunk(r).flatMap(householdOf);

/**
 * The households a chunk put again changes: those of its records added, changed or gone (a chunk
 * holds a few households; an edit of one member marks that member's household only).
 */
function changedChunkMarks(values: readonly unknown[], old: readonly unknown[]): string[] {
  const before = new Map(old.flatMap(rowsOfChunk).map((r) => [r.id, r]));
  const changed: Row[] = [];
  for (const row of values.flatMap(rowsOfChunk)) {
    const prev = before.get(row.id);
    if (!prev || JSON.stringify(prev) !== JSON.stringify(row)) changed.push(row);
    before.delete(row.id);
  }
  // What is left in `before` left the chunk.
  return [...new Set([...changed, ...before.values()].flatMap(householdOf))];
}

const MARK: Record<string, (row: Row) => string[]> = {
  households: (r) => (typeof r.id === 'string' ? [householdMark(r.id)] : []),
  // A chunk of members or visits (recordChunks.ts) marks the household of each record it holds.
  memberChunks: chunkMarks,
  visitChunks: chunkMarks,
  mentorships: (r) => (typeof r.mentorId === 'string' ? [mentorMark(r.mentorId)] : []),
};

function marksOf(table: string, rows: readonly unknown[]): string[] {
  const mark = MARK[table];
  if (!mark) return [];
  const out = new Set<string>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    for (const m of mark(row as Row)) out.add(m);
  }
  return [...out];
}

/** The marks of a delete: members, visits and pairings are read first; clearing (null) marks all. */
async function marksOfDelete(name: string, table: DBCoreTable, req: DBCoreMutateRequest) {
  if (req.type === 'deleteRange') return null;
  if (req.type !== 'delete') return [];
  if (name === 'households') return req.keys.map((k) => householdMark(String(k)));
  return marksOf(name, await table.getMany({ trans: req.trans, keys: req.keys }));
}

export const summaryDirtyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tung-nha-summary-dirty',
  // At the bottom, below Dexie's own middlewares (hooks, liveQuery's cache: they only know the
  // tables a transaction was opened with, and need Dexie's zone, which a delete's read loses): the
  // marks go straight into the IndexedDB transaction. liveQuery does not see them; nobody watches.
  level: -10,
  create(down) {
    // Opening data of version 2, Dexie builds a core without the table: nothing to mark then
    // (summaries.ts rebuilds every summary when it finds none).
    if (!down.schema.tables.some((t) => t.name === DIRTY_TABLE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' && !stores.includes(DIRTY_TABLE) && stores.some((s) => MARK[s]);
        return down.transaction(widen ? [...stores, DIRTY_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!MARK[name]) return table;
        const dirty = down.table(DIRTY_TABLE);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            const mark = (marks: string[] | null): Promise<unknown> =>
              marks?.length === 0
                ? Promise.resolve()
                : dirty.mutate({
                    type: 'put',
                    trans: req.trans,
                    values: [
                      marks === null
                        ? { id: ALL_DIRTY, marks: [] }
                        : ({ id: markRowId(), marks } satisfies MarkRow),
                    ],
                  });
            if (req.type === 'add' || req.type === 'put') {
              // Both requests go to IndexedDB at once: no extra round trip for a pulled page. A
              // chunk put again is compared with its stored copy: the records it changed or dropped.
              const marked: Promise<unknown> =
                CHUNK_TABLES.has(name) && req.type === 'put'
                  ? table
                      .getMany({ trans: req.trans, keys: req.values.map((v: Row) => v.id) })
                      .then((old) => mark(changedChunkMarks(req.values, old)))
                  : mark(marksOf(name, req.values));
              return table.mutate(req).then((res) => marked.then(() => res));
            }
            return marksOfDelete(name, table, req).then(async (marks) => {
              await mark(marks);
              return table.mutate(req);
            });
          },
        };
      },
    };
  },
};
