import type { TungNhaDb } from './db';
import { CLEAR_META } from './sealedRows';

/**
 * A named value the device keeps (the session, the PIN's hash, the sync cursor…), typed where it
 * is declared: the room that owns a value makes its key (`metaKey<Session>('session')`), so
 * app/db knows no higher room's types. `parse` checks what comes off the disk; a value that fails
 * it reads as missing.
 */
export interface MetaKey<T> {
  readonly name: string;
  readonly parse: (value: unknown) => T | undefined;
}

export function metaKey<T>(
  name: string,
  parse: (value: unknown) => T | undefined = (v) => v as T | undefined,
  /**
   * Kept in clear, readable before the PIN (sealedRows.ts): only what the lock and login screens
   * need and nothing personal of a resident.
   */
  opts: { clear?: boolean } = {},
): MetaKey<T> {
  if (opts.clear) CLEAR_META.add(name);
  return { name, parse };
}

/** A value's key with its value, to write. */
export interface MetaEntry<T = unknown> {
  key: MetaKey<T>;
  value: T;
}

export const entry = <T>(key: MetaKey<T>, value: T): MetaEntry => ({
  key: key as MetaKey<unknown>,
  value,
});

export function metaOf(db: TungNhaDb) {
  return {
    async get<T>(key: MetaKey<T>): Promise<T | undefined> {
      const row = await db.meta.get(key.name);
      return row === undefined ? undefined : key.parse(row.value);
    },
    /** Whether a value is kept, read without opening it (works while the app is locked). */
    async has(key: MetaKey<unknown>): Promise<boolean> {
      return (await db.meta.where(':id').equals(key.name).count()) > 0;
    },
    async put<T>(key: MetaKey<T>, value: T): Promise<void> {
      await db.meta.put({ key: key.name, value });
    },
    async delete(...keys: MetaKey<unknown>[]): Promise<void> {
      await db.meta.bulkDelete(keys.map((k) => k.name));
    },
    /**
     * Reads a value and writes what `change` makes of it, in one transaction (no lost update);
     * `undefined` removes it.
     */
    update<T>(key: MetaKey<T>, change: (value: T | undefined) => T | undefined): Promise<void> {
      return db.transaction('rw', db.meta, async () => {
        const row = await db.meta.get(key.name);
        const next = change(row === undefined ? undefined : key.parse(row.value));
        if (next === undefined) await db.meta.delete(key.name);
        else await db.meta.put({ key: key.name, value: next });
      });
    },
    /** Removes some values and writes others in one transaction: all or nothing. */
    replace(remove: MetaKey<unknown>[], write: MetaEntry[]): Promise<void> {
      return db.transaction('rw', db.meta, async () => {
        await db.meta.bulkDelete(remove.map((k) => k.name));
        await db.meta.bulkPut(write.map((e) => ({ key: e.key.name, value: e.value })));
      });
    },
  };
}

/** The keys app/db itself keeps. */
/** Changes each time summaries are written: what the dashboard's kept figures were made from. */
export const INDEX_STAMP_KEY = metaKey<string>('index.stamp', (v) =>
  typeof v === 'string' ? v : undefined,
);
export const CLOCK_KEY = metaKey<string>('clock', (v) => (typeof v === 'string' ? v : undefined));
