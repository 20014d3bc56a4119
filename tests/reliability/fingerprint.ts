import type { Sql } from '../../src/server/store/store';

/** A checksum of every row of every table: equal before and after means nothing changed. */
export async function databaseFingerprint(sql: Sql): Promise<Record<string, string>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await sql.query<{ h: string | null }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    );
    out[name] = rows[0]?.h ?? '';
  }
  return out;
}
