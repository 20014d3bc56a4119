import type { Table } from 'dexie';
import { useSealing } from '../state/sealing';
import { db as defaultDb, type TungNhaDb } from './db';
import { metaKey, metaOf } from './meta';
import { CLEAR_TABLES } from './sealedRows';
import { vault } from './vault';

/**
 * Seals what an earlier version left in clear (a device that kept its rows unsealed, before the
 * data key): after the data opens, every row of every sealed table is read and written again, a
 * page at a time, each page in one transaction, with progress on a banner (ui/SealingNotice). Writing a row
 * again changes nothing but how it is stored, so a run cut short (a reload, a lock) is simply run
 * again at the next unlock; the last page sets `SEALED_ALL` and later unlocks skip it.
 */
const PAGE = 500;
/** Every row of the device is sealed (set once, after the last page). */
export const SEALED_ALL = metaKey<true>('sealing.done', (v) => (v === true ? true : undefined));

let running: Promise<void> | null = null;

export function sealLeftovers(db: TungNhaDb = defaultDb): Promise<void> {
  running ??= (async () => {
    const meta = metaOf(db);
    if (await meta.get(SEALED_ALL)) return;
    const tables = db.tables.filter((t) => !CLEAR_TABLES.has(t.name)) as Table<unknown, unknown>[];
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    // A few rows (a new phone's first unlock) take no time: no banner for them.
    const report = total > PAGE ? useSealing.getState().report : () => undefined;
    report({ done, total });
    for (const table of tables) {
      for (let last: unknown = undefined; ;) {
        if (!vault.isOpen()) return; // locked meanwhile: the next unlock goes again
        const keys = await (
          last === undefined ? table.orderBy(':id') : table.where(':id').above(last)
        )
          .limit(PAGE)
          .primaryKeys();
        if (keys.length === 0) break;
        await db.transaction('rw', table, async () => {
          const rows = await table.bulkGet(keys);
          await table.bulkPut(rows.filter((r) => r !== undefined));
        });
        last = keys[keys.length - 1];
        done += keys.length;
        report({ done, total });
      }
    }
    await meta.put(SEALED_ALL, true);
  })().finally(() => {
    running = null;
    useSealing.getState().report(null);
  });
  return running;
}

/** Starts sealing what is left in clear each time the data opens: once, at start (main.tsx). */
export function startSealer(db: TungNhaDb = defaultDb): () => void {
  return vault.subscribe((open) => {
    if (open) void sealLeftovers(db).catch(() => undefined); // a wipe or lock midway: next time
  });
}
