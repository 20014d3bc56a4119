import pg from 'pg';
import { TEMPLATE_PREFIX } from './stores';

/**
 * Global teardown of the projects whose tests copy PostgreSQL databases from migrated templates
 * (stores.ts): drops the templates once every test process has ended.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function teardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = await c.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [TEMPLATE_PREFIX],
    );
    for (const { datname } of rows.rows) {
      // Another run's template (its test process still alive) is left to that run.
      const pid = Number(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]);
      if (alive(pid)) continue;
      await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await c.end();
  }
}
