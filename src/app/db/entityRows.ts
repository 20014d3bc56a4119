import type { Table } from 'dexie';
import { SYNC_ENTITIES, type EntityName } from '../../domain/records';
import type { TungNhaDb } from './db';
import type { EntityRow } from './rows';
import { ROW_TABLE } from './tables';
import {
  allRecords,
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
  bulkDelete(ids: string[]): Promise<void>;
  all(): Promise<EntityRow[]>;
  ids(): Promise<string[]>;
  count(): Promise<number>;
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
