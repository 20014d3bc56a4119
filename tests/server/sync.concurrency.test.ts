import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { op, syncApi, uuid } from '../support/sync';

/**
 * The classic cursor race: pushes from many connections commit in an order different from the
 * order they took their positions, while a device pulls. With PostgreSQL's connection pool the
 * pushes really run at once; a puller following the cursor must still see every change.
 */
const WRITERS = 8;
const BATCHES = 12;
const OPS_PER_BATCH = 15;

describe.each(DATABASE_KINDS)('sync under concurrent pushes on %s', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let seed: SeededCommune;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createMigratedTestDatabase(kind);
    drop = db.drop;
    store = await db.open();
    seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] },
      ],
    });
    app = await createApp({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop?.();
  });

  it('a device pulling while many connections push never skips a change', async () => {
    const writer = syncApi(app, seed.tokens.canbo as string);
    const puller = syncApi(app, seed.tokens.canbo as string);
    const villages = [seed.villages['Thôn Đông'], seed.villages['Thôn Tây']] as string[];
    const written = new Set<string>();
    let writing = true;

    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let b = 0; b < BATCHES; b++) {
        const ops = Array.from({ length: OPS_PER_BATCH }, (_, i) => {
          const id = uuid();
          written.add(`household:${id}`);
          return op('household', id, {
            villageId: villages[(w + i) % 2],
            headName: `Hộ ${w}-${b}-${i}`,
          });
        });
        const res = await writer.push(ops);
        expect(res.results.every((r) => r.status === 'applied')).toBe(true);
      }
    });

    const seen = new Set<string>();
    let cursor: string | undefined;
    let pulls = 0;
    const pulling = (async () => {
      while (writing) {
        const page = await puller.pull(cursor, 37);
        page.records.forEach((r) => seen.add(`${r.entity}:${r.id}`));
        cursor = page.cursor;
        pulls++;
        await new Promise((r) => setImmediate(r)); // let the pushes' I/O run
      }
    })();
    await Promise.all(writers);
    writing = false;
    await pulling;
    // Catch up once the pushes are over: from the cursor reached while they were running.
    const rest = await puller.pullAll(cursor, 500);
    rest.records.forEach((_, k) => seen.add(k));

    expect(written.size).toBe(WRITERS * BATCHES * OPS_PER_BATCH);
    expect(pulls).toBeGreaterThan(3);
    const missing = [...written].filter((k) => !seen.has(k));
    expect(missing).toEqual([]);
    // The village-scoped device got exactly its village's households.
    const lan = await syncApi(app, seed.tokens.lan as string).pullAll(undefined, 500);
    expect(lan.records.size).toBe(written.size / 2);
  });
});
