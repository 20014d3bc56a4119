import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countVisits } from '../../src/app/db/recordTables';
import { MAX_PUSH_OPS } from '../../src/protocol/sync';
import { openPglite } from '../../src/server/store/pglite';
import { migrate } from '../../src/server/store/migrate';
import { seedCommune } from '../support/accounts';
import { uuid } from '../support/sync';
import { createTestDevice, fetchTransport } from '../support/syncDevice';
import { startProduct, type RunningServer } from './server';
import { bearer } from '../support/accounts';

/**
 * The real product (npm start, PGlite in a data folder) is killed with SIGKILL while a phone is
 * pushing; restarted on the same data, the phone retries: every change arrives exactly once.
 */
describe('sync survives a server killed mid-push', () => {
  let server: RunningServer | undefined;
  let dataDir = '';
  afterAll(async () => {
    await server?.stop({ keepData: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('retries after SIGKILL and a restart: no change lost, none duplicated', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-sync-kill-'));
    const store = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(store);
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [{ username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] }],
    });
    await store.close();
    const dong = seed.villages['Thôn Đông'] as string;
    const env = {};
    server = await startProduct({ dataDir, env });

    const phone = createTestDevice(`kill-${uuid()}`, Date.now);
    // Enough for three push batches whatever the app's batch size (two ops per household).
    const households = Array.from({ length: MAX_PUSH_OPS + 200 }, () => uuid());
    const visits = households.map(() => uuid());
    // One user action per 100 households: each household and its first visit.
    for (let i = 0; i < households.length; i += 100) {
      await phone.write(
        households.slice(i, i + 100).flatMap((id, j) => [
          {
            entity: 'household' as const,
            id,
            fields: { villageId: dong, headName: `Hộ ${i + j}` },
          },
          {
            entity: 'visit' as const,
            id: visits[i + j] as string,
            fields: { householdId: id, at: Date.UTC(2026, 10, 22), tasks: ['cai_vneid'] },
          },
        ]),
      );
    }
    let pushes = 0;
    let killed: Promise<void> | null = null;
    const url = () => server!.url;
    const transport = fetchTransport(url, seed.tokens.lan as string, {
      beforePush: () => {
        // Kill the server while the third batch is on its way / being applied.
        if (++pushes === 3)
          killed = new Promise((r) => setTimeout(r, 15)).then(() => server!.kill());
      },
    });
    const first = await phone.sync(transport, 1000);
    await killed;
    expect(first).toEqual({ ok: false, failure: 'offline' });
    const left = await phone.db.outbox.count();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(households.length * 2);

    server = await startProduct({ dataDir, env });
    const second = await phone.sync(transport, 1000);
    expect(second.ok).toBe(true);
    expect(await phone.db.outbox.count()).toBe(0);

    const res = await fetch(`${server.url}/api/sync/pull?limit=5000`, {
      headers: bearer(seed.tokens.lan as string),
    });
    const body = (await res.json()) as {
      records: { entity: string; id: string }[];
      hasMore: boolean;
    };
    expect(body.hasMore).toBe(false);
    const keys = body.records.map((r) => `${r.entity}:${r.id}`);
    expect(new Set(keys).size).toBe(keys.length); // each record once
    expect(keys.filter((k) => k.startsWith('visit:')).sort()).toEqual(
      visits.map((v) => `visit:${v}`).sort(),
    );
    expect(keys.filter((k) => k.startsWith('household:'))).toHaveLength(households.length);
    expect(await countVisits(phone.db)).toBe(visits.length);
    await phone.close();
  });
});
