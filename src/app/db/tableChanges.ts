import Dexie, { type ObservabilitySet } from 'dexie';
import type { TungNhaDb } from './db';

/**
 * Calls `onChange` after rows of one of `tables` change, in this page or another tab of the app
 * (Dexie's own change signal, the one its live queries use). For screens whose query cannot be a
 * live query because it may write (the search brings its entries up to date first).
 * Returns the function that stops listening.
 */
export function onTablesChanged(
  db: TungNhaDb,
  tables: readonly string[],
  onChange: () => void,
): () => void {
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const listener = (parts: ObservabilitySet) => {
    if ('all' in parts || Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p))))
      onChange();
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
