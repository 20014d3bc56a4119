import Dexie, { type ObservabilitySet } from 'dexie';
import type { TungNhaDb } from './db';

/** Live reads: a screen's query runs again whenever the data it read changes. */
export { useLiveQuery as useLive } from 'dexie-react-hooks';

/** What a screen may watch for changes, by concept, and the tables behind each. */
const TABLES = {
  households: ['households'],
  members: ['memberChunks'],
  visits: ['visitChunks'],
  /** The search's entries and the dashboard's summaries, as the indexer leaves them. */
  index: ['summaryBuckets'],
} as const;
export type Concept = keyof typeof TABLES;

/**
 * Calls `onChange` after data of one of `concepts` changes, in this page or another tab of the
 * app (Dexie's own change signal, the one its live queries use): for a screen whose reading is not
 * a live query. Returns the function that stops listening.
 */
export function onChanged(
  db: TungNhaDb,
  concepts: readonly Concept[],
  onChange: () => void,
): () => void {
  const prefixes = concepts.flatMap((c) => TABLES[c].map((t) => `idb://${db.name}/${t}/`));
  const listener = (parts: ObservabilitySet) => {
    if ('all' in parts || Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p))))
      onChange();
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
