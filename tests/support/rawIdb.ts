/**
 * IndexedDB read and written past Dexie and its middlewares: what a copied profile shows, and rows
 * as an earlier version (or an attacker with the files) left them. For tests under fake-indexeddb
 * or in a page.
 */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`indexedDB.open(${name}) failed`));
  });
}

/** Every row of every store of the database, as stored. */
export async function rawRows(name: string): Promise<Record<string, unknown[]>> {
  const idb = await openRaw(name);
  const out: Record<string, unknown[]> = {};
  try {
    for (const store of [...idb.objectStoreNames])
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const req = idb.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error ?? new Error(`reading ${store} failed`));
      });
  } finally {
    idb.close();
  }
  return out;
}

/** Puts rows into one store as they are (the caller closes its Dexie connection first if open). */
export async function putRaw(name: string, store: string, rows: object[]): Promise<void> {
  const idb = await openRaw(name);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(store, 'readwrite');
      for (const row of rows) tx.objectStore(store).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error(`writing ${store} failed`));
    });
  } finally {
    idb.close();
  }
}
