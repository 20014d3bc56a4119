import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice } from '../../src/server/accounts/devices';
import { createUser } from '../../src/server/accounts/users';
import { migrate } from '../../src/server/store/migrate';
import type { Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { createTestDatabase, DATABASE_KINDS } from '../support/stores';
import { syncApi, uuid } from '../support/sync';
import { createTestDevice, fetchTransport, type TestDevice } from '../support/syncDevice';
import { compareDevice, type MadeWrite } from './soakCheck';
import { countingTransport, judgeAnswers, type AnswerCounts } from './answers';
import { serverFaults, startSoakServer } from './soakServer';
import { addToTally, scaled } from './tally';

/**
 * N phones (the app's real Dexie database and sync engine, over HTTP) work and sync at once for a
 * while, with random faults: push answers lost, pulls cut mid-way, the server crashing (every
 * connection dropped mid-request, down a moment, back on the same data) and, on PostgreSQL, the
 * server's database connections cut. Then everyone syncs cleanly and every phone is compared
 * with the server record by record.
 */
const DEVICES = Number(process.env.SOAK_DEVICES ?? scaled(20, 200));
const DURATION_MS = Number(process.env.SOAK_MS ?? scaled(10_000, 300_000));
/** A server crash or a database connection cut every this often. */
const SERVER_FAULT_EVERY_MS = scaled(2_500, 10_000);
const VILLAGES = ['Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
const TASKS = ['cai_vneid', 'kich_hoat_muc_2', 'cai_app_ngan_hang', 'nop_ho_so_dvc'];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASE_KINDS)('soak: %s', (kind) => {
  let store: Store;
  let server: Awaited<ReturnType<typeof startSoakServer>>;
  let seed: SeededCommune;
  let drop: () => Promise<void>;
  let databaseUrl: string | undefined;
  const phones: { device: TestDevice; token: string; village: string; writes: MadeWrite[] }[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase(kind);
    drop = db.drop;
    databaseUrl = db.url;
    store = await db.open();
    await migrate(store);
    seed = await seedCommune(store, { villages: VILLAGES, users: [] });
    server = await startSoakServer(store);
    // One volunteer per phone; four villages, so phones share records with some and not others.
    for (let i = 0; i < DEVICES; i++) {
      const villageName = VILLAGES[i % VILLAGES.length] as string;
      const village = seed.villages[villageName] as string;
      const user = await createUser(store, seed.communeCode, {
        username: `09${String(30_000_000 + i).slice(-8)}`,
        displayName: `Tình nguyện viên ${i}`,
        role: 'volunteer',
        password: 'mat-khau-thu-nghiem',
        mustChangePassword: false,
        villageIds: [village],
      });
      const { token } = await createDevice(store, seed.communeCode, user.id, `Máy ${i}`);
      phones.push({
        device: createTestDevice(`soak-${kind}-${i}-${uuid()}`, Date.now),
        token,
        village,
        writes: [],
      });
    }
  }, 600_000);
  afterAll(async () => {
    for (const p of phones) await p.device.close();
    await server?.close();
    await store?.close();
    await drop?.();
  });

  it(
    `${DEVICES} phones for ${DURATION_MS / 1000} s with random faults end identical to the server, nothing lost`,
    async () => {
      const startedAt = Date.now();
      let faults = 0;
      const rejected: unknown[] = [];
      const answers: AnswerCounts = {};
      const end = Date.now() + DURATION_MS;
      const chaos = serverFaults({
        server,
        databaseUrl,
        everyMs: SERVER_FAULT_EVERY_MS,
        until: end,
      });

      async function work(p: (typeof phones)[number]) {
        let losePush = false;
        let cutPullIn = -1;
        const transport = countingTransport(
          fetchTransport(server.url, p.token, {
            loseNextPushAnswer: () => {
              const lose = losePush;
              losePush = false;
              return lose;
            },
            failPull: () => cutPullIn >= 0 && cutPullIn-- === 0,
          }),
          answers,
        );
        const write = async (
          entity: 'household' | 'visit',
          id: string,
          fields: Record<string, unknown>,
        ) => {
          const clock = await p.device.write([{ entity, id, fields }]);
          p.writes.push({ key: `${entity}:${id}`, fields, clock });
        };
        while (Date.now() < end) {
          const known = await p.device.db.households.toCollection().primaryKeys();
          const roll = Math.random();
          if (roll < 0.3 || known.length === 0)
            await write('household', uuid(), {
              villageId: p.village,
              headName: pick(NAMES),
              status: 'active',
            });
          else if (roll < 0.6) {
            const field = pick(['headName', 'phone', 'address']);
            const value =
              field === 'phone'
                ? `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
                : `${pick(NAMES)} ${Math.random().toString(36).slice(2, 6)}`;
            await write('household', pick(known) as string, { [field]: value });
          } else if (roll < 0.8)
            await write('visit', uuid(), {
              householdId: pick(known),
              at: Date.now(),
              tasks: [pick(TASKS)],
              outcome: 'done',
            });
          else {
            const fault = Math.random();
            if (fault < 0.25) {
              losePush = true;
              faults++;
            } else if (fault < 0.5) {
              cutPullIn = Math.floor(Math.random() * 2);
              faults++;
            }
            const outcome = await p.device.sync(transport, 50);
            // An edit another phone's later edit won over is listed for its user ('superseded'):
            // the ordinary end of a race between phones, not a refusal.
            if (outcome.ok)
              rejected.push(...outcome.rejected.filter((r) => r.code !== 'superseded'));
            losePush = false;
            cutPullIn = -1;
          }
          await sleep(20 + Math.random() * 200);
        }
        return transport;
      }

      const transports = await Promise.all(phones.map(work));
      const { crashes, connectionCuts, connectionsCut } = await chaos;
      faults += crashes + connectionCuts;
      // Everyone comes online: two clean rounds, so each phone also gets the others' last pushes.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < phones.length; i++) {
          const outcome = await phones[i]!.device.sync(transports[i]!, 500);
          expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
        }
      }

      let lostWrites = 0;
      let duplicates = 0;
      let divergentDevices = 0;
      const details: string[] = [];
      const scopes = new Map<
        string,
        { records: Awaited<ReturnType<ReturnType<typeof syncApi>['pullAll']>>['records'] }
      >();
      for (const p of phones) {
        let scope = scopes.get(p.village);
        if (!scope) {
          scope = {
            records: (await syncApi(server.app(), p.token).pullAll(undefined, 500)).records,
          };
          scopes.set(p.village, scope);
        }
        // pullAll keeps the last version per key; duplicates are counted from raw pages below.
        const result = await compareDevice(
          p.device,
          { records: [...scope.records.values()] },
          p.writes,
        );
        lostWrites += result.lostWrites;
        duplicates += result.duplicates;
        if (result.divergent) divergentDevices++;
        details.push(...result.details.slice(0, 2));
      }
      // Duplicates on the server: a record key served twice in one full pull, per village.
      for (const p of phones.slice(0, VILLAGES.length)) {
        const keys: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await syncApi(server.app(), p.token).pull(cursor, 500);
          keys.push(...page.records.map((r) => `${r.entity}:${r.id}`));
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
        duplicates += keys.length - new Set(keys).size;
      }
      const writes = phones.reduce((n, p) => n + p.writes.length, 0);
      const judged = judgeAnswers(answers);
      addToTally({ faultsInjected: faults, lostWrites, duplicates, divergentDevices, ...judged });
      console.log(
        `soak ${kind}: ${DEVICES} phones for ${DURATION_MS / 1000} s, ${writes} writes, ` +
          `${faults} faults (${crashes} server crashes, ${connectionCuts} database cuts of ${connectionsCut} connections), ` +
          `${lostWrites} lost writes, ${duplicates} duplicates, ${divergentDevices} divergent devices, ` +
          `${Math.round((Date.now() - startedAt) / 1000)} s wall time; answers ${JSON.stringify(answers)}`,
      );
      expect(rejected.slice(0, 3)).toEqual([]);
      expect(details).toEqual([]);
      expect({ lostWrites, duplicates, divergentDevices }).toEqual({
        lostWrites: 0,
        duplicates: 0,
        divergentDevices: 0,
      });
      expect(judged).toEqual({ crashes: 0, unexpectedStatus: 0 });
      expect(crashes).toBeGreaterThan(0);
      if (kind === 'postgres') expect(connectionCuts).toBeGreaterThan(0);
    },
    DURATION_MS + 900_000,
  );
});
