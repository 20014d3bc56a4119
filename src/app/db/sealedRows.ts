import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { vault } from './vault';

/**
 * Personal data never reaches the disk in clear: below every other middleware, each row written
 * to a sealed table keeps in clear only its key and the fields its indexes need, and the rest goes
 * into `_sealed` (rowCipher.ts); reads open it again. What stays in clear, table by table
 * (docs/data-protection.md says why): record, chunk and village ids, household ids in chunks and
 * links, the household's sticker code, the outbox's sequence, op id, entity and record id, a
 * draft's form id and time; in `meta` only the values named clear (`metaKey(…, { clear: true })`:
 * the wrapped keys, the PIN's counters, the login notice, the previous user's login name).
 *
 * A row written before sealing (a device of an earlier version) has no `_sealed` and reads as it
 * is until it is written again (session/upgradeSealing.ts rewrites them all once).
 */
export const SEALED = '_sealed';

/** Tables left in clear: the marks of summaries to make again hold household ids only. */
export const CLEAR_TABLES: ReadonlySet<string> = new Set(['summaryDirty']);

/** Names of `meta` values that must be readable before the PIN (meta.ts fills it). */
export const CLEAR_META = new Set<string>();

type Row = Record<string, unknown>;

function clearFieldsOf(table: DBCoreTable): Set<string> {
  const fields = new Set<string>();
  for (const index of [table.schema.primaryKey, ...table.schema.indexes]) {
    const path = index.keyPath;
    for (const p of Array.isArray(path) ? path : path ? [path] : []) fields.add(p.split('.')[0]!);
  }
  return fields;
}

function sealedTable(table: DBCoreTable): DBCoreTable {
  const clear = clearFieldsOf(table);
  const pk = table.schema.primaryKey;
  // Where a row lives, bound into its seal; an auto-incremented key is not known before the write.
  const where = (row: Row) =>
    pk.autoIncrement || !pk.extractKey ? table.name : `${table.name}/${String(pk.extractKey(row))}`;
  const isMeta = table.name === 'meta';

  function sealRow(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const row = value as Row;
    if (isMeta && CLEAR_META.has(String(row.key))) return row;
    const kept: Row = {};
    const secret: Row = {};
    for (const [k, v] of Object.entries(row)) (clear.has(k) ? kept : secret)[k] = v;
    kept[SEALED] = vault.seal(where(row), secret);
    return kept;
  }

  function openRow(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !(SEALED in value)) return value;
    const { [SEALED]: bytes, ...kept } = value as Row;
    const secret = vault.unseal(where(kept), bytes as Uint8Array) as Row;
    return { ...kept, ...secret };
  }

  const openCursor = (cursor: DBCoreCursor | null): DBCoreCursor | null =>
    cursor &&
    (Object.create(cursor, {
      continue: { value: (key?: unknown) => cursor.continue(key) },
      continuePrimaryKey: {
        value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
      },
      advance: { value: (count: number) => cursor.advance(count) },
      key: { get: () => cursor.key },
      primaryKey: { get: () => cursor.primaryKey },
      value: { get: () => openRow(cursor.value) },
    }) as DBCoreCursor);

  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      return table.mutate({ ...req, values: req.values.map(sealRow) });
    },
    get: (req) => table.get(req).then(openRow),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(openRow)),
    query: (req) =>
      table
        .query(req)
        .then((res) => (req.values ? { ...res, result: res.result.map(openRow) } : res)),
    openCursor: (req) => table.openCursor(req).then(openCursor),
  };
}

export const sealedRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tung-nha-sealed-rows',
  // Below every other middleware (Dexie's own at 0–2, summaryDirty.ts at -10): all of them see
  // rows in clear, and only IndexedDB sees them sealed.
  level: -20,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        return CLEAR_TABLES.has(name) ? table : sealedTable(table);
      },
    };
  },
};
