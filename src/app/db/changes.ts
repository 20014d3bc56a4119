import Dexie, { type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { TungNhaDb } from './db';
import { isVaultLocked, vault } from './vault';

/** Whether the device's data is open (the PIN entered): a screen drawn by it follows lock and unlock. */
export function useVaultOpen(): boolean {
  return useSyncExternalStore(vault.subscribe, vault.isOpen);
}

/**
 * Live reads: a screen's query runs again whenever the data it read changes, and when the data
 * opens after the PIN; while it is locked the query reads as loading (undefined).
 */
export function useLive<T>(query: () => Promise<T> | T, deps?: readonly unknown[]): T | undefined;
export function useLive<T, D>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
  whileLoading: D,
): T | D;
export function useLive<T, D>(
  query: () => Promise<T> | T,
  deps: readonly unknown[] = [],
  whileLoading?: D,
): T | D | undefined {
  const open = useVaultOpen();
  const value = useLiveQuery<T | undefined, D | undefined>(
    async () => {
      try {
        return await query();
      } catch (e) {
        if (isVaultLocked(e)) return undefined;
        throw e;
      }
    },
    [open, ...deps],
    whileLoading,
  );
  // A query refused by the locked vault reads as loading.
  return value === undefined ? whileLoading : value;
}

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
