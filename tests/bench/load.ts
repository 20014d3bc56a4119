/**
 * 1,000 simulated volunteers, each pushing a doorstep's work (a household, three members, a visit)
 * and pulling their village, at random moments within one minute, against the real server process.
 * Reports request p95, errors, and operations lost (pushed and acknowledged, but not in the database).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Household, Member, Visit } from '../../src/domain/entities';
import { createHlcClock } from '../../src/domain/hlc';
import { uuidv7 } from '../../src/domain/ids';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import { pullResponseSchema, pushResponseSchema, type PushRequest } from '../../src/protocol/sync';
import { openStore } from '../../src/server/store/open';
import { migrate } from '../../src/server/store/migrate';
import { startProduct } from '../e2e/server';
import { createTestDatabase } from '../support/stores';
import { seedVolunteers } from './seedVolunteers';
import { percentile } from './stats';
import type { LoadResult } from './results';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function runLoad(opts: {
  volunteers?: number;
  windowMs?: number;
  staticDir: string;
}): Promise<LoadResult & { requests: number; database: string }> {
  const volunteers = opts.volunteers ?? 1000;
  const windowMs = opts.windowMs ?? 60_000;
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-load-'));
  const database = await createTestDatabase(
    kind,
    kind === 'pglite' ? path.join(dataDir, 'pglite') : undefined,
  );
  const store = await openStore({ databaseUrl: database.url, dataDir });
  await migrate(store);
  const seeded = await seedVolunteers(store, volunteers, 25);
  if (kind === 'pglite') await store.close(); // one process at a time on a PGlite folder

  const server = await startProduct({
    dataDir,
    env: { STATIC_DIR: opts.staticDir, ...(database.url ? { DATABASE_URL: database.url } : {}) },
  });
  const latencies: number[] = [];
  let errors = 0;
  const acknowledged: PushRequest['ops'] = [];

  async function call(url: string, token: string, body?: unknown) {
    const started = performance.now();
    try {
      const res = await fetch(`${server.url}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          'accept-encoding': 'gzip',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json: unknown = await res.json();
      latencies.push(performance.now() - started);
      if (!res.ok) errors++;
      return res.ok ? json : null;
    } catch {
      latencies.push(performance.now() - started);
      errors++;
      return null;
    }
  }

  async function volunteer(i: number) {
    const v = seeded.volunteers[i]!;
    await new Promise((r) => setTimeout(r, Math.random() * windowMs));
    const clock = createHlcClock(`load${i}`, Date.now);
    const now = Date.now();
    const household = uuidv7(now, random);
    const stamp = clock.now();
    const ops: PushRequest['ops'] = [
      {
        opId: uuidv7(now, random),
        entity: 'household',
        id: household,
        clock: stamp,
        fields: {
          villageId: v.villageId,
          address: `Số ${i}, ngõ ${i % 40}`,
          headName: `Hộ thử ${i}`,
          status: 'active',
          createdAt: now,
          createdBy: v.userId,
        } satisfies Partial<Household>,
      },
      ...[0, 1, 2].map((m) => ({
        opId: uuidv7(now, random),
        entity: 'member',
        id: uuidv7(now, random),
        clock: stamp,
        fields: {
          householdId: household,
          villageId: v.villageId,
          name: `Thành viên ${i}-${m}`,
          birthYear: 1950 + ((i + m * 17) % 60),
          gender: m % 2 ? 'male' : 'female',
          relation: m === 0 ? 'head' : 'child',
          smartphone: m !== 2,
          vneid: 'level1',
          cashless: false,
          onlineServices: false,
          platform: 'none',
          platformVerified: false,
          skills: [],
        } satisfies Partial<Member>,
      })),
      {
        opId: uuidv7(now, random),
        entity: 'visit',
        id: uuidv7(now, random),
        clock: stamp,
        fields: {
          householdId: household,
          villageId: v.villageId,
          volunteerId: v.userId,
          at: now,
          presentMemberIds: [],
          tasks: ['cai_vneid'],
          otherTask: '',
          outcome: 'done',
          followUpDate: null,
          notes: '',
        } satisfies Partial<Visit>,
      },
    ];
    const pushed = pushResponseSchema.safeParse(await call('/api/sync/push', v.token, { ops }));
    if (!pushed.success) return;
    pushed.data.results.forEach((r, k) => {
      if (r.status === 'applied' || r.status === 'duplicate') acknowledged.push(ops[k]!);
      else errors++;
    });
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const pulled = pullResponseSchema.safeParse(
        await call(`/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=2000`, v.token),
      );
      if (!pulled.success) return;
      cursor = pulled.data.cursor;
      if (!pulled.data.hasMore) break;
    }
  }

  await Promise.all(Array.from({ length: volunteers }, (_, i) => volunteer(i)));
  await server.stop({ keepData: true });

  // Every acknowledged operation must be in the database with the fields it set.
  const check = await openStore({ databaseUrl: database.url, dataDir });
  const ids = acknowledged.map((o) => o.id);
  const rows = await check.query<{ id: string; data: Record<string, unknown> }>(
    'SELECT id, data FROM records WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r.data]));
  const lostOps = acknowledged.filter((o) => {
    const data = byId.get(o.id);
    return (
      !data ||
      Object.entries(o.fields).some(([k, v]) => JSON.stringify(data[k]) !== JSON.stringify(v))
    );
  }).length;
  await check.close();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
  return {
    volunteers,
    p95Ms: Math.round(percentile(latencies, 95)),
    errors,
    lostOps,
    requests: latencies.length,
    database: kind,
  };
}
