import Dexie, { type Table } from 'dexie';
import type {
  DraftRow,
  EntityRow,
  MarkRow,
  MetaRow,
  OutboxRow,
  SummaryBucketRow,
  ChunkRow,
} from './rows';
import { VERSIONS } from './versions';
import type { EntityTable } from './tables';
import { coarseChangesMiddleware } from './coarseChanges';
import { summaryDirtyMiddleware } from './summaryDirty';
import { sealedRowsMiddleware } from './sealedRows';

/** The one IndexedDB database of the device: the source of truth on the phone. */
export class TungNhaDb extends Dexie {
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  outbox!: Table<OutboxRow, number>;
  households!: Table<EntityRow, string>;
  memberChunks!: Table<ChunkRow, string>;
  visitChunks!: Table<ChunkRow, string>;
  mentorships!: Table<EntityRow, string>;
  traders!: Table<EntityRow, string>;
  skills!: Table<EntityRow, string>;
  targets!: Table<EntityRow, string>;
  summaryBuckets!: Table<SummaryBucketRow, string>;
  summaryDirty!: Table<MarkRow, string>;

  constructor(name = 'tung-nha') {
    super(name);
    for (const v of VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(sealedRowsMiddleware);
    this.use(summaryDirtyMiddleware);
    this.use(coarseChangesMiddleware);
  }

  entityTable(name: EntityTable): Table<EntityRow, string> {
    return this[name];
  }
}

export const db = new TungNhaDb();
