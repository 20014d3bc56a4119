import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLogSchema, MAX_EXPORTS_PER_DAY, type ExportEvent } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import { EXPORT_PAGE } from '../../src/server/exportLog/exportLog';
import { bearer, OTHER_COMMUNE, seedCommune, TEST_PASSWORD } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { uuid } from '../support/sync';

const DAY = 86_400_000;

describe.each(DATABASE_KINDS)('the officer’s log of exports and prints, on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function setup() {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'], displayName: 'Lò Thị Lan' },
        { username: 'truong', role: 'leader', villages: ['Thôn Đông'] },
        { username: 'canbo', role: 'officer', displayName: 'Cán bộ xã' },
      ],
    });
    const other = await seedCommune(store, {
      code: OTHER_COMMUNE,
      villages: ['Thôn Bắc'],
      users: [{ username: 'canbo2', role: 'officer' }],
    });
    const now = { ms: Date.now() };
    const app = await createApp({ store, now: () => now.ms });
    cleanups.push(() => app.close());
    return { app, store, seed, other, now, dong: seed.villages['Thôn Đông'] as string };
  }

  const event = (over: Partial<ExportEvent> = {}): ExportEvent => ({
    id: uuid(),
    kind: 'stickers_print',
    what: 'Tem QR Thôn Đông',
    villageId: null,
    names: true,
    at: Date.now(),
    ...over,
  });
  const send = (app: FastifyInstance, token: string, events: unknown[]) =>
    app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: bearer(token),
      payload: { events },
    });
  async function log(app: FastifyInstance, token: string, query = '') {
    const res = await app.inject({ url: `/api/exports${query}`, headers: bearer(token) });
    return {
      status: res.statusCode,
      code: res.statusCode === 200 ? null : (res.json().error.code as string),
      entries: res.statusCode === 200 ? exportLogSchema.parse(res.json()).entries : [],
      next: res.statusCode === 200 ? exportLogSchema.parse(res.json()).next : null,
    };
  }

  it('shows the officer who exported what, from which phone, once however often it is sent', async () => {
    const { app, seed, dong } = await setup();
    const lan = seed.tokens.lan as string;
    const sticker = event({ villageId: dong, at: Date.now() - 60_000 });
    const report = event({
      kind: 'report_xlsx',
      what: 'Báo cáo Tháng 6-2027 - Thôn Đông',
      names: false,
    });
    expect((await send(app, lan, [sticker, report])).statusCode).toBe(200);
    // The phone did not hear the answer and sends them again.
    expect((await send(app, lan, [sticker, report])).statusCode).toBe(200);

    const { entries } = await log(app, seed.tokens.canbo as string);
    expect(entries.map((e) => [e.what, e.names, e.by.displayName, e.by.deviceName])).toEqual([
      ['Báo cáo Tháng 6-2027 - Thôn Đông', false, 'Lò Thị Lan', 'Máy của lan'],
      ['Tem QR Thôn Đông', true, 'Lò Thị Lan', 'Máy của lan'],
    ]);
    expect(entries[1]).toMatchObject({ kind: 'stickers_print', villageId: dong });
    expect(Date.parse(entries[1]?.at ?? '')).toBe(sticker.at);
  });

  it('is the officer’s alone, and each commune’s own', async () => {
    const { app, seed, other } = await setup();
    await send(app, seed.tokens.lan as string, [event()]);
    expect(await log(app, seed.tokens.lan as string)).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(await log(app, seed.tokens.truong as string)).toMatchObject({ status: 403 });
    expect((await log(app, other.tokens.canbo2 as string)).entries).toEqual([]);
    expect((await log(app, seed.tokens.canbo as string)).entries).toHaveLength(1);
  });

  it('takes who and which device from the token, and the time within the server’s', async () => {
    const { app, seed, now } = await setup();
    const future = event({ at: now.ms + 365 * DAY });
    const ancient = event({ at: 0 });
    // Fields the phone may not state are refused, not taken.
    const claimed = { ...event(), userId: seed.users.canbo };
    expect((await send(app, seed.tokens.lan as string, [claimed])).json().error.code).toBe(
      'validation_failed',
    );
    expect((await send(app, seed.tokens.lan as string, [future, ancient])).statusCode).toBe(200);
    const { entries } = await log(app, seed.tokens.canbo as string);
    const at = new Map(entries.map((e) => [e.id, Date.parse(e.at)]));
    expect(at.get(future.id)).toBe(now.ms);
    expect(at.get(ancient.id)).toBe(now.ms - 30 * DAY);
    expect(entries.every((e) => e.by.userId === seed.users.lan)).toBe(true);
  });

  it('refuses another village’s name and unreadable text, and keeps nothing of the batch', async () => {
    const { app, seed } = await setup();
    const tay = seed.villages['Thôn Tây'] as string;
    const lan = seed.tokens.lan as string;
    const outOfScope = await send(app, lan, [event(), event({ villageId: tay })]);
    expect(outOfScope.json().error.code).toBe('out_of_scope');
    const blank = await send(app, lan, [event({ what: '\u200b \u0007' })]);
    expect(blank.json().error.code).toBe('validation_failed');
    expect((await log(app, seed.tokens.canbo as string)).entries).toEqual([]);
    // Text is kept as it reads.
    await send(app, lan, [event({ what: ' Tem\u200b  QR\tThôn Đông ' })]);
    const [kept] = (await log(app, seed.tokens.canbo as string)).entries;
    expect(kept?.what).toBe('Tem QR Thôn Đông');
  });

  it('lets no phone bury the list: a day’s share per device, the rest kept for later', async () => {
    const { app, seed, now } = await setup();
    const lan = seed.tokens.lan as string;
    for (let i = 0; i < MAX_EXPORTS_PER_DAY / 100; i++) {
      const batch = Array.from({ length: 100 }, () => event({ what: `Lần ${i}` }));
      expect((await send(app, lan, batch)).statusCode).toBe(200);
    }
    const over = await send(app, lan, [event({ what: 'Thêm' })]);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('rate_limited');
    // Another phone is not held by it.
    expect(
      (await send(app, seed.tokens.truong as string, [event({ what: 'Của tổ trưởng' })]))
        .statusCode,
    ).toBe(200);
    // A day later the phone sends the rest.
    now.ms += DAY + 1;
    expect((await send(app, lan, [event({ what: 'Thêm' })])).statusCode).toBe(200);
    const { entries } = await log(app, seed.tokens.canbo as string);
    expect(entries.filter((e) => e.what === 'Thêm')).toHaveLength(1);
    expect(entries.some((e) => e.what === 'Của tổ trưởng')).toBe(true);
  });

  it('holds an account to its day’s share on every phone it logs in on', async () => {
    const { app, seed } = await setup();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lan', password: TEST_PASSWORD, deviceName: 'Máy thứ hai' },
    });
    const second = login.json().token as string;
    for (let i = 0; i < MAX_EXPORTS_PER_DAY / 100; i++)
      await send(
        app,
        seed.tokens.lan as string,
        Array.from({ length: 100 }, () => event()),
      );
    expect((await send(app, second, [event({ what: 'Máy khác' })])).json().error.code).toBe(
      'rate_limited',
    );
  });

  it('holds the day’s share when the batches come all at once (the fifth attack on PostgreSQL)', async () => {
    const { app, store, seed } = await setup();
    const lan = seed.tokens.lan as string;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(
          app,
          lan,
          Array.from({ length: 100 }, () => event({ what: `Cùng lúc ${i}` })),
        ),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(MAX_EXPORTS_PER_DAY / 100);
    const rows = await store.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM export_log WHERE user_id = $1',
      [seed.users.lan],
    );
    expect(Number(rows[0]?.n)).toBe(MAX_EXPORTS_PER_DAY);
  });

  it('loses no entry at a page’s end when two phones sent one id at one time', async () => {
    const { app, seed, now } = await setup();
    const canbo = seed.tokens.canbo as string;
    const [id, at] = [uuid(), now.ms - 3_600_000];
    // A page of newer ones, then the real one and a decoy with its id and time from another phone:
    // the first page ends between them.
    for (let i = 0; i < EXPORT_PAGE - 1; i += 50)
      await send(
        app,
        seed.tokens.lan as string,
        Array.from({ length: Math.min(50, EXPORT_PAGE - 1 - i) }, (_, j) =>
          event({ what: `Mới ${i + j}`, at: now.ms - (i + j) * 1000 }),
        ),
      );
    await send(app, seed.tokens.lan as string, [event({ id, at, what: 'Thật' })]);
    await send(app, seed.tokens.truong as string, [event({ id, at, what: 'Giả' })]);
    const first = await log(app, canbo);
    expect(first.entries).toHaveLength(EXPORT_PAGE);
    const second = await log(app, canbo, `?before=${first.next}`);
    const shown = [...first.entries, ...second.entries].map((e) => e.what);
    expect(shown).toHaveLength(EXPORT_PAGE + 1);
    expect(shown).toEqual(expect.arrayContaining(['Thật', 'Giả']));
  });

  it('pages back through every entry, newest first, of one person or with names only', async () => {
    const { app, seed, now } = await setup();
    const canbo = seed.tokens.canbo as string;
    // 150 of Lan's (each a second apart, a third of them with names) and one of the leader's.
    for (let i = 0; i < 150; i += 50)
      await send(
        app,
        seed.tokens.lan as string,
        Array.from({ length: 50 }, (_, j) =>
          event({ what: `Lần ${i + j}`, at: now.ms - (i + j) * 1000, names: (i + j) % 3 === 0 }),
        ),
      );
    await send(app, seed.tokens.truong as string, [
      event({ what: 'Của tổ trưởng', at: 0, names: false }),
    ]);
    const all = [];
    let query = '';
    for (let page = 0; page < 5; page++) {
      const res = await log(app, canbo, query);
      all.push(...res.entries);
      if (res.next === null) break;
      query = `?before=${res.next}`;
    }
    expect(all).toHaveLength(151);
    expect(new Set(all.map((e) => e.id)).size).toBe(151);
    expect(all.map((e) => Date.parse(e.at))).toEqual(
      all.map((e) => Date.parse(e.at)).sort((a, b) => b - a),
    );
    expect(all.at(-1)?.what).toBe('Của tổ trưởng');
    const theLeaders = await log(app, canbo, `?by=${seed.users.truong}`);
    expect(theLeaders.entries.map((e) => e.what)).toEqual(['Của tổ trưởng']);
    const withNames = await log(app, canbo, '?names=1');
    expect(withNames.entries).toHaveLength(50);
    expect(withNames.entries.every((e) => e.names)).toBe(true);
    expect((await log(app, canbo, '?before=xyz')).code).toBe('validation_failed');
    // Of a cursor's shape but no id (the fifth attack had a 500 from the database's uuid cast).
    for (const bad of ['1.------------------------------------', `1.${'f'.repeat(36)}`])
      expect((await log(app, canbo, `?before=${bad}`)).code).toBe('validation_failed');
  });
});
