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

type KeyPath = string | string[] | null | undefined;

/**
 * How one table's rows are sealed: which fields stay in clear (those its key and indexes read),
 * and where a row lives (`table/key`, bound into its seal; an auto-incremented key is not known
 * before the write, so such rows are bound to the table alone). The middleware and sealAhead.ts
 * both split rows with it.
 */
export interface RowPlan {
  where(row: object): string;
  /** The row's fields in clear, and the rest, to seal (keys in the row's own order). */
  split(row: object): { kept: Row; secret: Row };
}

export function rowPlan(
  table: string,
  paths: KeyPath[],
  keyOf: ((row: object) => unknown) | null,
): RowPlan {
  const clear = new Set<string>();
  for (const path of paths)
    for (const p of Array.isArray(path) ? path : path ? [path] : []) clear.add(p.split('.')[0]!);
  return {
    where: (row) => (keyOf ? `${table}/${String(keyOf(row))}` : table),
    split(row) {
      const kept: Row = {};
      const secret: Row = {};
      for (const [k, v] of Object.entries(row)) (clear.has(k) ? kept : secret)[k] = v;
      return { kept, secret };
    },
  };
}

/**
 * Seals made ahead of a write, off the main thread (sealAhead.ts), by the row object they were
 * made for: the write uses one only if the row is still bound to the same place and holds the
 * same fields to seal; otherwise it seals the row itself.
 */
export const sealedAhead = new WeakMap<
  object,
  { where: string; fields: string; bytes: Uint8Array }
>();

/** The fields a seal holds, as `sealedAhead` compares them. */
export const fieldList = (secret: Row) => Object.keys(secret).join('\u0000');

function sealedTable(table: DBCoreTable): DBCoreTable {
  const pk = table.schema.primaryKey;
  const plan = rowPlan(
    table.name,
    [pk.keyPath, ...table.schema.indexes.map((i) => i.keyPath)],
    pk.autoIncrement || !pk.extractKey ? null : pk.extractKey,
  );
  const isMeta = table.name === 'meta';

  function sealRow(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const row = value as Row;
    if (isMeta && CLEAR_META.has(String(row.key))) return row;
    const { kept, secret } = plan.split(row);
    const where = plan.where(row);
    const ahead = sealedAhead.get(row);
    kept[SEALED] =
      ahead && ahead.where === where && ahead.fields === fieldList(secret)
        ? ahead.bytes
        : vault.seal(where, secret);
    return kept;
  }

  function openRow(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !(SEALED in value)) return value;
    const { [SEALED]: bytes, ...kept } = value as Row;
    const secret = vault.unseal(plan.where(kept), bytes as Uint8Array) as Row;
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
