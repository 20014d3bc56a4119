import type { Sql } from '../store/store';

/**
 * Locks the commune's change counter for the rest of the transaction and returns its seq. Every
 * write of a commune's records takes its seqs from here, one transaction at a time (push.ts says
 * why this keeps pull cursors safe); the writer sets the counter to its last seq before it commits.
 */
export async function lockCommuneCounter(tx: Sql, commune: string): Promise<number> {
  await tx.query(
    'INSERT INTO sync_counters (commune_code, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING',
    [commune],
  );
  const [counter] = await tx.query<{ seq: number }>(
    'UPDATE sync_counters SET seq = seq WHERE commune_code = $1 RETURNING seq::float8 AS seq',
    [commune],
  );
  return Number(counter?.seq ?? 0);
}

export async function setCommuneCounter(tx: Sql, commune: string, seq: number): Promise<void> {
  await tx.query('UPDATE sync_counters SET seq = $2 WHERE commune_code = $1', [commune, seq]);
}
