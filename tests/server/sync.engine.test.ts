import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { metaValue, SYNC_KEYS, type RejectedOp } from '../../src/app/db/syncStore';
import { countMembers, membersById, visitsById } from '../../src/app/db/recordTables';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { op, syncApi, uuid } from '../support/sync';
import { createTestDevice, injectTransport, type TestDevice } from '../support/syncDevice';

describe.each(DATABASE_KINDS)('the device sync engine against the server on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function setup(): Promise<{ app: FastifyInstance; store: Store; seed: SeededCommune }> {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông', 'Thôn Tây'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    const app = await createApp({ store });
    cleanups.push(() => app.close());
    return { app, store, seed };
  }
  /** The server holding 25 households of Thôn Đông ("Hộ 0" … "Hộ 24"), pushed by the officer. */
  async function withHouseholds() {
    const { app, store, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const officer = syncApi(app, seed.tokens.canbo as string);
    const ids = Array.from({ length: 25 }, () => uuid());
    await officer.push(
      ids.map((id, i) => op('household', id, { villageId: dong, headName: `Hộ ${i}` })),
    );
    return { app, store, seed, dong, officer, ids };
  }
  const device = (name: string): TestDevice => {
    const d = createTestDevice(`${kind}-${name}-${uuid()}`, Date.now);
    cleanups.push(() => d.close());
    return d;
  };

  it('resumes a pull cut by the network from the stored cursor, without starting over', async () => {
    const { app, seed } = await withHouseholds();
    const phone = device('resume');
    let calls = 0;
    let served = 0;
    const base = injectTransport(app, seed.tokens.lan as string, {
      failPull: () => ++calls === 3, // the network drops on the third page
    });
    const counting = {
      ...base,
      pull: async (...args: Parameters<typeof base.pull>) => {
        const res = await base.pull(...args);
        if (res.ok) served += res.value.records.length;
        return res;
      },
    };
    const cut = await phone.sync(counting, 10);
    expect(cut).toEqual({ ok: false, failure: 'offline' });
    expect(await phone.db.households.count()).toBe(20);
    const resumed = await phone.sync(counting, 10);
    expect(resumed.ok && resumed.pulled).toBe(5);
    expect(served).toBe(25); // no page was downloaded twice
    expect(await phone.db.households.count()).toBe(25);
    expect(await metaValue(phone.db, SYNC_KEYS.lastSyncAt)).toBeTypeOf('number');
  });

  it('a page the device fails to store is never skipped by the page queued behind it', async () => {
    const { app, seed, ids } = await withHouseholds();
    const phone = device('queued');
    // IndexedDB refuses the second page's households (as a full disk would), while the third
    // page's transaction is already open behind it.
    let adds = 0;
    phone.db.use({
      stack: 'dbcore',
      name: 'refuse-second-page',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'households') return table;
          return {
            ...table,
            mutate: (req) =>
              req.type === 'add' && ++adds === 2
                ? Promise.reject(new Error('the disk refused the write'))
                : table.mutate(req),
          };
        },
      }),
    });
    const transport = injectTransport(app, seed.tokens.lan as string);
    await expect(phone.sync(transport, 10)).rejects.toThrow('the disk refused the write');
    expect(adds).toBe(3); // the third page was written too, then not kept
    expect(await phone.db.households.count()).toBe(10);
    const resumed = await phone.sync(transport, 10);
    expect(resumed.ok && resumed.pulled).toBe(15);
    expect((await phone.db.households.toArray()).map((h) => h.id).sort()).toEqual([...ids].sort());
  });

  it('a first sync still merges rows edited on the device or changed on the server while it runs', async () => {
    const { app, seed, officer, ids } = await withHouseholds();
    const phone = device('fresh-merge');
    const [first, later] = [ids[0] as string, ids[22] as string];
    let pulls = 0;
    const transport = injectTransport(app, seed.tokens.lan as string, {
      // Before the third page: page 1 is on the device, pages 3 and after are not.
      beforePull: async () => {
        if (++pulls !== 3) return;
        await phone.write([{ entity: 'household', id: later, fields: { phone: '0912345678' } }]);
        await officer.push([op('household', first, { headName: 'Hộ đổi tên' })]);
      },
    });
    const outcome = await phone.sync(transport, 10);
    expect(outcome.ok).toBe(true);
    expect(await phone.db.households.count()).toBe(25);
    // Served twice in one run (changed after its first page): the newer copy wins.
    expect((await phone.db.households.get(first))?.headName).toBe('Hộ đổi tên');
    // Edited on the device before its page arrived: the server's fields join the local edit.
    const edited = await phone.db.households.get(later);
    expect([edited?.headName, edited?.phone]).toEqual(['Hộ 22', '0912345678']);
    expect(await phone.db.outbox.count()).toBe(1);
  });

  // Pages of 10: households 0–9, 10–19, 20–24 with members 0–4, members 5–14, 15–24. Every record
  // of page 3 (or 5) is new to the run, but one has a row on the device by the time it comes: the
  // page cannot be added without reading, and is merged instead.
  it.each([
    ['a household', 3],
    ['a member', 5],
  ])('a first sync merges %s edited on the device before its page came', async (_, page) => {
    const { app, seed, dong, officer, ids } = await withHouseholds();
    const members = ids.map(() => uuid());
    await officer.push(
      members.map((id, i) =>
        op('member', id, { householdId: ids[i], villageId: dong, name: `Người ${i}` }),
      ),
    );
    const phone = device('fresh-edit');
    const [household, member] = [ids[22] as string, members[20] as string];
    let pulls = 0;
    const transport = injectTransport(app, seed.tokens.lan as string, {
      beforePull: async () => {
        if (++pulls !== page) return;
        await phone.write([
          page === 3
            ? { entity: 'household', id: household, fields: { phone: '0912345678' } }
            : { entity: 'member', id: member, fields: { birthYear: 1990 } },
        ]);
      },
    });
    const outcome = await phone.sync(transport, 10);
    expect(outcome.ok && outcome.pulled).toBe(50);
    expect(await phone.db.households.count()).toBe(25);
    expect(await countMembers(phone.db)).toBe(25);
    const h = await phone.db.households.get(household);
    expect([h?.headName, h?.phone]).toEqual(['Hộ 22', page === 3 ? '0912345678' : undefined]);
    const [m] = await membersById(phone.db, [member]);
    expect([m?.name, m?.birthYear, m?.householdId]).toEqual([
      'Người 20',
      page === 5 ? 1990 : undefined,
      ids[20],
    ]);
    expect(await phone.db.outbox.count()).toBe(1);
  });

  it('undoes a refused change on the device and lists it with its reason', async () => {
    const { app, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const phone = device('reject');
    const transport = injectTransport(app, seed.tokens.lan as string);
    const h = uuid();
    const v = uuid();
    await phone.write([
      { entity: 'household', id: h, fields: { villageId: dong, headName: 'Lê Văn Cường' } },
      { entity: 'visit', id: v, fields: { householdId: h, at: Date.UTC(2026, 10, 20) } },
    ]);
    expect((await phone.sync(transport)).ok).toBe(true);
    await phone.write([{ entity: 'visit', id: v, fields: { at: Date.UTC(2026, 10, 21) } }]);
    await phone.write([{ entity: 'skill', id: uuid(), fields: { title: 'Cài VNeID' } }]);
    expect(await phone.db.skills.count()).toBe(1);

    const out = await phone.sync(transport);
    expect(out.ok && out.rejected.map((r) => r.code)).toEqual(['append_only', 'officer_only']);
    expect((await visitsById(phone.db, [v]))[0]?.at).toBe(Date.UTC(2026, 10, 20));
    expect(await phone.db.skills.count()).toBe(0);
    expect(await phone.db.outbox.count()).toBe(0);
    const listed = await metaValue<RejectedOp[]>(phone.db, SYNC_KEYS.rejected);
    expect(listed?.map((r) => r.entity).sort()).toEqual(['skill', 'visit']);
  });

  it('drops the rows of a village leaving the scope, after pushing its pending edits', async () => {
    const { app, store, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const tay = seed.villages['Thôn Tây'] as string;
    const phone = device('scope');
    const transport = injectTransport(app, seed.tokens.lan as string);
    const hd = uuid();
    const ht = uuid();
    await phone.write([
      { entity: 'household', id: hd, fields: { villageId: dong, headName: 'Đông' } },
      { entity: 'household', id: ht, fields: { villageId: tay, headName: 'Tây' } },
    ]);
    await phone.sync(transport);
    await phone.write([{ entity: 'household', id: ht, fields: { phone: '0912000111' } }]);
    await store.query('DELETE FROM user_villages WHERE user_id = $1 AND village_id = $2', [
      seed.users.lan,
      tay,
    ]);
    // Lan lost Thôn Tây while her edit was unsent: the edit is refused (no longer hers) and
    // listed, and the village's rows leave the phone.
    const out = await phone.sync(transport);
    expect(out.ok && out.rejected.map((r) => r.code)).toEqual(['out_of_scope']);
    expect(await phone.db.households.get(ht)).toBeUndefined();
    expect(await phone.db.households.get(hd)).toBeDefined();
  });

  it('tells the user to update when the server no longer serves this app version', async () => {
    const { app, seed } = await setup();
    const phone = device('old');
    const transport = injectTransport(app, seed.tokens.lan as string);
    const old = {
      ...transport,
      pull: async () =>
        ({
          ok: false,
          error: { kind: 'api', status: 426, code: 'protocol_outdated' },
        }) as const,
    };
    expect(await phone.sync(old)).toEqual({ ok: false, failure: 'outdated' });
  });
});
