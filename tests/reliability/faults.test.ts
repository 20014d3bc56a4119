import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SyncTransport } from '../../src/app/sync/transport';
import { MAX_PUSH_OPS, pullResponseSchema, type PullResponse } from '../../src/protocol/sync';
import { openPglite } from '../../src/server/store/pglite';
import { openPostgres } from '../../src/server/store/postgres';
import { migrate } from '../../src/server/store/migrate';
import type { Store } from '../../src/server/store/store';
import { seedCommune } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/stores';
import { uuid } from '../support/sync';
import { createTestDevice, fetchTransport, type TestDevice } from '../support/syncDevice';
import { startProduct, type RunningServer } from '../e2e/server';
import { compareDevice, type MadeWrite } from './soakCheck';
import { addToTally, scaled } from './tally';

/**
 * The real product process under faults: SIGKILL during a push and during a pull (then a restart
 * on the same data), and PostgreSQL restarted under load. Devices retry; nothing is lost or doubled.
 */
const STATIC_DIR = path.resolve(process.env.STATIC_DIR ?? 'dist');

async function seedVillage(store: Store) {
  await migrate(store);
  const seed = await seedCommune(store, {
    villages: ['Thôn Đông'],
    users: [
      { username: '0911111111', role: 'volunteer', villages: ['Thôn Đông'] },
      { username: '0922222222', role: 'volunteer', villages: ['Thôn Đông'] },
    ],
  });
  await store.close();
  return { village: seed.villages['Thôn Đông'] as string, tokens: seed.tokens };
}

/** A phone that remembers every write it made. */
function phone(name: string) {
  const device = createTestDevice(`${name}-${uuid()}`, Date.now);
  const writes: MadeWrite[] = [];
  return {
    device,
    writes,
    async households(village: string, n: number) {
      for (let i = 0; i < n; i += 100) {
        const batch = Array.from({ length: Math.min(100, n - i) }, (_, j) => ({
          entity: 'household' as const,
          id: uuid(),
          fields: { villageId: village, headName: `Hộ ${i + j}`, status: 'active' },
        }));
        const clock = await device.write(batch);
        for (const w of batch) writes.push({ key: `household:${w.id}`, fields: w.fields, clock });
      }
    },
  };
}

/** Wraps a transport: runs `before` ahead of each call, and counts the answers by kind. */
function watched(inner: SyncTransport, before: { push?: () => void; pull?: () => void }) {
  const answers: Record<string, number> = {};
  const note = (
    r: Awaited<ReturnType<SyncTransport['push']>> | Awaited<ReturnType<SyncTransport['pull']>>,
  ) => {
    const k = r.ok ? 'ok' : r.error.kind === 'api' ? r.error.code : r.error.kind;
    answers[k] = (answers[k] ?? 0) + 1;
    return r;
  };
  const transport: SyncTransport = {
    push: async (ops, sentAt) => {
      before.push?.();
      return note(await inner.push(ops, sentAt)) as Awaited<ReturnType<SyncTransport['push']>>;
    },
    pull: async (cursor, limit, count) => {
      before.pull?.();
      return note(await inner.pull(cursor, limit, count)) as Awaited<
        ReturnType<SyncTransport['pull']>
      >;
    },
  };
  return { transport, answers };
}

async function syncUntilOk(device: TestDevice, transport: SyncTransport, tries = 60) {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    const outcome = await device.sync(transport, 200);
    if (outcome.ok && (await device.db.outbox.count()) === 0) return outcome;
    last = outcome;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `the phone never finished syncing: ${JSON.stringify(last)}, ${await device.db.outbox.count()} ops left`,
  );
}

/** Every record the server holds for `token`'s villages, page after page, as the app reads them. */
async function serverRecords(url: string, token: string) {
  const records: PullResponse['records'] = [];
  let cursor = '';
  for (;;) {
    const q = new URLSearchParams({ limit: '5000', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${url}/api/sync/pull?${q}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = pullResponseSchema.parse(await res.json());
    records.push(...page.records);
    if (!page.hasMore) return records;
    cursor = page.cursor;
  }
}

describe('the product process killed with SIGKILL mid-sync (PGlite)', () => {
  let server: RunningServer | undefined;
  let dataDir = '';
  afterAll(async () => {
    await server?.stop({ keepData: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('phones retry after each kill and restart: nothing lost, nothing doubled', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-rel-kill-'));
    const { village, tokens } = await seedVillage(await openPglite(path.join(dataDir, 'pglite')));
    const env = { STATIC_DIR, DATABASE_URL: '' };
    server = await startProduct({ dataDir, env });
    const url = () => server!.url;
    let faults = 0;
    let killing: Promise<void> | null = null;
    const killSoon = () => {
      faults++;
      killing = new Promise((r) => setTimeout(r, 10)).then(() => server!.kill());
    };

    const a = phone('kill-a');
    const b = phone('kill-b');
    for (let round = 0; round < scaled(1, 3); round++) {
      // During a push: A sends more households than one push may carry, so at least two
      // batches whatever the app's batch size; the server dies in the second.
      await a.households(village, MAX_PUSH_OPS + 500);
      let pushes = 0;
      const pa = watched(fetchTransport(url, tokens['0911111111'] as string), {
        push: () => ++pushes === 2 && killSoon(),
      });
      expect((await a.device.sync(pa.transport, 200)).ok).toBe(false);
      await killing;
      server = await startProduct({ dataDir, env });
      await syncUntilOk(a.device, pa.transport);

      // During a pull: B receives everything in pages of 200; the server dies on the third page.
      await b.households(village, 50);
      let pulls = 0;
      const pb = watched(fetchTransport(url, tokens['0922222222'] as string), {
        pull: () => ++pulls === 3 && killSoon(),
      });
      expect((await b.device.sync(pb.transport, 200)).ok).toBe(false);
      await killing;
      server = await startProduct({ dataDir, env });
      await syncUntilOk(b.device, pb.transport);
      await syncUntilOk(a.device, pa.transport);
    }

    const records = await serverRecords(url(), tokens['0911111111'] as string);
    let lostWrites = 0;
    let duplicates = 0;
    let divergentDevices = 0;
    const details: string[] = [];
    for (const p of [a, b]) {
      const c = await compareDevice(p.device, { records }, p.writes);
      lostWrites += c.lostWrites;
      duplicates += c.duplicates;
      divergentDevices += c.divergent ? 1 : 0;
      details.push(...c.details);
    }
    addToTally({ faultsInjected: faults, lostWrites, duplicates, divergentDevices });
    expect(details).toEqual([]);
    expect(records.length).toBe(a.writes.length + b.writes.length);
    await a.device.close();
    await b.device.close();
  });
});

const pgCtl = process.env.TEST_PG_CTL;
const pgData = process.env.TEST_PG_DATA;
const pgUser = process.env.TEST_PG_USER;
const canRestartPg = Boolean(pgCtl && pgData && pgUser && process.env.DATABASE_URL);
if (!canRestartPg)
  console.log(
    'faults: PostgreSQL restart skipped (set DATABASE_URL, TEST_PG_CTL, TEST_PG_DATA, TEST_PG_USER as .ci/run does)',
  );

describe.skipIf(!canRestartPg)('PostgreSQL restarted under load', () => {
  let server: RunningServer | undefined;
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers 503 unavailable while the database is down, then recovers; no accepted write lost', async () => {
    db = await createTestDatabase('postgres');
    const { village, tokens } = await seedVillage(await openPostgres(db.url as string));
    server = await startProduct({ env: { STATIC_DIR, DATABASE_URL: db.url } });
    const url = server.url;
    const a = phone('pg-a');
    const pa = watched(
      fetchTransport(() => url, tokens['0911111111'] as string),
      {},
    );
    let stop = false;
    const load = (async () => {
      while (!stop) {
        await a.households(village, 20);
        await a.device.sync(pa.transport, 200);
      }
    })();
    // Writes flow before the database goes away, and again after each restart.
    const oks = () => pa.answers.ok ?? 0;
    const syncedOnceMore = (than: number) =>
      vi.waitFor(() => expect(oks()).toBeGreaterThan(than), { timeout: 60_000, interval: 50 });
    await syncedOnceMore(0);
    const restarts = scaled(1, 3);
    for (let i = 0; i < restarts; i++) {
      execFileSync(
        'su',
        [
          '-s',
          '/bin/bash',
          pgUser as string,
          '-c',
          `${pgCtl} -D ${pgData} -m fast -w restart -l ${pgData}/../restart.log`,
        ],
        { stdio: 'ignore' },
      );
      await syncedOnceMore(oks());
    }
    stop = true;
    await load;
    await syncUntilOk(a.device, pa.transport);
    const records = await serverRecords(url, tokens['0911111111'] as string);
    const c = await compareDevice(a.device, { records }, a.writes);
    addToTally({
      faultsInjected: restarts,
      lostWrites: c.lostWrites,
      duplicates: c.duplicates,
      divergentDevices: c.divergent ? 1 : 0,
      crashes: pa.answers.server_error ?? 0,
    });
    // Every answer while the database was away was "unavailable" or a cut connection, never a 500.
    expect(
      Object.keys(pa.answers).filter((k) => !['ok', 'unavailable', 'offline'].includes(k)),
    ).toEqual([]);
    expect(c.details).toEqual([]);
    await a.device.close();
  });
});
