import type { Village, VillageKind } from '../../protocol';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import { newId } from './ids';

/** Villages (thôn, xóm, bản, tổ dân phố…) the commune officer defines. */

const COLUMNS = 'id, name, kind, archived';

export async function listVillages(
  sql: Sql,
  communeCode: string,
  opts: { ids?: string[]; includeArchived?: boolean } = {},
): Promise<Village[]> {
  const params: unknown[] = [communeCode];
  let where = 'commune_code = $1';
  if (opts.ids) {
    params.push(opts.ids);
    where += ` AND id = ANY($${params.length}::uuid[])`;
  }
  if (!opts.includeArchived) where += ' AND NOT archived';
  return sql.query<Village>(
    `SELECT ${COLUMNS} FROM villages WHERE ${where} ORDER BY lower(name), id`,
    params,
  );
}

async function nameTaken(sql: Sql, communeCode: string, name: string, exceptId?: string) {
  const rows = await sql.query(
    `SELECT 1 FROM villages WHERE commune_code = $1 AND lower(name) = lower($2)
        AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [communeCode, name, exceptId ?? null],
  );
  return rows.length > 0;
}

export async function createVillage(
  sql: Sql,
  communeCode: string,
  input: { name: string; kind?: VillageKind },
): Promise<Village> {
  if (await nameTaken(sql, communeCode, input.name)) throw new HttpError('village_name_taken');
  const rows = await sql.query<Village>(
    `INSERT INTO villages (commune_code, id, name, kind) VALUES ($1, $2, $3, $4)
     RETURNING ${COLUMNS}`,
    [communeCode, newId(), input.name, input.kind ?? 'thon'],
  );
  return rows[0] as Village;
}

export async function updateVillage(
  sql: Sql,
  communeCode: string,
  id: string,
  patch: {
    name?: string | undefined;
    kind?: VillageKind | undefined;
    archived?: boolean | undefined;
  },
): Promise<Village> {
  if (patch.name !== undefined && (await nameTaken(sql, communeCode, patch.name, id)))
    throw new HttpError('village_name_taken');
  const rows = await sql.query<Village>(
    `UPDATE villages SET name = coalesce($3, name), kind = coalesce($4, kind),
            archived = coalesce($5, archived)
      WHERE commune_code = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [communeCode, id, patch.name ?? null, patch.kind ?? null, patch.archived ?? null],
  );
  const row = rows[0];
  if (!row) throw new HttpError('not_found');
  return row;
}

/** Throws `out_of_scope` unless every id is a live village of the commune. */
export async function assertVillagesExist(sql: Sql, communeCode: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await listVillages(sql, communeCode, { ids });
  if (found.length !== new Set(ids).size) throw new HttpError('out_of_scope', 'unknown village');
}
