import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { deletionListSchema, type Deletion } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { bearer, seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { op, syncApi, uuid } from '../support/sync';

const DAY = 86_400_000;
const HEAD = 'Lò Văn Páo';
const MEMBERS = ['Lò Thị Dợ', 'Lò Văn Sinh'];
const NOTE = 'Bà Dợ nhờ cài VNeID cho con gái ở Hà Nội';

describe.each(DATABASE_KINDS)('who deleted what, and undoing it, on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function setup(clock = { offset: 0 }) {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Lò Thị Lan' },
        { username: 'minh', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'truong', role: 'leader', villages: ['Thôn Đông'], displayName: 'Trưởng Đông' },
        { username: 'tay', role: 'leader', villages: ['Thôn Tây'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    const app = await createApp({ store, now: () => Date.now() + clock.offset });
    cleanups.push(() => app.close());
    return { app, store, seed, dong: seed.villages['Thôn Đông'] as string };
  }

  /** A household of Thôn Đông with two members and a visit with a note, pushed by Lan. */
  async function household(
    app: FastifyInstance,
    seed: SeededCommune,
    dong: string,
    names: string[] = MEMBERS,
  ) {
    const h = uuid();
    const members = names.map(() => uuid());
    const ops = [
      op('household', h, { villageId: dong, headName: HEAD, phone: '0912345678' }),
      ...members.map((m, i) => op('member', m, { householdId: h, name: names[i] })),
      op('visit', uuid(), {
        householdId: h,
        at: Date.now() - DAY,
        tasks: ['cai_vneid'],
        notes: NOTE,
      }),
    ];
    const res = await syncApi(app, seed.tokens.lan as string).push(ops);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    return { h, members };
  }

  async function list(app: FastifyInstance, token: string) {
    const res = await app.inject({ url: '/api/deletions', headers: bearer(token) });
    return { status: res.statusCode, deletions: res.statusCode === 200 ? parse(res.json()) : [] };
  }
  const parse = (body: unknown): Deletion[] => deletionListSchema.parse(body).deletions;
  const act = (app: FastifyInstance, token: string, id: string, action: string) =>
    app.inject({ method: 'POST', url: `/api/deletions/${id}/${action}`, headers: bearer(token) });

  /** Every byte the server keeps of the commune's deletions, as text. */
  const keptText = async (store: Store) =>
    JSON.stringify(await store.query('SELECT label, records FROM deleted_records'));

  it('a leader sees who deleted a household and restores it, members, note and all', async () => {
    const { app, store, seed, dong } = await setup();
    const { h, members } = await household(app, seed, dong);
    const lan = syncApi(app, seed.tokens.lan as string);
    await lan.push([op('household', h, { deleted: true })]);

    // Gone from every phone: a fresh pull of the village says nothing of them.
    const minh = syncApi(app, seed.tokens.minh as string);
    const afterDelete = JSON.stringify([...(await minh.pullAll()).records.values()]);
    for (const text of [HEAD, ...MEMBERS, NOTE]) expect(afterDelete).not.toContain(text);

    // The village's leader sees it: what, whose, from which phone; others do not.
    const { deletions } = await list(app, seed.tokens.truong as string);
    expect(deletions).toHaveLength(1);
    const [d] = deletions as [Deletion];
    expect(d).toMatchObject({
      status: 'deleted',
      entity: 'household',
      recordId: h,
      label: HEAD,
      memberCount: 2,
      by: { userId: seed.users.lan, displayName: 'Lò Thị Lan', deviceName: 'Máy của lan' },
    });
    expect((await list(app, seed.tokens.canbo as string)).deletions).toHaveLength(1);
    expect((await list(app, seed.tokens.tay as string)).deletions).toEqual([]);
    expect((await list(app, seed.tokens.lan as string)).status).toBe(403);

    // Another village's leader cannot restore it, nor learn that it exists.
    const foreign = await act(app, seed.tokens.tay as string, d.id, 'restore');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await act(app, seed.tokens.lan as string, d.id, 'restore')).statusCode).toBe(403);

    const restored = await act(app, seed.tokens.truong as string, d.id, 'restore');
    expect(restored.statusCode).toBe(200);
    // Every phone of the village gets it back on its next pull, from where it had got to.
    const back = (await minh.pullAll()).records;
    expect(back.get(`household:${h}`)?.data).toMatchObject({ headName: HEAD, deleted: false });
    expect(members.map((m) => back.get(`member:${m}`)?.data.name)).toEqual(MEMBERS);
    const visit = [...back.values()].find((r) => r.entity === 'visit');
    expect(visit?.data.notes).toBe(NOTE);

    // Once restored, the server keeps no second copy, and it cannot be restored twice.
    expect((await list(app, seed.tokens.truong as string)).deletions[0]).toMatchObject({
      status: 'restored',
      settledBy: 'Trưởng Đông',
    });
    expect(await keptText(store)).not.toContain(NOTE);
    const again = await act(app, seed.tokens.truong as string, d.id, 'restore');
    expect(again.json().error.code).toBe('conflict');
  });

  it('a volunteer’s sixth household delete in a day waits for the leader', async () => {
    const { app, seed, dong } = await setup();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await household(app, seed, dong)).h);
    const lan = syncApi(app, seed.tokens.lan as string);
    const res = await lan.push(ids.map((h) => op('household', h, { deleted: true })));
    expect(res.results.map((r) => r.code ?? r.status)).toEqual([
      ...Array(5).fill('applied'),
      'deletion_held',
      'deletion_held',
    ]);
    // A held delete comes back with the server's copy, so the phone shows the household again.
    expect(res.results[5]?.current?.data.headName).toBe(HEAD);
    const live = (await syncApi(app, seed.tokens.minh as string).pullAll()).records;
    expect(ids.map((h) => live.get(`household:${h}`)?.data.deleted ?? false)).toEqual([
      ...Array(5).fill(true),
      false,
      false,
    ]);

    const truong = seed.tokens.truong as string;
    const held = (await list(app, truong)).deletions.filter((d) => d.status === 'pending');
    expect(held.map((d) => d.recordId).sort()).toEqual(ids.slice(5).sort());
    const [confirmMe, dismissMe] = held as [Deletion, Deletion];
    expect((await act(app, truong, confirmMe.id, 'confirm')).statusCode).toBe(200);
    expect((await act(app, truong, dismissMe.id, 'dismiss')).statusCode).toBe(200);

    const after = (await syncApi(app, seed.tokens.minh as string).pullAll()).records;
    expect(after.get(`household:${confirmMe.recordId}`)?.data.deleted).toBe(true);
    expect(after.get(`household:${dismissMe.recordId}`)?.data.headName).toBe(HEAD);
    const now = (await list(app, truong)).deletions;
    expect(now.find((d) => d.id === confirmMe.id)?.status).toBe('confirmed');
    expect(now.find((d) => d.id === dismissMe.id)?.status).toBe('dismissed');
    // The confirmed delete is the leader's own, and can be undone like any other.
    expect(
      now.find((d) => d.recordId === confirmMe.recordId && d.status === 'deleted')?.by.userId,
    ).toBe(seed.users.truong);

    // A leader's own deletes are never held.
    const more = [];
    for (let i = 0; i < 6; i++) more.push((await household(app, seed, dong)).h);
    const byLeader = await syncApi(app, truong).push(
      more.map((h) => op('household', h, { deleted: true })),
    );
    expect(byLeader.results.every((r) => r.status === 'applied')).toBe(true);
  });

  it('what a delete erased is gone after 30 days, or at once when the officer erases it', async () => {
    const clock = { offset: 0 };
    const { app, store, seed, dong } = await setup(clock);
    const lan = syncApi(app, seed.tokens.lan as string);
    const first = await household(app, seed, dong);
    await lan.push([op('household', first.h, { deleted: true })]);
    const [d] = (await list(app, seed.tokens.canbo as string)).deletions as [Deletion];
    expect(await keptText(store)).toContain(NOTE);

    // A leader may restore, not erase; the officer erases, and nothing of it stays.
    expect((await act(app, seed.tokens.truong as string, d.id, 'erase')).statusCode).toBe(403);
    expect((await act(app, seed.tokens.canbo as string, d.id, 'erase')).statusCode).toBe(200);
    expect(await keptText(store)).not.toContain(HEAD);
    // The list still says who deleted what, and when, without the name.
    expect((await list(app, seed.tokens.canbo as string)).deletions).toEqual([
      expect.objectContaining({
        status: 'erased',
        label: null,
        by: expect.objectContaining({ userId: seed.users.lan }),
      }),
    ]);

    const second = await household(app, seed, dong);
    await lan.push([op('household', second.h, { deleted: true })]);
    expect(await keptText(store)).toContain(HEAD);
    // 31 days on, the list no longer offers it, and a server (re)started then purges it.
    clock.offset = 31 * DAY;
    expect((await list(app, seed.tokens.truong as string)).deletions).toEqual([]);
    const later = await createApp({ store, now: () => Date.now() + clock.offset });
    cleanups.push(() => later.close());
    await later.ready();
    expect(await keptText(store)).not.toContain(HEAD);
  });

  it('no one buries the leader’s list: a day’s held requests are few, and each sender apart', async () => {
    const { app, seed, dong } = await setup();
    // Minh's one real delete, then Lan's flood of member deletes.
    const real = await household(app, seed, dong);
    await syncApi(app, seed.tokens.minh as string).push([
      op('household', real.h, { deleted: true }),
    ]);
    const many = Array.from({ length: 60 }, (_, i) => `Người thứ ${i}`);
    const { members } = await household(app, seed, dong, many);
    const res = await syncApi(app, seed.tokens.lan as string).push(
      members.map((m) => op('member', m, { deleted: true })),
    );
    const codes = res.results.map((r) => r.code ?? r.status);
    expect(codes.filter((c) => c === 'applied')).toHaveLength(20);
    expect(codes.filter((c) => c === 'deletion_held')).toHaveLength(40);

    const truong = seed.tokens.truong as string;
    const { deletions } = await list(app, truong);
    expect(deletions.filter((d) => d.status === 'pending')).toHaveLength(20);
    expect(deletions.find((d) => d.recordId === real.h)?.status).toBe('deleted');
    const res2 = await app.inject({
      url: `/api/deletions?by=${seed.users.minh}`,
      headers: bearer(truong),
    });
    expect(parse(res2.json()).map((d) => d.recordId)).toEqual([real.h]);
  });

  it('a household’s members count towards the day’s member deletes', async () => {
    const { app, seed, dong } = await setup();
    const big = await household(
      app,
      seed,
      dong,
      Array.from({ length: 15 }, (_, i) => `A ${i}`),
    );
    const next = await household(
      app,
      seed,
      dong,
      Array.from({ length: 10 }, (_, i) => `B ${i}`),
    );
    const lan = syncApi(app, seed.tokens.lan as string);
    const first = await lan.push([op('household', big.h, { deleted: true })]);
    expect(first.results[0]?.status).toBe('applied');
    // 15 members gone with the first; 10 more would pass the day's 20.
    const second = await lan.push([op('household', next.h, { deleted: true })]);
    expect(second.results[0]?.code).toBe('deletion_held');
  });

  it('a restore brings back only what the delete erased, where the record is now', async () => {
    const { app, seed, dong } = await setup();
    const tay = seed.villages['Thôn Tây'] as string;
    const lan = syncApi(app, seed.tokens.lan as string);
    const officer = syncApi(app, seed.tokens.canbo as string);
    const truong = seed.tokens.truong as string;

    // A push cannot bring a deleted household back as a nameless shell: only the restore can.
    const a = await household(app, seed, dong);
    await lan.push([op('household', a.h, { deleted: true })]);
    const undelete = await lan.push([op('household', a.h, { deleted: false, headName: 'Mới' })]);
    expect(undelete.results[0]?.code).toBe('deleted_record');
    const [da] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, da.id, 'restore')).statusCode).toBe(200);
    const afterA = (await lan.pullAll()).records.get(`household:${a.h}`);
    expect(afterA?.data.headName).toBe(HEAD);

    // A deleted household stays where it was deleted: not even the officer moves it away from the
    // leader who may restore it.
    const b = await household(app, seed, dong);
    await lan.push([op('household', b.h, { deleted: true })]);
    const move = await officer.push([op('household', b.h, { villageId: tay })]);
    expect(move.results[0]?.code).toBe('deleted_record');
    const db = (await list(app, truong)).deletions.find((d) => d.recordId === b.h) as Deletion;
    expect(db.villageId).toBe(dong);
    expect((await act(app, truong, db.id, 'restore')).statusCode).toBe(200);
    const inDong = (await lan.pullAll()).records;
    expect(inDong.get(`household:${b.h}`)).toMatchObject({
      villageId: dong,
      data: { villageId: dong, headName: HEAD },
    });
    const inTay = (await syncApi(app, seed.tokens.tay as string).pullAll()).records;
    expect(inTay.has(`household:${b.h}`)).toBe(false);
  });

  it('an erase takes the name from every row, and the delete still counts', async () => {
    const { app, store, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await household(app, seed, dong)).h);
    await lan.push(ids.map((h) => op('household', h, { deleted: true })));
    const truong = seed.tokens.truong as string;
    const canbo = seed.tokens.canbo as string;
    const pending = (await list(app, truong)).deletions.find((d) => d.status === 'pending');
    expect((await act(app, truong, pending?.id ?? '', 'confirm')).statusCode).toBe(200);
    // Every deletion of the six erased, the confirmed one's too.
    for (const d of (await list(app, canbo)).deletions.filter((x) => x.status === 'deleted'))
      expect((await act(app, canbo, d.id, 'erase')).statusCode).toBe(200);
    expect(await keptText(store)).not.toContain(HEAD);
    const erased = (await list(app, canbo)).deletions;
    expect(erased.filter((d) => d.status === 'erased')).toHaveLength(6);
    expect(erased.every((d) => d.label === null)).toBe(true);

    // Lan's five erased deletes still fill her day: a new one waits.
    const more = await household(app, seed, dong);
    const res = await lan.push([op('household', more.h, { deleted: true })]);
    expect(res.results[0]?.code).toBe('deletion_held');
  });

  it('an edit that wipes names and phones is seen, and undone where it still stands', async () => {
    const { app, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const a = await household(app, seed, dong);
    const b = await household(app, seed, dong);
    const res = await lan.push([
      op('household', a.h, { headName: 'X', phone: null, address: '' }),
      op('household', b.h, { headName: 'X' }),
      op('member', a.members[0] as string, { name: 'X', birthYear: null }),
      op('member', a.members[1] as string, { smartphone: true }), // not who they are: not kept
    ]);
    expect(res.results.map((r) => r.code ?? r.status)).toEqual(Array(4).fill('applied'));

    const truong = seed.tokens.truong as string;
    const edits = (await list(app, truong)).deletions.filter((d) => d.status === 'edited');
    expect(edits.map((d) => [d.entity, d.label]).sort()).toEqual([
      ['household', HEAD],
      ['household', HEAD],
      ['member', MEMBERS[0]],
    ]);
    expect(edits.every((d) => d.by.userId === seed.users.lan)).toBe(true);
    // Edits are not deletions: Lan's day of deletes is untouched.
    const c = await household(app, seed, dong);
    expect((await lan.push([op('household', c.h, { deleted: true })])).results[0]?.status).toBe(
      'applied',
    );

    // Undone: every phone of the village gets the old name and phone back.
    const editOf = (id: string) => edits.find((d) => d.recordId === id) as Deletion;
    expect((await act(app, truong, editOf(a.h).id, 'restore')).statusCode).toBe(200);
    expect((await act(app, truong, editOf(a.members[0] as string).id, 'restore')).statusCode).toBe(
      200,
    );
    const back = (await syncApi(app, seed.tokens.minh as string).pullAll()).records;
    expect(back.get(`household:${a.h}`)?.data).toMatchObject({
      headName: HEAD,
      phone: '0912345678',
    });
    expect(back.get(`member:${a.members[0]}`)?.data.name).toBe(MEMBERS[0]);
    expect((await act(app, truong, editOf(a.h).id, 'restore')).json().error.code).toBe('conflict');

    // Renamed again since by Minh: still one row for the record, now naming Minh, the last to
    // change it; undoing it returns the name before the first edit, for every phone.
    await syncApi(app, seed.tokens.minh as string).push([
      op('household', b.h, { headName: 'Lò Văn Páo (Minh sửa)' }),
    ]);
    const rows = (await list(app, truong)).deletions.filter((d) => d.recordId === b.h);
    expect(rows.map((d) => [d.status, d.by.userId])).toEqual([['edited', seed.users.minh]]);
    expect((await act(app, truong, rows[0]?.id ?? '', 'restore')).statusCode).toBe(200);
    const afterB = (await lan.pullAll()).records.get(`household:${b.h}`);
    expect(afterB?.data.headName).toBe(HEAD);
  });

  it('an erase leaves no copy: not an older deletion, not an edit’s old name', async () => {
    const { app, store, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const truong = seed.tokens.truong as string;
    const canbo = seed.tokens.canbo as string;
    const a = await household(app, seed, dong);
    await lan.push([op('household', a.h, { deleted: true })]);
    const [first] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, first.id, 'restore')).statusCode).toBe(200);
    await lan.push([op('household', a.h, { headName: 'X' })]); // the old name kept as an edit
    await lan.push([op('household', a.h, { deleted: true })]);
    const latest = (await list(app, canbo)).deletions.find((d) => d.status === 'deleted');
    expect((await act(app, canbo, latest?.id ?? '', 'erase')).statusCode).toBe(200);
    expect(await keptText(store)).not.toContain(HEAD);
    expect(await keptText(store)).not.toContain(MEMBERS[0]);
    // Nothing left that a restore or an undo could bring back.
    for (const d of (await list(app, truong)).deletions)
      expect(['erased', 'restored']).toContain(d.status);
  });

  it('no deleted record is moved, and nothing live moves into a deleted household', async () => {
    const { app, seed, dong } = await setup();
    const tay = seed.villages['Thôn Tây'] as string;
    const lan = syncApi(app, seed.tokens.lan as string);
    const officer = syncApi(app, seed.tokens.canbo as string);
    const a = await household(app, seed, dong);
    const inTay = uuid();
    await officer.push([op('household', inTay, { villageId: tay, headName: 'Hộ Tây' })]);
    await lan.push([op('household', a.h, { deleted: true })]);
    const [moved] = a.members as [string];
    const refused = await officer.push([
      // One of its deleted members, into a household of Thôn Tây.
      op('member', moved, { householdId: inTay }),
      // A new member, and a live one, into the deleted household.
      op('member', uuid(), { householdId: a.h, name: 'Người mới' }),
      op('trader', uuid(), { householdId: a.h, businessName: 'Quầy mới' }),
    ]);
    expect(refused.results.map((r) => r.code)).toEqual([
      'deleted_record',
      'deleted_record',
      'deleted_record',
    ]);
    const dongView = (await lan.pullAll()).records;
    expect(
      [...dongView.values()].filter(
        (r) => r.entity !== 'visit' && r.data.householdId === a.h && !r.data.deleted,
      ),
    ).toEqual([]);
    expect(dongView.get(`member:${moved}`)?.data.householdId).toBe(a.h);

    // The restore brings back the household whole, where it was.
    const truong = seed.tokens.truong as string;
    const [d] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, d.id, 'restore')).statusCode).toBe(200);
    const restored = (await lan.pullAll()).records;
    expect(restored.get(`member:${moved}`)?.data).toMatchObject({
      householdId: a.h,
      name: MEMBERS[0],
    });
  });

  it('a deleted record takes no writes, so its restore brings everything back', async () => {
    const { app, store, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const minh = syncApi(app, seed.tokens.minh as string);
    const a = await household(app, seed, dong);
    await lan.push([op('household', a.h, { deleted: true })]);
    // Another volunteer writes every field of the tombstones, and deletes them again, later.
    const [m0, m1] = a.members as [string, string];
    const wipe = await minh.push([
      op('household', a.h, { headName: 'X', phone: '0900000000', address: 'X' }),
      op('member', m0, { name: 'X', birthYear: 1900 }),
      op('member', m1, { name: 'X' }),
      op('household', a.h, { deleted: true }),
      op('member', m0, { deleted: true }),
    ]);
    expect(wipe.results.map((r) => r.code ?? r.status)).toEqual([
      'deleted_record',
      'deleted_record',
      'deleted_record',
      'duplicate',
      'duplicate',
    ]);
    // A visit made there meanwhile is kept as a fact, without its free text about the people.
    const late = uuid();
    const NOTE2 = 'Gặp ông Páo sau khi xóa';
    const visit = await minh.push([
      op('visit', late, { householdId: a.h, at: Date.now(), tasks: ['cai_vneid'], notes: NOTE2 }),
    ]);
    expect(visit.results[0]?.status).toBe('applied');
    const seen = (await lan.pullAll()).records.get(`visit:${late}`);
    expect(seen?.data.householdId).toBe(a.h);
    expect(seen?.data.notes).toBeUndefined();
    expect(JSON.stringify(await store.query('SELECT data FROM records'))).not.toContain(NOTE2);

    const truong = seed.tokens.truong as string;
    const [d] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, d.id, 'restore')).statusCode).toBe(200);
    const back = (await lan.pullAll()).records;
    expect(back.get(`household:${a.h}`)?.data).toMatchObject({
      headName: HEAD,
      phone: '0912345678',
      deleted: false,
    });
    expect(back.get(`member:${m0}`)?.data).toMatchObject({ name: MEMBERS[0], deleted: false });
    expect(back.get(`member:${m1}`)?.data).toMatchObject({ name: MEMBERS[1], deleted: false });
  });

  it('nothing is put on a deleted person: no trader, no pairing', async () => {
    const { app, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const a = await household(app, seed, dong);
    const [gone] = a.members as [string];
    await lan.push([op('member', gone, { deleted: true })]);
    const res = await lan.push([
      op('trader', uuid(), { householdId: a.h, memberId: gone, businessName: 'Quầy mới' }),
      op('mentorship', uuid(), {
        mentorId: seed.users.lan,
        mentorKind: 'volunteer',
        menteeId: gone,
        startDate: '2026-12-01',
        status: 'active',
      }),
    ]);
    expect(res.results.map((r) => r.code)).toEqual(['deleted_record', 'deleted_record']);
    const records = (await lan.pullAll()).records;
    expect(
      [...records.keys()].filter((k) => k.startsWith('trader:') || k.startsWith('mentorship:')),
    ).toEqual([]);
  });

  it('a delete takes its people’s traders and pairings along, wherever they point', async () => {
    const { app, store, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const a = await household(app, seed, dong);
    const b = await household(app, seed, dong, ['Lò Văn Khác']);
    const [m0, m1] = a.members as [string, string];
    const [trader, pairing] = [uuid(), uuid()];
    const SHOP = 'Quầy tạp hóa Páo';
    const made = await lan.push([
      // A trader of a's member that names another household (a member who moved, say).
      op('trader', trader, { householdId: b.h, memberId: m0, businessName: SHOP }),
      op('mentorship', pairing, {
        mentorId: seed.users.lan,
        mentorKind: 'volunteer',
        menteeId: m1,
        startDate: '2026-12-01',
        status: 'active',
      }),
    ]);
    expect(made.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    await lan.push([op('household', a.h, { deleted: true })]);
    const gone = (await lan.pullAll()).records;
    expect(gone.get(`trader:${trader}`)?.data).toEqual(expect.objectContaining({ deleted: true }));
    expect(gone.get(`trader:${trader}`)?.data.businessName).toBeUndefined();
    expect(gone.get(`mentorship:${pairing}`)?.data.deleted).toBe(true);
    const truong = seed.tokens.truong as string;
    const canbo = seed.tokens.canbo as string;
    const [d] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, d.id, 'restore')).statusCode).toBe(200);
    const back = (await lan.pullAll()).records;
    expect(back.get(`trader:${trader}`)?.data).toMatchObject({
      businessName: SHOP,
      deleted: false,
    });
    expect(back.get(`mentorship:${pairing}`)?.data.deleted).toBe(false);

    // A pairing taken along takes no write either: the restore brings it back as it was.
    await lan.push([op('member', m1, { deleted: true })]);
    const edit = await lan.push([op('mentorship', pairing, { startDate: '2026-12-02' })]);
    expect(edit.results[0]?.code).toBe('deleted_record');
    const [ofM1] = (await list(app, truong)).deletions.filter((x) => x.recordId === m1);
    expect((await act(app, truong, ofM1?.id ?? '', 'restore')).statusCode).toBe(200);
    const paired = (await lan.pullAll()).records.get(`mentorship:${pairing}`);
    expect(paired?.data).toMatchObject({ startDate: '2026-12-01', deleted: false });

    // A person deleted alone takes their trader along too; erased, the shop's name is gone.
    await lan.push([op('member', m0, { deleted: true })]);
    const alone = (await lan.pullAll()).records.get(`trader:${trader}`);
    expect(alone?.data.deleted).toBe(true);
    const ofPerson = (await list(app, canbo)).deletions.find((x) => x.recordId === m0);
    expect((await act(app, canbo, ofPerson?.id ?? '', 'erase')).statusCode).toBe(200);
    expect(JSON.stringify(await store.query('SELECT data FROM records'))).not.toContain(SHOP);
    expect(await keptText(store)).not.toContain(SHOP);
  });

  it('a restore leaves deleted what points at someone deleted since, until their own restore', async () => {
    const { app, store, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const truong = seed.tokens.truong as string;
    const canbo = seed.tokens.canbo as string;
    const [a, b, c, d] = [
      await household(app, seed, dong),
      await household(app, seed, dong, ['Lò Văn Bình']),
      await household(app, seed, dong, ['Lò Văn Cường']),
      await household(app, seed, dong, ['Lò Văn Dũng']),
    ];
    const [shopOfB, shopOfD] = ['Quầy sửa xe Bình', 'Quán nước Dũng'];
    const [t1, t2] = [uuid(), uuid()];
    const [mb, md] = [b.members[0] as string, d.members[0] as string];
    await lan.push([
      // Each names a household and a member of another household.
      op('trader', t1, { householdId: a.h, memberId: mb, businessName: shopOfB }),
      op('trader', t2, { householdId: c.h, memberId: md, businessName: shopOfD }),
    ]);
    const deletionOf = async (recordId: string) => {
      const all = (await list(app, canbo)).deletions;
      return all.find((x) => x.recordId === recordId && x.status === 'deleted')?.id ?? '';
    };
    const served = async () => JSON.stringify([...(await lan.pullAll()).records.values()]);

    // a's delete takes t1 along; b's finds it deleted already. a comes back, b's member does not:
    // t1 stays deleted, and b's restore brings it back.
    await lan.push([op('household', a.h, { deleted: true })]);
    await lan.push([op('household', b.h, { deleted: true })]);
    expect((await act(app, truong, await deletionOf(a.h), 'restore')).statusCode).toBe(200);
    const afterA = (await lan.pullAll()).records;
    expect(afterA.get(`household:${a.h}`)?.data.deleted).toBe(false);
    expect(afterA.get(`trader:${t1}`)?.data.deleted).toBe(true);
    expect(await served()).not.toContain(shopOfB);
    expect((await act(app, truong, await deletionOf(b.h), 'restore')).statusCode).toBe(200);
    expect((await lan.pullAll()).records.get(`trader:${t1}`)?.data).toMatchObject({
      businessName: shopOfB,
      deleted: false,
    });

    // d's member deleted alone takes t2 along; c's delete finds it deleted. The member comes back,
    // c does not: t2 stays deleted, and erasing c erases the shop's name everywhere.
    await lan.push([op('member', md, { deleted: true })]);
    await lan.push([op('household', c.h, { deleted: true })]);
    expect((await act(app, truong, await deletionOf(md), 'restore')).statusCode).toBe(200);
    expect((await lan.pullAll()).records.get(`member:${md}`)?.data.deleted).toBe(false);
    expect(await served()).not.toContain(shopOfD);
    expect((await act(app, canbo, await deletionOf(c.h), 'erase')).statusCode).toBe(200);
    expect(await served()).not.toContain(shopOfD);
    expect(JSON.stringify(await store.query('SELECT data FROM records'))).not.toContain(shopOfD);
    expect(await keptText(store)).not.toContain(shopOfD);
  });

  it('a restore never reaches into a village the leader does not serve', async () => {
    const { app, store, seed, dong } = await setup();
    const tay = seed.villages['Thôn Tây'] as string;
    const lan = syncApi(app, seed.tokens.lan as string);
    const a = await household(app, seed, dong);
    await lan.push([op('household', a.h, { deleted: true })]);
    // A deleted member that lives in Thôn Tây all the same (pushes refuse to move it there, so
    // the store is changed by hand: the restore checks scope on its own).
    await store.query(
      `UPDATE records SET village_id = $2::uuid WHERE entity = 'member' AND id = $1::uuid`,
      [a.members[0], tay],
    );
    const truong = seed.tokens.truong as string;
    const [d] = (await list(app, truong)).deletions as [Deletion];
    expect((await act(app, truong, d.id, 'restore')).json().error.code).toBe('out_of_scope');
    const tayView = (await syncApi(app, seed.tokens.tay as string).pullAll()).records;
    expect(tayView.get(`member:${a.members[0]}`)?.data.name).toBeUndefined();
  });

  it('a household’s traders count towards the day’s trader deletes', async () => {
    const { app, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const a = await household(app, seed, dong);
    await lan.push(
      Array.from({ length: 21 }, (_, i) =>
        op('trader', uuid(), { householdId: a.h, businessName: `Quầy ${i}` }),
      ),
    );
    const res = await lan.push([op('household', a.h, { deleted: true })]);
    expect(res.results[0]?.code).toBe('deletion_held');
  });

  it('a flood of edits of one record is one row, undone to the oldest values', async () => {
    const { app, seed, dong } = await setup();
    const lan = syncApi(app, seed.tokens.lan as string);
    const wiped = await household(app, seed, dong);
    const noisy = await household(app, seed, dong);
    await lan.push([op('household', wiped.h, { headName: 'X' })]);
    for (let i = 0; i < 30; i++)
      await lan.push([
        op('household', noisy.h, { phone: `09100000${String(i).padStart(2, '0')}` }),
      ]);
    const truong = seed.tokens.truong as string;
    const edits = (await list(app, truong)).deletions.filter((d) => d.status === 'edited');
    expect(edits.map((d) => d.recordId).sort()).toEqual([wiped.h, noisy.h].sort());
    const noisyRow = edits.find((d) => d.recordId === noisy.h) as Deletion;
    expect((await act(app, truong, noisyRow.id, 'restore')).statusCode).toBe(200);
    const back = (await lan.pullAll()).records.get(`household:${noisy.h}`);
    expect(back?.data.phone).toBe('0912345678');
  });

  it('a held delete is settled once, whoever answers it at the same moment', async () => {
    const { app, seed, dong } = await setup();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await household(app, seed, dong)).h);
    const lan = syncApi(app, seed.tokens.lan as string);
    await lan.push(ids.map((h) => op('household', h, { deleted: true })));
    const truong = seed.tokens.truong as string;
    const held = (await list(app, truong)).deletions.find((d) => d.status === 'pending');
    const answers = await Promise.all([
      act(app, truong, held?.id ?? '', 'confirm'),
      act(app, seed.tokens.canbo as string, held?.id ?? '', 'dismiss'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const settled = (await list(app, truong)).deletions.find((d) => d.id === held?.id);
    const record = (await lan.pullAll()).records.get(`household:${held?.recordId}`);
    // What the list says is what happened to the household.
    expect(settled?.status === 'confirmed').toBe(record?.data.deleted === true);
  });
});
