import type { Table } from 'dexie';
import { SYNC_ENTITIES, type EntityName } from '../../domain/records';
import type { TungNhaDb } from './db';
import type { EntityRow } from './rows';
import { ROW_TABLE } from './tables';
import {
  allRecords,
  chunksOf,
  countRecords,
  deleteRecords,
  putRecords,
  recordIds,
  recordsById,
  type ChunkTable,
} from './recordChunks';

/**
 * The synced rows of one entity, however the device stores them: one IndexedDB row per record,
 * or members and visits in chunks (recordChunks.ts). Sync and writes go through this alike.
 */
export interface EntityRows {
  /** The Dexie table a transaction over these rows must include. */
  table: Table<unknown, string>;
  get(id: string): Promise<EntityRow | undefined>;
  bulkGet(ids: string[]): Promise<(EntityRow | undefined)[]>;
  /** Writes rows; `isNew(id)` true: the caller knows no row with that id is on the device. */
  bulkPut(rows: EntityRow[], isNew?: (id: string) => boolean): Promise<void>;
  /**
   * Rows none of which is on the device, as the table will store them (members and visits in new
   * chunks), to be sealed ahead (sealAhead.ts) before `add` writes them as they are.
   */
  storedNew(rows: EntityRow[]): StoredRows;
  bulkDelete(ids: string[]): Promise<void>;
  all(): Promise<EntityRow[]>;
  ids(): Promise<string[]>;
  count(): Promise<number>;
}

/** Rows as a table stores them, and their write. */
export interface StoredRows {
  table: Table<unknown, string>;
  rows: readonly object[];
  add(): Promise<void>;
}

function tableRows(table: Table<EntityRow, string>): EntityRows {
  return {
    table: table as Table<unknown, string>,
    get: (id) => table.get(id),
    bulkGet: (ids) => table.bulkGet(ids),
    async bulkPut(rows, isNew) {
      if (!isNew) return void (await table.bulkPut(rows));
      await table.bulkPut(rows.filter((r) => !isNew(r.id)));
      // Two rows of one call never share an id (a pulled page holds each record once).
      await table.bulkAdd(rows.filter((r) => isNew(r.id)));
    },
    storedNew: (rows) => ({
      table: table as Table<unknown, string>,
      rows,
      add: async () => void (await table.bulkAdd(rows)),
    }),
    bulkDelete: (ids) => table.bulkDelete(ids),
    all: () => table.toArray(),
    ids: async () => (await table.toCollection().primaryKeys()).map(String),
    count: () => table.count(),
  };
}

function chunkRows(table: ChunkTable): EntityRows {
  return {
    table: table as Table<unknown, string>,
    get: async (id) => (await recordsById(table, [id]))[0],
    bulkGet: (ids) => recordsById(table, ids),
    bulkPut: (rows, isNew) => putRecords(table, rows, isNew),
    storedNew(rows) {
      const chunks = chunksOf(rows);
      return {
        table: table as Table<unknown, string>,
        rows: chunks,
        add: async () => void (await table.bulkAdd(chunks)),
      };
    },
    bulkDelete: (ids) => deleteRecords(table, ids),
    all: () => allRecords(table),
    ids: () => recordIds(table),
    count: () => countRecords(table),
  };
}

export function entityRows(db: TungNhaDb, entity: EntityName): EntityRows {
  if (entity === 'member') return chunkRows(db.memberChunks);
  if (entity === 'visit') return chunkRows(db.visitChunks);
  return tableRows(db.entityTable(ROW_TABLE[entity]));
}

/** The tables of every synced entity, for a transaction over all synced data. */
export const syncedTables = (db: TungNhaDb) => SYNC_ENTITIES.map((e) => entityRows(db, e).table);
