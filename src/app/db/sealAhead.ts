import type { Table } from 'dexie';
import { fieldList, rowPlan, sealedAhead } from './sealedRows';
import { vault } from './vault';

/**
 * Seals rows before they are written, off the main thread: a first sync's pages are sealed by a
 * worker (sealWorker.ts) while the page before commits, and the write then only takes the seals
 * (sealedRows.ts `sealedAhead`). The rows must not change between this and their write; a row that
 * did is sealed again by the write itself. Without workers (tests outside a browser) the rows are
 * sealed here, the same way.
 */
export async function sealAhead(table: Table, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const pk = table.schema.primKey;
  const keyPath = pk.keyPath;
  const plan = rowPlan(
    table.name,
    [keyPath, ...table.schema.indexes.map((i) => i.keyPath)],
    pk.auto || typeof keyPath !== 'string' ? null : (row) => Reflect.get(row, keyPath),
  );
  const wheres = rows.map((r) => plan.where(r));
  const secrets = rows.map((r) => plan.split(r).secret);
  const sealed = await vault.sealMany(wheres, secrets);
  rows.forEach((row, i) =>
    sealedAhead.set(row, { where: wheres[i]!, fields: fieldList(secrets[i]!), bytes: sealed[i]! }),
  );
}
