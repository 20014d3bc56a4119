import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowToVersioned } from '../../src/app/db/mutate';
import type { Op } from '../../src/domain/ops';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { syncApi, uuid } from '../support/sync';
import { createTestDevice, injectTransport, type TestDevice } from '../support/syncDevice';

/**
 * N phones edit the same households offline (with skewed clocks), log visits and delete, then
 * sync in random orders, losing push answers and dropping pulls mid-way. After everyone syncs,
 * every phone and the server hold exactly the same records, every visit is there once, and every
 * write the server accepted is either present or beaten by a later write of the same field.
 */
const DEVICES = 3;
const HOUSEHOLDS = 2;
const FIELDS = ['headName', 'phone', 'address', 'status'] as const;
/** Values each field accepts on the wire (src/domain/fieldRules.ts). */
const VALUES: Record<(typeof FIELDS)[number], string[]> = {
  headName: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'],
  phone: ['0912345678', '0987654321', '0900000001'],
  address: ['Xóm 2', 'Số 5, ngõ 3', ''],
  status: ['active', 'moved_away'],
};

type Command =
  | {
      kind: 'edit';
      device: number;
      household: number;
      field: (typeof FIELDS)[number];
      value: string;
    }
  | { kind: 'delete'; device: number; household: number }
  | { kind: 'visit'; device: number; household: number }
  | {
      kind: 'sync';
      device: number;
      fault: 'none' | 'lose_push_answer' | 'drop_pull' | 'edit_during_pull';
    }
  | { kind: 'wait'; ms: number };

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const household = fc.integer({ min: 0, max: HOUSEHOLDS - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc
    .record({
      kind: fc.constant('edit' as const),
      device,
      household,
      edit: fc
        .constantFrom(...FIELDS)
        .chain((field) =>
          fc.record({ field: fc.constant(field), value: fc.constantFrom(...VALUES[field]) }),
        ),
    })
    .map(({ edit, ...rest }) => ({ ...rest, ...edit })),
  fc.record({ kind: fc.constant('delete' as const), device, household }),
  fc.record({ kind: fc.constant('visit' as const), device, household }),
  fc.record({
    kind: fc.constant('sync' as const),
    device,
    fault: fc.constantFrom(
      'none' as const,
      'none' as const,
      'lose_push_answer' as const,
      'drop_pull' as const,
      'edit_during_pull' as const,
    ),
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
);

describe.each(DATABASE_KINDS)('sync convergence (property-based) on %s', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let seed: SeededCommune;
  let drop: () => Promise<void>;
  let run = 0;

  beforeAll(async () => {
    const db = await createMigratedTestDatabase(kind);
    drop = db.drop;
    store = await db.open();
    seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [
        { username: 'tnv0', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'tnv1', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'tnv2', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    app = await createApp({ store });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop?.();
  });

  it('every device and the server end identical, with every accepted write and every visit', async () => {
    const village = seed.villages['Thôn Đông'] as string;
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 5, maxLength: 30 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), {
          minLength: DEVICES,
          maxLength: DEVICES,
        }),
        async (commands, skews) => {
          run++;
          let wall = Date.now();
          const accepted: Op[] = [];
          const visits: string[] = [];
          const faults = Array.from({ length: DEVICES }, () => ({
            losePush: false,
            dropPullIn: -1,
            editDuringPull: null as null | (() => Promise<void>),
          }));
          const devices: TestDevice[] = skews.map((skew, d) =>
            createTestDevice(`prop-${kind}-${run}-${d}`, () => wall + (skew ?? 0)),
          );
          const transports = devices.map((_, d) =>
            injectTransport(app, seed.tokens[`tnv${d}`] as string, {
              onPushed: (ops, res) =>
                // An op from a phone whose clock runs ahead is stored under the clock the
                // server answers (clockStamp.ts): that is the one the record must keep.
                res.results.forEach(
                  (r, i) =>
                    r.status === 'applied' &&
                    accepted.push({ ...(ops[i] as Op), clock: r.clock ?? (ops[i] as Op).clock }),
                ),
              loseNextPushAnswer: () => {
                const f = faults[d] as { losePush: boolean };
                const lose = f.losePush;
                f.losePush = false;
                return lose;
              },
              beforePull: async () => {
                const f = faults[d]!;
                const edit = f.editDuringPull;
                f.editDuringPull = null;
                await edit?.();
              },
              failPull: () => {
                const f = faults[d] as { dropPullIn: number };
                if (f.dropPullIn < 0) return false;
                return f.dropPullIn-- === 0;
              },
            }),
          );
          const sync = (d: number) => (devices[d] as TestDevice).sync(transports[d]!, 3);
          try {
            const households = Array.from({ length: HOUSEHOLDS }, () => uuid());
            await devices[0]!.write(
              households.map((id, i) => ({
                entity: 'household',
                id,
                fields: { villageId: village, headName: `Hộ ${i}`, status: 'active' },
              })),
            );
            for (let d = 0; d < DEVICES; d++) await sync(d);

            for (const c of commands) {
              wall += 7;
              if (c.kind === 'wait') wall += c.ms;
              else if (c.kind === 'edit')
                await devices[c.device]!.write([
                  {
                    entity: 'household',
                    id: households[c.household]!,
                    fields: { [c.field]: c.value },
                  },
                ]);
              else if (c.kind === 'delete')
                await devices[c.device]!.write([
                  { entity: 'household', id: households[c.household]!, fields: { deleted: true } },
                ]);
              else if (c.kind === 'visit') {
                const id = uuid();
                visits.push(id);
                await devices[c.device]!.write([
                  {
                    entity: 'visit',
                    id,
                    fields: {
                      householdId: households[c.household]!,
                      at: Date.UTC(2026, 10, 22),
                      tasks: ['cai_vneid'],
                    },
                  },
                ]);
              } else {
                let edit: { clock: string; id: string } | null = null;
                const dev = devices[c.device]!;
                faults[c.device] = {
                  losePush: c.fault === 'lose_push_answer',
                  dropPullIn: c.fault === 'drop_pull' ? 1 : -1,
                  editDuringPull:
                    c.fault === 'edit_during_pull'
                      ? async () => {
                          const id = households[0]!;
                          const fields = { address: 'Sửa khi đang đồng bộ' };
                          edit = {
                            id,
                            clock: await dev.write([{ entity: 'household', id, fields }]),
                          };
                        }
                      : null,
                };
                await sync(c.device);
                faults[c.device] = { losePush: false, dropPullIn: -1, editDuringPull: null };
                if (edit) {
                  // The pull that ran after this edit did not wipe it (its clock is newer).
                  const { id, clock } = edit as { clock: string; id: string };
                  const row = rowToVersioned(await dev.db.households.get(id));
                  expect((row?.clocks.address ?? '') >= clock).toBe(true);
                  // (A deleted household keeps the edit's clock, not its text: tombstone.ts.)
                  if (row?.clocks.address === clock && row.data.deleted !== true)
                    expect(row.data.address).toBe('Sửa khi đang đồng bộ');
                }
              }
            }
            // Everyone comes online: two rounds, so each phone also receives the others' pushes.
            for (let round = 0; round < 2; round++)
              for (let d = 0; d < DEVICES; d++) expect((await sync(d)).ok).toBe(true);

            const server = (await syncApi(app, seed.tokens.canbo as string).pullAll()).records;
            const mine = new Set([
              ...households.map((h) => `household:${h}`),
              ...visits.map((v) => `visit:${v}`),
            ]);
            const expected = new Map(
              [...server]
                .filter(([k]) => mine.has(k))
                .map(([k, r]) => [k, { data: r.data, clocks: r.clocks }]),
            );
            for (const dev of devices) {
              const snap = await dev.snapshot();
              const ours = new Map([...snap].filter(([k]) => mine.has(k)));
              expect(ours).toEqual(expected);
              expect(await dev.db.outbox.count()).toBe(0);
            }
            for (const v of visits) expect(expected.has(`visit:${v}`)).toBe(true);
            for (const op of accepted) {
              const rec = expected.get(`${op.entity}:${op.id}`);
              expect(rec).toBeDefined();
              for (const [field, value] of Object.entries(op.fields)) {
                const clock = rec!.clocks[field]!;
                expect(clock >= op.clock).toBe(true);
                // A deleted household keeps no personal data (domain/tombstone.ts): a write to it
                // is kept as a clock only, whatever its order with the delete.
                const erased = rec!.data.deleted === true && !Object.hasOwn(rec!.data, field);
                if (clock === op.clock && !erased) expect(rec!.data[field]).toEqual(value);
              }
            }
          } finally {
            for (const dev of devices) await dev.close();
          }
        },
      ),
      { numRuns: kind === 'pglite' ? 25 : 15 },
    );
    // 25 runs of up to 30 commands on 3 phones: about 40 s alone, far more on a busy 2-core machine.
  }, 600_000);
});
