import type { Commune } from '../../protocol';
import { HttpError } from '../http/errors';
import type { Sql } from '../store/store';
import { officialCommune } from './communeList';

/** The communes this server serves: created from the official list, never typed in. */

export async function hasAnyCommune(sql: Sql): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM communes LIMIT 1');
  return rows.length > 0;
}

export async function getCommune(sql: Sql, code: string): Promise<Commune | undefined> {
  const rows = await sql.query<Commune>(
    'SELECT code, name, province FROM communes WHERE code = $1',
    [code],
  );
  return rows[0];
}

/** Adds a commune by its official code; `unknown_commune` when the code is not in the list. */
export async function createCommune(sql: Sql, code: string): Promise<Commune> {
  const official = officialCommune(code);
  if (!official) throw new HttpError('unknown_commune', `No commune has the code ${code}`);
  const existing = await getCommune(sql, code);
  if (existing) throw new HttpError('conflict', `Commune ${code} already exists`);
  await sql.query('INSERT INTO communes (code, name, province) VALUES ($1, $2, $3)', [
    official.code,
    official.name,
    official.province,
  ]);
  return official;
}
