import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { healthSchema, PROTOCOL_VERSION } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import { loadMigrations, migrate } from '../../src/server/store/migrate';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/stores';

describe.each(DATABASE_KINDS)('server foundation on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function database(dir?: string): Promise<TestDatabase> {
    const db = await createTestDatabase(kind, dir);
    cleanups.push(() => db.drop());
    return db;
  }

  it('answers /api/health with the database kind and the latest migration', async () => {
    const store = await (await database()).open();
    cleanups.push(() => store.close());
    const latest = (await loadMigrations()).at(-1)?.version;
    await migrate(store);
    const app = await createApp({ store });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = healthSchema.parse(res.json());
    expect(body).toEqual({
      status: 'ok',
      database: kind,
      migration: latest,
      protocolVersion: PROTOCOL_VERSION,
    });
    await app.close();
  });

  it('applies each migration exactly once, however often the server starts', async () => {
    const store = await (await database()).open();
    cleanups.push(() => store.close());
    const first = await migrate(store);
    const second = await migrate(store);
    expect(second).toBe(first);
    const rows = await store.query<{ version: number; n: number }>(
      'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
    );
    expect(rows.length).toBe((await loadMigrations()).length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('keeps its data across a restart', async () => {
    const dir = kind === 'pglite' ? await mkdtemp(path.join(os.tmpdir(), 'tn-pglite-')) : undefined;
    if (dir) cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const db = await database(dir);
    const before = await db.open();
    await migrate(before);
    await before.query(
      `INSERT INTO communes (code, name, province) VALUES ('25093', 'Xã Nghĩa Thọ', 'Nghệ An')`,
    );
    await before.close();

    const after = await db.open();
    cleanups.push(() => after.close());
    await migrate(after);
    const rows = await after.query<{ name: string }>(
      `SELECT name FROM communes WHERE code = '25093'`,
    );
    expect(rows).toEqual([{ name: 'Xã Nghĩa Thọ' }]);
  });

  it('answers unknown API paths with a precise code and an outdated app with protocol_outdated', async () => {
    const store = await (await database()).open();
    cleanups.push(() => store.close());
    await migrate(store);
    const app = await createApp({ store });
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found' } });
    const old = await app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { 'x-protocol-version': '0' },
    });
    expect(old.statusCode).toBe(426);
    expect(old.json().error.code).toBe('protocol_outdated');
    await app.close();
  });
});
