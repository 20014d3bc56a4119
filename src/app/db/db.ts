import Dexie, { type Table } from 'dexie';
import type { DraftRow, MetaRow, OutboxRow } from './schema';
import { VERSIONS } from './schema';

/** The one IndexedDB database of the device: the source of truth on the phone. */
export class TungNhaDb extends Dexie {
  meta!: Table<MetaRow, string>;
  drafts!: Table<DraftRow, string>;
  outbox!: Table<OutboxRow, number>;

  constructor(name = 'tung-nha') {
    super(name);
    for (const v of VERSIONS) this.version(v.version).stores(v.stores);
  }
}

export const db = new TungNhaDb();
