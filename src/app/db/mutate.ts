import { createHlcClock, type Hlc } from '../../domain/hlc';
import { applyWrite } from '../../domain/merge';
import { compactClocks, expandClocks } from '../../domain/recordClocks';
import type { EntityName, Fields, Versioned } from '../../domain/records';
import { withoutPersonalData } from '../../domain/tombstone';
import { db as defaultDb, type TungNhaDb } from './db';
import type { EntityRow } from './rows';
import { rethrowStorageError } from './storageFull';
import { entityRows } from './entityRows';
import { newId, randomBytes } from './ids';

/**
 * The one way the app changes synced data: each user action writes its rows AND appends its
 * operations to the outbox in ONE Dexie transaction, stamped with the device's hybrid logical clock.
 */
export interface Write {
  entity: EntityName;
  id: string;
  fields: Fields;
}

export { newId };

/**
 * A row keeps its field clocks compactly (domain/recordClocks.ts): `_clock`, the clock of most
 * fields, and `_clocks`, the others. Rows written before that have a full `_clocks` and no
 * `_clock`, and read the same: explicit entries win and nothing is added.
 */
export function rowToVersioned(row: EntityRow | undefined): Versioned | undefined {
  if (!row) return undefined;
  // `_words`: the search index rows of versions 2–3 still carry (schema.ts), not a synced field.
  const { id: _id, _clock, _clocks, _words, ...data } = row;
  const clock = typeof _clock === 'string' ? _clock : undefined;
  return { data, clocks: expandClocks(data, { clock, clocks: _clocks }) };
}

export function versionedToRow(id: string, v: Versioned): EntityRow {
  const { clock, clocks } = compactClocks(v.data, v.clocks);
  return {
    ...v.data,
    id,
    ...(clock === undefined ? {} : { _clock: clock }),
    _clocks: clocks ?? {},
  };
}

/** The device's clock node id, made once per install. */
async function clockNode(db: TungNhaDb): Promise<string> {
  const existing = await db.meta.get('clockNode');
  if (typeof existing?.value === 'string') return existing.value;
  const node = Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
  await db.meta.put({ key: 'clockNode', value: node });
  return node;
}

/** Applies several writes as one user action; returns the clock they were stamped with. */
export async function writeAll(
  writes: Write[],
  db: TungNhaDb = defaultDb,
  now: () => number = Date.now,
): Promise<Hlc> {
  const tables = [...new Set(writes.map((w) => entityRows(db, w.entity).table))];
  return db
    .transaction('rw', [db.meta, db.outbox, ...tables], async () => {
      const node = await clockNode(db);
      const last = await db.meta.get('clock');
      const clock = createHlcClock(
        node,
        now,
        typeof last?.value === 'string' ? last.value : undefined,
      );
      const stamp = clock.now();
      await db.meta.put({ key: 'clock', value: stamp });
      for (const w of writes) {
        const rows = entityRows(db, w.entity);
        const current = rowToVersioned(await rows.get(w.id));
        // A delete keeps no personal data on the phone either (domain/tombstone.ts).
        const next = withoutPersonalData(w.entity, applyWrite(current, w.fields, stamp).next);
        await rows.bulkPut([versionedToRow(w.id, next)]);
        await db.outbox.add({
          opId: newId(),
          entity: w.entity,
          id: w.id,
          fields: w.fields,
          clock: stamp,
          createdAt: now(),
        });
      }
      return stamp;
    })
    .catch(rethrowStorageError);
}

export function write(
  entity: EntityName,
  id: string,
  fields: Fields,
  db?: TungNhaDb,
): Promise<Hlc> {
  return writeAll([{ entity, id, fields }], db);
}
