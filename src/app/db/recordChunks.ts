import type { Table } from 'dexie';
import { newId } from './ids';
import type { ChunkRow, EntityRow } from './rows';

/**
 * Members and visits, the bulk of a commune (80,000 and 100,000 of its 200,000 records), are kept
 * in chunks: one IndexedDB row holds up to CHUNK_SIZE records, a household's side by side.
 * Chromium pays about the same for every row it writes whatever its size (~0.15–0.19 ms on the
 * reference machine; tests/bench/idbRows.ts), so a first sync writes ~7,200 chunks instead of
 * 180,000 rows. Two multi-entry indexes find a record by id (`ids`) and a household's records
 * (`hh`). A chunk stays small (a few KB): opening a household or showing 50 search results reads
 * a few hundred records, not thousands (with chunks of 100 the search's p95 was 4× higher), and
 * changing one member rewrites one chunk. A record id lives in one chunk only: every write looks
 * its ids up first (or is told they are new).
 */
export const CHUNK_SIZE = 25;

export type ChunkTable = Table<ChunkRow, string>;

const householdOf = (row: EntityRow) =>
  typeof row.householdId === 'string' ? row.householdId : '';

function chunk(id: string, rows: EntityRow[]): ChunkRow {
  return { id, ids: rows.map((r) => r.id), hh: [...new Set(rows.map(householdOf))], rows };
}

/** New chunks for rows not stored yet: a household's records side by side. */
export function chunksOf(rows: EntityRow[]): ChunkRow[] {
  const sorted = [...rows].sort((a, b) => householdOf(a).localeCompare(householdOf(b)));
  const out: ChunkRow[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_SIZE) {
    out.push(chunk(newId(), sorted.slice(i, i + CHUNK_SIZE)));
  }
  return out;
}

const rowsOf = (chunks: ChunkRow[]): EntityRow[] => chunks.flatMap((c) => c.rows);

/** Reads for at most this many keys go out at once, one exact-key read each. */
const FEW_KEYS = 64;

/**
 * The chunks holding any of `keys` in a multi-entry index, each once. A few keys: one exact read
 * each, all at once (IndexedDB pipelines them; Dexie's anyOf would walk a cursor, one round trip
 * per step). Many keys (a village's households): the chunk ids from the index alone, then each
 * chunk once.
 */
async function chunksWith(
  table: ChunkTable,
  index: 'ids' | 'hh',
  keys: readonly string[],
): Promise<ChunkRow[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  if (unique.length <= FEW_KEYS) {
    const found = await Promise.all(unique.map((k) => table.where(index).equals(k).toArray()));
    // Two keys may share a chunk.
    return [...new Map(found.flat().map((c) => [c.id, c])).values()];
  }
  const chunkIds = new Set((await table.where(index).anyOf(unique).primaryKeys()).map(String));
  const chunks = await table.bulkGet([...chunkIds]);
  return chunks.filter((c): c is ChunkRow => c !== undefined);
}

const chunksHolding = (table: ChunkTable, ids: readonly string[]) => chunksWith(table, 'ids', ids);

export async function allRecords(table: ChunkTable): Promise<EntityRow[]> {
  return rowsOf(await table.toArray());
}

export async function recordsOfHouseholds(
  table: ChunkTable,
  householdIds: readonly string[],
): Promise<EntityRow[]> {
  const wanted = new Set(householdIds);
  const chunks = await chunksWith(table, 'hh', householdIds);
  return rowsOf(chunks).filter((r) => wanted.has(householdOf(r)));
}

export async function recordsById(
  table: ChunkTable,
  ids: string[],
): Promise<(EntityRow | undefined)[]> {
  const byId = new Map(rowsOf(await chunksHolding(table, ids)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

/** Every record id of the table (read from the index alone). */
export async function recordIds(table: ChunkTable): Promise<string[]> {
  return (await table.orderBy('ids').keys()).map(String);
}

/** How many records: the entries of the `ids` index (one per record), counted without reading. */
export function countRecords(table: ChunkTable): Promise<number> {
  return table.orderBy('ids').count();
}

/**
 * Rewrites the chunks holding `replace`d or `remove`d ids (a chunk left empty goes).
 * Returns the rows to replace that no chunk holds.
 */
async function rewrite(
  table: ChunkTable,
  replace: Map<string, EntityRow>,
  remove: Set<string>,
): Promise<EntityRow[]> {
  const chunks = await chunksHolding(table, [...replace.keys(), ...remove]);
  const put: ChunkRow[] = [];
  const gone: string[] = [];
  for (const c of chunks) {
    const rows = c.rows.filter((r) => !remove.has(r.id)).map((r) => replace.get(r.id) ?? r);
    if (rows.length === 0) gone.push(c.id);
    else put.push(chunk(c.id, rows));
  }
  await table.bulkPut(put);
  await table.bulkDelete(gone);
  const held = new Set(chunks.flatMap((c) => c.ids));
  return [...replace.values()].filter((r) => !held.has(r.id));
}

/**
 * Stores rows: one already kept replaces it in its chunk, the others go into new chunks.
 * `isNew(id)` true: the caller knows the table has no record with that id (a first sync).
 */
export async function putRecords(
  table: ChunkTable,
  rows: EntityRow[],
  isNew?: (id: string) => boolean,
): Promise<void> {
  if (rows.length === 0) return;
  const maybeKept = isNew ? rows.filter((r) => !isNew(r.id)) : rows;
  const fresh = isNew ? rows.filter((r) => isNew(r.id)) : [];
  const unheld =
    maybeKept.length === 0
      ? []
      : await rewrite(table, new Map(maybeKept.map((r) => [r.id, r])), new Set());
  await table.bulkAdd(chunksOf([...fresh, ...unheld]));
}

export async function deleteRecords(table: ChunkTable, ids: string[]): Promise<void> {
  if (ids.length > 0) await rewrite(table, new Map(), new Set(ids));
}
