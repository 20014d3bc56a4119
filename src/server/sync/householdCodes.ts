import { isIssuedCode } from '../../domain/householdCode';
import type { Sql } from '../store/store';
import { recordKey, type StoredRecord } from './recordsRepo';

/** A household's sticker code, when it has one and is not deleted. */
function liveCode(rec: { data: Record<string, unknown> } | undefined): string | null {
  const code = rec?.data.code;
  return typeof code === 'string' && rec?.data.deleted !== true ? code : null;
}

/**
 * Whether a household's new state may wear its sticker code: `invalid_fields` when the code is not
 * one the app issues for this commune (its check character wrong), `code_taken` when another live
 * household of the commune wears it, in the database or earlier in this batch (`state`, which the
 * batch has changed). Checked when the code is set or a deleted household comes back.
 */
export async function householdCodeError(
  tx: Sql,
  commune: string,
  id: string,
  next: { data: Record<string, unknown> },
  state: Map<string, StoredRecord>,
): Promise<'invalid_fields' | 'code_taken' | null> {
  const code = liveCode(next);
  if (code === null) return null;
  if (!isIssuedCode(code, commune)) return 'invalid_fields';
  const stored = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM records
      WHERE commune_code = $1 AND entity = 'household' AND data ->> 'code' = $2 AND id <> $3
        AND (data ->> 'deleted') IS DISTINCT FROM 'true'`,
    [commune, code, id],
  );
  const holders = new Set(stored.map((r) => r.id));
  for (const rec of state.values())
    if (rec.entity === 'household' && rec.id !== id && liveCode(rec) === code) holders.add(rec.id);
  for (const holder of holders) {
    const current = state.get(recordKey('household', holder));
    if (current ? liveCode(current) === code : true) return 'code_taken';
  }
  return null;
}
