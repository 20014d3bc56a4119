import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AHEAD_MS } from '../../src/domain/clockStamp';
import { decodeHlc, encodeHlc, MAX_COUNTER } from '../../src/domain/hlc';
import { metaValue, SYNC_KEYS, type RejectedOp } from '../../src/app/db/syncStore';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { bearer, OTHER_COMMUNE, seedCommune, type SeededCommune } from '../support/accounts';
import { DATABASE_KINDS, openMigratedStore } from '../support/stores';
import { clockAt, op, syncApi, uuid } from '../support/sync';
import { createTestDevice, injectTransport, type TestDevice } from '../support/syncDevice';

const HOUR = 3_600_000;

/**
 * The sync API treats every phone as untrusted: its clock, its op ids, its claims of who did what,
 * and what it may read. Each test states what an attacker (or a phone set wrong) would gain.
 */
describe.each(DATABASE_KINDS)('sync trusts no phone, on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function setup(): Promise<{
    app: FastifyInstance;
    store: Store;
    seed: SeededCommune;
    other: SeededCommune;
  }> {
    const store = await openMigratedStore(kind, cleanups);
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'minh', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'hoa', role: 'volunteer', villages: ['Thôn Tây'] },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    const other = await seedCommune(store, {
      code: OTHER_COMMUNE,
      villages: ['Tổ 1'],
      users: [{ username: 'khac', role: 'volunteer', villages: ['Tổ 1'] }],
    });
    const app = await createApp({ store });
    cleanups.push(() => app.close());
    return { app, store, seed, other };
  }

  function device(name: string, now: () => number): TestDevice {
    const d = createTestDevice(`${kind}-${name}-${uuid()}`, now);
    cleanups.push(() => d.close());
    return d;
  }

  it('a clock 23 h ahead with its counter at the limit breaks neither this commune nor another', async () => {
    const { app, seed, other } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const khac = syncApi(app, other.tokens.khac as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const forged = encodeHlc({ ms: Date.now() + 23 * HOUR, counter: MAX_COUNTER - 1, node: 'x' });
    const h = uuid();
    const res = await lan.push([op('household', h, { villageId: dong, headName: 'A' }, forged)]);
    expect(res.results[0]?.status).toBe('applied');
    // Stored under the server's clock, not the forged one, and the phone is told so.
    const stored = res.results[0]?.clock as string;
    expect(decodeHlc(stored)?.ms).toBeLessThanOrEqual(Date.now() + MAX_AHEAD_MS);
    // Every commune goes on: pushes and pulls of both, many times over.
    for (let i = 0; i < 3; i++) {
      const a = await lan.push([op('household', uuid(), { villageId: dong, headName: `A${i}` })]);
      const b = await khac.push([
        op('household', uuid(), { villageId: other.villages['Tổ 1'] as string, headName: `B${i}` }),
      ]);
      expect([a.results[0]?.status, b.results[0]?.status]).toEqual(['applied', 'applied']);
      expect(decodeHlc(b.serverClock)?.ms).toBeLessThanOrEqual(Date.now() + MAX_AHEAD_MS);
    }
    expect((await lan.pullAll()).records.size).toBe(4);
    expect((await khac.pullAll()).records.size).toBe(3);
  });

  it('an honest edit made after one from a phone 23 h ahead wins on the server and on both phones', async () => {
    const { app, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    let real = Date.now();
    const skewed = device('lan', () => real + 23 * HOUR);
    const honest = device('minh', () => real);
    const lanT = injectTransport(app, seed.tokens.lan as string);
    const minhT = injectTransport(app, seed.tokens.minh as string);
    const h = uuid();
    await honest.write([
      {
        entity: 'household',
        id: h,
        fields: { villageId: dong, headName: 'Ông Tư', address: 'Xóm 1' },
      },
    ]);
    expect((await honest.sync(minhT)).ok).toBe(true);
    expect((await skewed.sync(lanT)).ok).toBe(true);
    // The skewed phone edits (its clock says tomorrow); a minute later the honest phone, which
    // has not seen that edit, edits the same field.
    await skewed.write([{ entity: 'household', id: h, fields: { headName: 'Ông Tư (Lan)' } }]);
    expect((await skewed.sync(lanT)).ok).toBe(true);
    real += 60_000;
    await honest.write([{ entity: 'household', id: h, fields: { headName: 'Ông Tư (sửa)' } }]);
    const out = await honest.sync(minhT);
    expect(out.ok && out.rejected).toEqual([]);
    expect((await skewed.sync(lanT)).ok).toBe(true);
    const [a, b] = [await skewed.snapshot(), await honest.snapshot()];
    expect(a.get(`household:${h}`)?.data.headName).toBe('Ông Tư (sửa)');
    expect(a).toEqual(b);
    const server = await syncApi(app, seed.tokens.canbo as string).pullAll();
    expect(server.records.get(`household:${h}`)?.data).toEqual(a.get(`household:${h}`)?.data);
  });

  it('an edit that a later edit elsewhere wins over is listed for its user, never dropped silently', async () => {
    const { app, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const lan = device('lan', () => Date.now() - 10 * 60_000); // offline edit, made earlier
    const minh = device('minh', () => Date.now());
    const lanT = injectTransport(app, seed.tokens.lan as string);
    const minhT = injectTransport(app, seed.tokens.minh as string);
    const h = uuid();
    await minh.write([
      { entity: 'household', id: h, fields: { villageId: dong, headName: 'Bà Năm' } },
    ]);
    await minh.sync(minhT);
    await lan.sync(lanT);
    await lan.write([{ entity: 'household', id: h, fields: { headName: 'Bà Năm (Lan)' } }]);
    await minh.write([{ entity: 'household', id: h, fields: { headName: 'Bà Năm (Minh)' } }]);
    await minh.sync(minhT);
    const out = await lan.sync(lanT);
    expect(out.ok && out.rejected.map((r) => [r.code, r.fields.headName])).toEqual([
      ['superseded', 'Bà Năm (Lan)'],
    ]);
    const listed = await metaValue<RejectedOp[]>(lan.db, SYNC_KEYS.rejected);
    expect(listed?.map((r) => r.code)).toEqual(['superseded']);
    expect((await lan.snapshot()).get(`household:${h}`)?.data.headName).toBe('Bà Năm (Minh)');
  });

  it('a refused op never carries a record of a village the caller does not serve', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const [h, m] = [uuid(), uuid()];
    await lan.push([
      op('household', h, { villageId: dong, headName: 'Lê Văn Bí Mật', phone: '0987654321' }),
      op('member', m, { householdId: h, name: 'Lê Thị Riêng Tư' }),
    ]);
    const attempts = [
      op('household', h, { headName: 'x' }), // out_of_scope
      // Moved to an unknown household: still out_of_scope, as every write to a record the caller
      // may not read (one answer, whatever the op says: it was missing_village before).
      op('member', m, { householdId: uuid() }),
    ];
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(seed.tokens.hoa as string),
      payload: { ops: attempts },
    });
    const body = res.json() as { results: { code: string; current: unknown }[] };
    expect(body.results.map((r) => [r.code, r.current])).toEqual([
      ['out_of_scope', null],
      ['out_of_scope', null],
    ]);
    for (const secret of ['Bí Mật', '0987654321', 'Riêng Tư', dong])
      expect(res.body).not.toContain(secret);
    // Lan, who serves the village, still gets the server's copy to undo her own refused edit.
    const own = await lan.push([
      op('household', h, { villageId: seed.villages['Thôn Tây'] as string }),
    ]);
    expect(own.results[0]?.code).toBe('out_of_scope');
    expect(own.results[0]?.current?.data.headName).toBe('Lê Văn Bí Mật');
  });

  it('an op id seen before with other content is refused, and the first write stands', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const h = uuid();
    const first = op('household', h, { villageId: dong, headName: 'Đúng' });
    await lan.push([first]);
    const reused = { ...first, fields: { villageId: dong, headName: 'Ghi đè' }, clock: clockAt() };
    const again = await lan.push([reused, first]);
    expect(again.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'op_id_reused'],
      ['duplicate', undefined],
    ]);
    // Within one batch too.
    const other = op('household', uuid(), { villageId: dong, headName: 'Một' });
    const twice = await lan.push([
      other,
      { ...other, fields: { villageId: dong, headName: 'Hai' } },
    ]);
    expect(twice.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'op_id_reused']);
    const { records } = await lan.pullAll();
    expect(records.get(`household:${h}`)?.data.headName).toBe('Đúng');
    expect(records.get(`household:${other.id}`)?.data.headName).toBe('Một');
  });

  it('who did it is the caller: forged visits, confirmations and mentors are refused and nothing is kept', async () => {
    const { app, seed } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const leader = syncApi(app, seed.tokens.totruong as string);
    const dong = seed.villages['Thôn Đông'] as string;
    const [h, m] = [uuid(), uuid()];
    await lan.push([
      op('household', h, { villageId: dong, headName: 'Hộ A', createdBy: seed.users.lan }),
      op('member', m, { householdId: h, villageId: dong, name: 'Người học' }),
    ]);
    const forged = [
      op('visit', uuid(), { householdId: h, volunteerId: seed.users.totruong, at: Date.now() }),
      op('household', uuid(), { villageId: dong, headName: 'Hộ B', createdBy: seed.users.canbo }),
      op('household', h, { gdsConfirmedBy: seed.users.canbo, gdsConfirmedAt: Date.now() }),
      op('mentorship', uuid(), {
        mentorId: seed.users.totruong,
        mentorKind: 'volunteer',
        menteeId: m,
        startDate: '2026-12-01',
        status: 'active',
      }),
    ];
    const res = await lan.push(forged);
    expect(res.results.map((r) => r.code)).toEqual([
      'author_mismatch',
      'author_mismatch',
      'leader_only',
      'author_mismatch',
    ]);
    const after = await syncApi(app, seed.tokens.canbo as string).pullAll();
    expect([...after.records.keys()].sort()).toEqual([`household:${h}`, `member:${m}`].sort());
    expect(after.records.get(`household:${h}`)?.data.gdsConfirmedBy).toBeUndefined();
    // The same facts as the caller's own are kept.
    const own = await lan.push([
      op('visit', uuid(), { householdId: h, volunteerId: seed.users.lan, at: Date.now() }),
      op('mentorship', uuid(), {
        mentorId: seed.users.lan,
        mentorKind: 'volunteer',
        menteeId: m,
        startDate: '2026-12-01',
        status: 'active',
      }),
    ]);
    expect(own.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // An author left out is stamped from the token, never left empty.
    const [v2, h2] = [uuid(), uuid()];
    await lan.push([
      op('visit', v2, { householdId: h, at: Date.now() }),
      op('household', h2, { villageId: dong, headName: 'Hộ C' }),
    ]);
    const stamped = await syncApi(app, seed.tokens.canbo as string).pullAll();
    expect(stamped.records.get(`visit:${v2}`)?.data.volunteerId).toBe(seed.users.lan);
    expect(stamped.records.get(`household:${h2}`)?.data.createdBy).toBe(seed.users.lan);
    // Minh cannot take over Lan's pairing.
    const pairing = [...stamped.records.values()].find((r) => r.entity === 'mentorship');
    const takeover = await syncApi(app, seed.tokens.minh as string).push([
      op('mentorship', pairing?.id as string, { mentorId: seed.users.minh }),
    ]);
    expect(takeover.results[0]?.code).toBe('author_mismatch');
    const confirmed = await leader.push([
      op('household', h, { gdsConfirmedBy: seed.users.totruong, gdsConfirmedAt: Date.now() }),
    ]);
    expect(confirmed.results[0]?.status).toBe('applied');
  });

  it('a household moved to another village leaves the old village’s phones, with its members', async () => {
    const { app, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const tay = seed.villages['Thôn Tây'] as string;
    const lan = device('lan', Date.now);
    const hoa = device('hoa', Date.now);
    const lanT = injectTransport(app, seed.tokens.lan as string);
    const hoaT = injectTransport(app, seed.tokens.hoa as string);
    const [h, m, stays] = [uuid(), uuid(), uuid()];
    await lan.write([
      { entity: 'household', id: h, fields: { villageId: dong, headName: 'Chuyển đi' } },
      { entity: 'member', id: m, fields: { householdId: h, villageId: dong, name: 'Con' } },
      { entity: 'household', id: stays, fields: { villageId: dong, headName: 'Ở lại' } },
    ]);
    await lan.sync(lanT);
    await hoa.sync(hoaT);
    expect((await hoa.snapshot()).size).toBe(0);
    // The officer moves the household to Thôn Tây (from the office, or a leader of both villages).
    await syncApi(app, seed.tokens.canbo as string).push([op('household', h, { villageId: tay })]);
    expect((await lan.sync(lanT)).ok).toBe(true);
    expect([...(await lan.snapshot()).keys()]).toEqual([`household:${stays}`]);
    await hoa.sync(hoaT);
    expect([...(await hoa.snapshot()).keys()].sort()).toEqual(
      [`household:${h}`, `member:${m}`].sort(),
    );
    // And back: Thôn Đông's phone receives it again.
    await syncApi(app, seed.tokens.canbo as string).push([op('household', h, { villageId: dong })]);
    await lan.sync(lanT);
    await hoa.sync(hoaT);
    expect((await lan.snapshot()).get(`member:${m}`)?.data.name).toBe('Con');
    expect((await hoa.snapshot()).size).toBe(0);
  });

  it('a deleted household or member keeps no personal data, on the server or the phone', async () => {
    const { app, store, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const lan = device('lan', Date.now);
    const lanT = injectTransport(app, seed.tokens.lan as string);
    const [h, m] = [uuid(), uuid()];
    await lan.write([
      {
        entity: 'household',
        id: h,
        fields: { villageId: dong, headName: 'Hộ Xóa', phone: '0911222333', address: 'Ngõ 5' },
      },
      {
        entity: 'member',
        id: m,
        fields: { householdId: h, villageId: dong, name: 'Người Xóa', birthYear: 1960 },
      },
    ]);
    await lan.sync(lanT);
    await lan.write([
      { entity: 'member', id: m, fields: { deleted: true } },
      { entity: 'household', id: h, fields: { deleted: true } },
    ]);
    await lan.sync(lanT);
    const rows = await store.query<{ data: unknown }>('SELECT data FROM records');
    const text = JSON.stringify(rows);
    for (const secret of ['Hộ Xóa', '0911222333', 'Ngõ 5', 'Người Xóa', '1960'])
      expect(text).not.toContain(secret);
    const pulled = await syncApi(app, seed.tokens.minh as string).pullAll();
    expect(pulled.records.get(`household:${h}`)?.data).toEqual({ villageId: dong, deleted: true });
    expect(pulled.records.get(`member:${m}`)?.data).toEqual({
      householdId: h,
      villageId: dong,
      deleted: true,
    });
    // Nor does a digest of what its ops said (a phone number could be guessed back from one).
    const digests = await store.query<{ fingerprint: string | null }>(
      'SELECT fingerprint FROM applied_ops WHERE record_id = ANY($1::uuid[])',
      [[h, m]],
    );
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((d) => d.fingerprint === null)).toBe(true);
    const phone = JSON.stringify([...(await lan.snapshot()).values()]);
    for (const secret of ['Hộ Xóa', '0911222333', 'Người Xóa']) expect(phone).not.toContain(secret);
  });

  it('a deleted household takes its people along: members, traders and the notes of its visits', async () => {
    const { app, store, seed } = await setup();
    const dong = seed.villages['Thôn Đông'] as string;
    const lan = device('lan', Date.now);
    const lanT = injectTransport(app, seed.tokens.lan as string);
    const [h, m, t, v] = [uuid(), uuid(), uuid(), uuid()];
    await lan.write([
      { entity: 'household', id: h, fields: { villageId: dong, headName: 'Hộ Đi' } },
      { entity: 'member', id: m, fields: { householdId: h, villageId: dong, name: 'Bà Riêng' } },
      {
        entity: 'trader',
        id: t,
        fields: { memberId: m, householdId: h, villageId: dong, businessName: 'Quán Riêng' },
      },
      {
        entity: 'visit',
        id: v,
        fields: {
          householdId: h,
          villageId: dong,
          volunteerId: seed.users.lan,
          at: Date.now(),
          notes: 'Bà Riêng ốm',
          tasks: [],
        },
      },
    ]);
    await lan.sync(lanT);
    await lan.write([{ entity: 'household', id: h, fields: { deleted: true } }]);
    expect((await lan.sync(lanT)).ok).toBe(true);
    const text = JSON.stringify(await store.query('SELECT data FROM records'));
    for (const secret of ['Hộ Đi', 'Bà Riêng', 'Quán Riêng']) expect(text).not.toContain(secret);
    const pulled = (await syncApi(app, seed.tokens.minh as string).pullAll()).records;
    expect(pulled.get(`member:${m}`)?.data).toEqual({
      householdId: h,
      villageId: dong,
      deleted: true,
    });
    expect(pulled.get(`trader:${t}`)?.data.deleted).toBe(true);
    // The visit stays, as a fact for the figures, without its free text.
    expect(pulled.get(`visit:${v}`)?.data.volunteerId).toBe(seed.users.lan);
    expect(pulled.get(`visit:${v}`)?.data.notes).toBeUndefined();
    // The phone that deleted it holds the same.
    await lan.sync(lanT);
    const phone = JSON.stringify([...(await lan.snapshot()).values()]);
    for (const secret of ['Hộ Đi', 'Bà Riêng', 'Quán Riêng']) expect(phone).not.toContain(secret);
  });

  it('a field nested 10,000 deep is refused as invalid, and the server goes on', async () => {
    const { app, seed } = await setup();
    const depth = 10_000;
    const payload = `{"ops":[{"opId":"${uuid()}","entity":"member","id":"${uuid()}","clock":"${clockAt()}","fields":{"skills":${'['.repeat(depth)}"x"${']'.repeat(depth)}}}]}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...bearer(seed.tokens.lan as string), 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { results: { code: string }[] }).results[0]?.code).toBe('invalid_fields');
    const next = await syncApi(app, seed.tokens.lan as string).push([
      op('household', uuid(), {
        villageId: seed.villages['Thôn Đông'] as string,
        headName: 'Tiếp',
      }),
    ]);
    expect(next.results[0]?.status).toBe('applied');
  });
});
