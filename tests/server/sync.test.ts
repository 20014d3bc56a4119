import { generateHouseholdCode } from '../../src/domain/householdCode';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { MAX_PUSH_OPS } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import type { Store } from '../../src/server/store/store';
import { bearer, seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { clockAt, op, syncApi, uuid } from '../support/sync';

describe.each(DATABASE_KINDS)('sync push and pull on %s', (kind) => {
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
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'minh', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'hoa', role: 'volunteer', villages: ['Thôn Tây'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    const app = await createApp({ store });
    cleanups.push(() => app.close());
    return { app, store, seed };
  }

  it('answers one refusal for another village’s record, whatever the op says', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const hoa = syncApi(app, seed.tokens.hoa as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const h = uuid();
    const v = uuid();
    const visit = { householdId: h, at: Date.now() - 86_400_000, tasks: ['cai_vneid'] };
    const lanOps = [
      op('household', h, { villageId: dong, headName: 'Hộ Lan' }),
      op('visit', v, visit),
    ];
    const lanVisit = lanOps[1] as (typeof lanOps)[number];
    expect((await lan.push(lanOps)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const before = (await lan.pullAll()).records.get(`visit:${v}`);

    // Hòa, of Thôn Tây, knows the visit's id: a right guess of its content, a wrong guess, Lan's
    // own op replayed, and an edit of the household all get the same answer, and reveal nothing.
    const { stored } = await lan.push([lanVisit]).then((r) => ({ stored: r.results[0]?.status }));
    expect(stored).toBe('duplicate');
    const res = await hoa.push([
      op('visit', v, { ...visit, volunteerId: seed.users.lan }),
      op('visit', v, { ...visit, tasks: ['cai_vssid'] }),
      lanVisit,
      op('household', h, { headName: 'Hộ Hòa' }),
    ]);
    expect(res.results.map((r) => [r.status, r.code, r.current])).toEqual(
      Array.from({ length: 4 }, () => ['rejected', 'out_of_scope', null]),
    );
    expect((await lan.pullAll()).records.get(`visit:${v}`)).toEqual(before);
  });

  it('takes a correction only of a visit of the same household', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const hoa = syncApi(app, seed.tokens.hoa as string);
    const [dong, tay] = [seed.villages['Thôn Đông'], seed.villages['Thôn Tây']] as string[];
    const at = Date.now() - 86_400_000;
    const [a, a2, b, va, vb] = [uuid(), uuid(), uuid(), uuid(), uuid()];
    const tasks = ['cai_vneid'];
    await lan.push([
      op('household', a, { villageId: dong, headName: 'Hộ A' }),
      op('household', a2, { villageId: dong, headName: 'Hộ A2' }),
      op('visit', va, { householdId: a, at, tasks }),
    ]);
    await hoa.push([
      op('household', b, { villageId: tay, headName: 'Hộ B' }),
      op('visit', vb, { householdId: b, at, tasks }),
    ]);
    const [elsewhere, otherHousehold, missing, same] = [uuid(), uuid(), uuid(), uuid()];
    // Hòa names Thôn Đông's visit as corrected by a visit of her own household: that would drop
    // it from the commune's reports. Lan names it from another household of her village.
    const refused = [
      await hoa.push([op('visit', elsewhere, { householdId: b, at, tasks, correctsId: va })]),
      await lan.push([op('visit', otherHousehold, { householdId: a2, at, tasks, correctsId: va })]),
      await lan.push([op('visit', missing, { householdId: a, at, tasks, correctsId: uuid() })]),
    ];
    expect(refused.map((r) => [r.results[0]?.status, r.results[0]?.code])).toEqual(
      Array.from({ length: 3 }, () => ['rejected', 'invalid_fields']),
    );
    const fixed = await lan.push([
      op('visit', same, { householdId: a, at, tasks, correctsId: va }),
    ]);
    expect(fixed.results[0]?.status).toBe('applied');

    const officer = syncApi(app, seed.tokens.canbo as string);
    const visits = [...(await officer.pullAll()).records.keys()].filter((k) =>
      k.startsWith('visit:'),
    );
    expect(visits.sort()).toEqual([`visit:${va}`, `visit:${vb}`, `visit:${same}`].sort());
  });

  it('gives a sticker code to one household of the commune, and only a code the app issues', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const hoa = syncApi(app, seed.tokens.hoa as string);
    const [dong, tay] = [seed.villages['Thôn Đông'], seed.villages['Thôn Tây']] as string[];
    const random = (n: number) => Array.from({ length: n }, (_, i) => (i * 7 + 3) % 32);
    const code = generateHouseholdCode(seed.communeCode, random);
    const real = uuid();
    await lan.push([op('household', real, { villageId: dong, headName: 'Hộ thật', code })]);

    // Another volunteer, another village, a household whose id sorts first: it may not wear the
    // real sticker's code; nor a code whose check character is wrong; nor may two households of
    // one batch share a new code.
    const fake = `00000000-0000-7000-8000-${'0'.repeat(12)}`;
    const other = generateHouseholdCode(seed.communeCode, (n) => random(n).reverse());
    const [x, y] = [uuid(), uuid()];
    const refused = await hoa.push([
      op('household', fake, { villageId: tay, headName: 'Hộ giả', code }),
      op('household', uuid(), { villageId: tay, headName: 'Hộ sai mã', code: '00000000' }),
      op('household', x, { villageId: tay, headName: 'Hộ X', code: other }),
      op('household', y, { villageId: tay, headName: 'Hộ Y', code: other }),
    ]);
    expect(refused.results.map((r) => r.code ?? r.status)).toEqual([
      'code_taken',
      'invalid_fields',
      'applied',
      'code_taken',
    ]);
    // Nor by editing a household already stored.
    const edited = await hoa.push([op('household', x, { code })]);
    expect(edited.results[0]?.code).toBe('code_taken');

    // The sticker still opens the real household on every phone: one household wears the code.
    const officer = syncApi(app, seed.tokens.canbo as string);
    const households = [...(await officer.pullAll()).records.values()].filter(
      (r) => r.entity === 'household' && r.data.code === code,
    );
    expect(households.map((h) => h.id)).toEqual([real]);

    // Once the real household is deleted, its code is free again.
    await lan.push([op('household', real, { deleted: true })]);
    const reused = await hoa.push([op('household', x, { code })]);
    expect(reused.results[0]?.status).toBe('applied');
  });

  it('records who sent each applied op, from the token, whatever node its clock names', async () => {
    const { app, store, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const h = uuid();
    const made = op('household', h, { villageId: seed.villages['Thôn Đông'], headName: 'Hộ A' });
    // The deletion claims, by its clock's node, to come from another phone.
    const wiped = op('household', h, { deleted: true }, clockAt(Date.now(), 'canbo0xa'));
    await lan.push([made]);
    await lan.push([wiped]);
    const rows = await store.query<Record<string, unknown>>(
      `SELECT op_id::text AS op, entity, record_id::text AS record, user_id::text AS user,
              device_id::text AS device
         FROM applied_ops WHERE commune_code = $1 ORDER BY applied_at, op_id`,
      [seed.communeCode],
    );
    const by = { user: seed.users.lan, device: seed.devices.lan, entity: 'household', record: h };
    expect(rows).toEqual([
      { op: made.opId, ...by },
      { op: wiped.opId, ...by },
    ]);
  });

  it('delivers a pushed household to another device of the village, and a re-sent batch changes nothing', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const minh = syncApi(app, seed.tokens.minh as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const h = uuid();
    const batch = [op('household', h, { villageId: dong, headName: 'Nguyễn Văn An' })];
    const first = await lan.push(batch);
    expect(first.results).toEqual([{ opId: batch[0]?.opId, status: 'applied' }]);

    const pulled = await minh.pullAll();
    // Who registered it is stamped from the token (domain/authorship.ts).
    expect(pulled.records.get(`household:${h}`)?.data).toEqual({
      villageId: dong,
      headName: 'Nguyễn Văn An',
      createdBy: seed.users.lan,
    });

    const again = await lan.push(batch);
    expect(again.results[0]?.status).toBe('duplicate');
    // Nothing new after the cursor: the re-sent op did not move the record in the change stream.
    const after = await minh.pull(pulled.cursor);
    expect(after.records).toEqual([]);
  });

  it('sends clocks compactly (one per record, plus the fields edited later) and the app reads them back in full', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const [h, v] = [uuid(), uuid()];
    const [c1, c2] = [clockAt(Date.now() - 1000), clockAt(Date.now() - 500)];
    await lan.push([
      op('household', h, { villageId: dong, headName: 'An', phone: '0912345678' }, c1),
      op('visit', v, { householdId: h, at: Date.UTC(2026, 10, 20) }, c1),
    ]);
    await lan.push([op('household', h, { phone: '0987654321' }, c2)]);
    const raw = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: bearer(seed.tokens.lan as string),
    });
    const sent = (raw.json() as { records: Record<string, unknown>[] }).records;
    const house = sent.find((r) => r.id === h);
    expect(house && Object.keys(house).sort()).toEqual(
      ['clock', 'clocks', 'data', 'entity', 'id', 'villageId'].sort(),
    );
    expect([house?.clock, house?.clocks]).toEqual([c1, { phone: c2 }]);
    const { records } = await lan.pullAll();
    expect(records.get(`household:${h}`)?.clocks).toEqual({
      villageId: c1,
      headName: c1,
      createdBy: c1,
      phone: c2,
    });

    // A refused op's `current` travels the same way.
    const refused = op('visit', v, { householdId: h, at: Date.UTC(2026, 10, 21) });
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(seed.tokens.lan as string),
      payload: { ops: [refused] },
    });
    const current = (pushed.json() as { results: { current: unknown }[] }).results[0]?.current;
    expect(current).toEqual({
      data: { householdId: h, at: Date.UTC(2026, 10, 20), volunteerId: seed.users.lan },
      clock: c1,
    });
    const parsed = await lan.push([refused]);
    expect(parsed.results[0]?.current?.clocks).toEqual({
      householdId: c1,
      at: c1,
      volunteerId: c1,
    });
  });

  it('answers every refused op with its code and still applies the rest of the batch', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const tay = seed.villages['Thôn Tây'] as string;
    const h = uuid();
    const v = uuid();
    await lan.push([
      op('household', h, { villageId: dong, headName: 'Trần Thị Bình' }),
      op('visit', v, { householdId: h, at: Date.UTC(2026, 10, 20), tasks: ['cai_vneid'] }),
    ]);
    const ops = [
      op('hamlet', uuid(), { name: 'x' }),
      op('household', 'not-a-uuid', { villageId: dong }),
      op('household', uuid(), { villageId: tay, headName: 'Ngoài thôn' }),
      op('skill', uuid(), { title: 'Cài VNeID' }),
      op('visit', v, { householdId: h, at: Date.UTC(2026, 10, 21), tasks: ['cai_vneid'] }),
      op('visit', v, { householdId: h, at: Date.UTC(2026, 10, 20), tasks: ['cai_vneid'] }),
      op('household', uuid(), { villageId: dong }, 'not-a-clock'),
      op('member', uuid(), { householdId: uuid(), name: 'Mồ côi' }),
      op('household', h, { phone: '0912345678' }),
    ];
    const res = await lan.push(ops);
    expect(res.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'unknown_entity'],
      ['rejected', 'invalid_id'],
      ['rejected', 'out_of_scope'],
      ['rejected', 'officer_only'],
      ['rejected', 'append_only'],
      ['duplicate', undefined],
      ['rejected', 'bad_clock'],
      ['rejected', 'missing_village'],
      ['applied', undefined],
    ]);
    // A refused edit carries the server's copy, so the device can undo its local change.
    expect(res.results[4]?.current?.data.at).toBe(Date.UTC(2026, 10, 20));
    const { records } = await syncApi(app, seed.tokens.canbo as string).pullAll();
    expect(records.get(`household:${h}`)?.data.phone).toBe('0912345678');
    expect([...records.keys()].filter((k) => k.startsWith('household:'))).toHaveLength(1);
  });

  it('keeps the later write per field whatever order the pushes arrive in', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const minh = syncApi(app, seed.tokens.minh as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const h = uuid();
    const t = Date.now() - 60_000;
    await lan.push([
      op('household', h, { villageId: dong, headName: 'A', phone: '0911111111' }, clockAt(t, 'a')),
    ]);
    // Minh's later edit of the phone arrives first; Lan's earlier edit of the phone arrives after.
    await minh.push([op('household', h, { phone: '0987654321' }, clockAt(t + 2000, 'b'))]);
    const late = await lan.push([
      op('household', h, { phone: '0900000000', address: 'Xóm 3' }, clockAt(t + 1000, 'a')),
    ]);
    expect(late.results[0]?.status).toBe('applied'); // the address is new
    const { records } = await minh.pullAll();
    expect(records.get(`household:${h}`)?.data).toMatchObject({
      headName: 'A',
      phone: '0987654321',
      address: 'Xóm 3',
    });
  });

  it('scopes pulls to the villages a volunteer serves, and follows scope changes', async () => {
    const { app, store, seed } = await setup();
    const canbo = syncApi(app, seed.tokens.canbo as string);
    const hoa = syncApi(app, seed.tokens.hoa as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const tay = seed.villages['Thôn Tây'] as string;
    const hd = uuid();
    const ht = uuid();
    const m = uuid();
    const skill = uuid();
    await canbo.push([
      op('household', hd, { villageId: dong, headName: 'Đông' }),
      op('member', m, { householdId: hd, name: 'Con nhà Đông' }),
      op('household', ht, { villageId: tay, headName: 'Tây' }),
      op('skill', skill, { title: 'Cài VNeID' }),
    ]);
    const first = await hoa.pullAll();
    expect([...first.records.keys()].sort()).toEqual([`household:${ht}`, `skill:${skill}`].sort());
    expect(first.scope).toEqual([tay]);

    // Hoa is given Thôn Đông too: its rows arrive although their seqs are below her cursor.
    await store.query('INSERT INTO user_villages VALUES ($1, $2, $3)', [
      seed.communeCode,
      seed.users.hoa,
      dong,
    ]);
    const grown = await hoa.pullAll(first.cursor);
    expect([...grown.records.keys()].sort()).toEqual([`household:${hd}`, `member:${m}`].sort());
    expect(grown.scope.sort()).toEqual([dong, tay].sort());

    // The Đông household moves to Tây: its member follows it into Tây.
    await canbo.push([op('household', hd, { villageId: tay })]);
    await store.query('DELETE FROM user_villages WHERE user_id = $1 AND village_id = $2', [
      seed.users.hoa,
      dong,
    ]);
    const moved = await hoa.pullAll(grown.cursor);
    expect(moved.scope).toEqual([tay]);
    expect(moved.records.get(`member:${m}`)?.villageId).toBe(tay);
    expect(moved.records.get(`household:${hd}`)?.villageId).toBe(tay);
  });

  it('gives every change its own position in the commune, and the database refuses a second record on one', async () => {
    const { app, store, seed } = await setup();
    const canbo = syncApi(app, seed.tokens.canbo as string);
    const dong = seed.villages['Thôn Đông'] as string;
    await canbo.push([
      op('household', uuid(), { villageId: dong, headName: 'Một' }),
      op('household', uuid(), { villageId: dong, headName: 'Hai' }),
      op('skill', uuid(), { title: 'Cài VNeID' }),
    ]);
    const rows = await store.query<{ seq: number }>(
      'SELECT seq::int AS seq FROM records WHERE commune_code = $1',
      [seed.communeCode],
    );
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
    // Pull pages read their rows by seq (sync/pull.ts): a shared seq must be impossible.
    await expect(
      store.query(
        `INSERT INTO records (commune_code, entity, id, village_id, data, clocks, seq)
         VALUES ($1, 'household', $2, $3, '{}', '{}', $4)`,
        [seed.communeCode, uuid(), dong, rows[0]?.seq],
      ),
    ).rejects.toThrow(/records_commune_seq/);
  });

  it('refuses a request without a device token and an app too old to understand the server', async () => {
    const { app, seed } = await setup();
    const anon = await app.inject({ method: 'GET', url: '/api/sync/pull' });
    expect(anon.json().error.code).toBe('unauthenticated');
    // The app before compact clocks (protocol 1) cannot read today's pull pages.
    for (const version of ['0', String(PROTOCOL_VERSION - 1)]) {
      const old = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...bearer(seed.tokens.lan as string), 'x-protocol-version': version },
        payload: { ops: [] },
      });
      expect(old.statusCode).toBe(426);
      expect(old.json().error.code).toBe('protocol_outdated');
    }
    const tooMany = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(seed.tokens.lan as string),
      payload: {
        ops: Array.from({ length: MAX_PUSH_OPS + 1 }, () => op('skill', uuid(), { title: 'x' })),
      },
    });
    expect(tooMany.json().error.code).toBe('validation_failed');
  });
});
