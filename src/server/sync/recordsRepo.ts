import type { EntityName, Versioned } from '../../domain/records';
import type { Sql } from '../store/store';

/** A record as the server keeps it (table `records`, migration 003). */
export interface StoredRecord extends Versioned {
  entity: EntityName;
  id: string;
  villageId: string | null;
}

/** A row of `records` as RECORD_COLUMNS select it from `r`. */
export interface RecordRow {
  entity: EntityName;
  id: string;
  village_id: string | null;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
}

/** The columns of `records r` that make a RecordRow. */
export const RECORD_COLUMNS =
  'r.entity, r.id::text AS id, r.village_id::text AS village_id, r.data, r.clocks';

export const toRecord = (r: RecordRow): StoredRecord => ({
  entity: r.entity,
  id: r.id,
  villageId: r.village_id,
  data: r.data,
  clocks: r.clocks,
});

export const recordKey = (entity: string, id: string) => `${entity}:${id}`;

/** Loads the records with these keys (one query). */
export async function loadRecords(
  sql: Sql,
  communeCode: string,
  keys: { entity: string; id: string }[],
): Promise<Map<string, StoredRecord>> {
  const found = new Map<string, StoredRecord>();
  if (keys.length === 0) return found;
  const rows = await sql.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS}
       FROM records r
       JOIN unnest($2::text[], $3::uuid[]) AS k(entity, id) ON r.entity = k.entity AND r.id = k.id
      WHERE r.commune_code = $1`,
    [communeCode, keys.map((k) => k.entity), keys.map((k) => k.id)],
  );
  for (const r of rows) found.set(recordKey(r.entity, r.id), toRecord(r));
  return found;
}

/** Writes records (insert or replace), each with its new seq (one query). */
export async function saveRecords(
  sql: Sql,
  communeCode: string,
  records: (StoredRecord & { seq: number })[],
): Promise<void> {
  if (records.length === 0) return;
  await sql.query(
    `INSERT INTO records (commune_code, entity, id, village_id, data, clocks, seq, updated_at)
     SELECT $1, x.entity, x.id, x.village_id, x.data, x.clocks, x.seq, now()
       FROM jsonb_to_recordset($2::jsonb)
         AS x(entity text, id uuid, village_id uuid, data jsonb, clocks jsonb, seq bigint)
     ON CONFLICT (commune_code, entity, id) DO UPDATE
       SET village_id = EXCLUDED.village_id, data = EXCLUDED.data, clocks = EXCLUDED.clocks,
           seq = EXCLUDED.seq, updated_at = now()`,
    [
      communeCode,
      JSON.stringify(
        records.map((r) => ({
          entity: r.entity,
          id: r.id,
          village_id: r.villageId,
          data: r.data,
          clocks: r.clocks,
          seq: r.seq,
        })),
      ),
    ],
  );
}
