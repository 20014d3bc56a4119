import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report';
import { monthPeriod, quarterPeriod } from '../../src/domain/reportPeriods';
import type { ModelData } from '../../src/domain/reportScope';
import { targetRecordId } from '../../src/domain/targetRecords';
import { reportResponseSchema } from '../../src/protocol/reports';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';
import { REPORTS_PER_MINUTE } from '../../src/server/routes/reports';
import { bearer, seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { clockAt, op, syncApi, uuid } from '../support/sync';

/** 2027-06-20 10:00 in Vietnam. */
const NOW = Date.UTC(2027, 5, 20, 3);
const at = (day: string) => Date.parse(`${day}T03:00:00Z`);

describe.each(DATABASE_KINDS)('GET /api/reports on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  /** Reads of every report record of the commune: how many, and the most at once. */
  const reads = { count: 0, running: 0, most: 0 };
  const isRead = (text: string) =>
    /FROM records\s+WHERE commune_code = \$1 AND entity = ANY/.test(text);

  async function setup(): Promise<{ app: FastifyInstance; seed: SeededCommune }> {
    Object.assign(reads, { count: 0, running: 0, most: 0 });
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const opened = await db.open();
    const store: Store = {
      ...opened,
      async query<T>(text: string, params?: readonly unknown[]) {
        if (!isRead(text)) return opened.query<T>(text, params);
        reads.count++;
        reads.most = Math.max(reads.most, ++reads.running);
        try {
          return await opened.query<T>(text, params);
        } finally {
          reads.running--;
        }
      },
    };
    cleanups.push(() => opened.close());
    const seed = await seedCommune(store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'hoa', role: 'volunteer', villages: ['Thôn Tây'] },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: 'canbo', role: 'officer' },
      ],
      now: NOW,
    });
    const app = await createApp({ store, now: () => NOW });
    cleanups.push(() => app.close());
    return { app, seed };
  }

  /** Two villages' households, people, visits and a target, pushed by their volunteers. */
  async function seedData(app: FastifyInstance, seed: SeededCommune): Promise<ModelData> {
    const dong = seed.villages['Thôn Đông'] as string;
    const tay = seed.villages['Thôn Tây'] as string;
    const lanId = seed.users.lan as string;
    const hoaId = seed.users.hoa as string;
    const data = { households: [], members: [], visits: [], mentorships: [], traders: [] } as {
      [K in keyof ModelData]-?: Record<string, unknown>[];
    };
    const ops = { lan: [] as ReturnType<typeof op>[], hoa: [] as ReturnType<typeof op>[] };
    const add = (
      who: 'lan' | 'hoa',
      entity: 'household' | 'member' | 'visit',
      fields: Record<string, unknown>,
    ) => {
      const id = uuid();
      ops[who].push(op(entity, id, fields, clockAt(NOW - 60_000)));
      data[`${entity}s` as 'households' | 'members' | 'visits'].push({ id, ...fields });
      return id;
    };
    const person = (householdId: string, villageId: string, more: Record<string, unknown>) => ({
      householdId,
      villageId,
      name: 'Nguyễn Thị Mai',
      birthYear: 1980,
      gender: 'female',
      relation: 'head',
      smartphone: false,
      vneid: 'none',
      cashless: false,
      onlineServices: false,
      platform: 'none',
      platformVerified: false,
      skills: [],
      ...more,
    });
    const h1 = add('lan', 'household', {
      villageId: dong,
      address: 'Số 1',
      headName: 'Nguyễn Thị Mai',
      status: 'active',
      flagPoor: true,
    });
    add('lan', 'member', person(h1, dong, { smartphone: true, vneid: 'level2', cashless: true }));
    add('lan', 'member', person(h1, dong, { name: 'Trần Văn Bình', birthYear: 1975 }));
    add('lan', 'member', person(h1, dong, { name: 'Trần Minh', birthYear: 2015 }));
    add('lan', 'visit', {
      householdId: h1,
      villageId: dong,
      volunteerId: lanId,
      at: at('2027-06-03'),
      tasks: ['cai_vneid'],
      outcome: 'done',
      followUpDate: null,
      presentMemberIds: [],
      otherTask: '',
      notes: '',
    });
    const h2 = add('hoa', 'household', {
      villageId: tay,
      address: 'Số 9',
      headName: 'Lê Văn Tâm',
      status: 'active',
    });
    add('hoa', 'member', person(h2, tay, { name: 'Lê Văn Tâm', smartphone: true }));
    add('hoa', 'visit', {
      householdId: h2,
      villageId: tay,
      volunteerId: hoaId,
      at: at('2027-05-10'),
      tasks: [],
      outcome: 'not_home',
      followUpDate: '2027-06-01',
      presentMemberIds: [],
      otherTask: '',
      notes: '',
    });
    for (const who of ['lan', 'hoa'] as const) {
      const res = await syncApi(app, seed.tokens[who] as string).push(ops[who]);
      expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    }
    const target = await syncApi(app, seed.tokens.canbo as string).push([
      op('target', targetRecordId(2027), { year: 2027, adultsSmartphone: 60 }, clockAt(NOW)),
    ]);
    expect(target.results[0]?.status).toBe('applied');
    return data as unknown as ModelData;
  }

  async function getReport(app: FastifyInstance, token: string, query: string) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/reports?${query}`,
      headers: bearer(token),
    });
    return res;
  }

  it('builds a report once however often it is asked, one read of the records at a time', async () => {
    const { app, seed } = await setup();
    await seedData(app, seed);
    const canbo = seed.tokens.canbo as string;
    const leader = seed.tokens.totruong as string;
    // A leader's burst and an officer's: twelve reports, six periods, two scopes, at once.
    const burst = await Promise.all(
      [canbo, leader].flatMap((token) =>
        [4, 5, 6].flatMap((month) => [
          getReport(app, token, `kind=month&year=2027&period=${month}`),
          getReport(app, token, `kind=month&year=2027&period=${month}`),
        ]),
      ),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(burst.map(() => 200));
    // Each report asked twice was built once, and a commune's reads never ran side by side.
    expect(reads.count).toBeLessThanOrEqual(6);
    expect(reads.most).toBe(1);
    const households = (res: (typeof burst)[number]) =>
      reportResponseSchema.parse(res.json()).report.households;
    expect(households(burst[4] as (typeof burst)[number])).toBe(2);

    // Asked again with nothing changed: answered without reading the records.
    const readsBefore = reads.count;
    await Promise.all(
      [4, 5, 6].map((m) => getReport(app, canbo, `kind=month&year=2027&period=${m}`)),
    );
    expect(reads.count).toBe(readsBefore);
    // A change anywhere in the commune: the next report reads them again, and counts it.
    const pushed = await syncApi(app, seed.tokens.hoa as string).push([
      op('household', uuid(), {
        villageId: seed.villages['Thôn Tây'],
        headName: 'Hộ mới',
        status: 'active',
      }),
    ]);
    expect(pushed.results[0]?.status).toBe('applied');
    const after = await getReport(app, canbo, 'kind=month&year=2027&period=6');
    expect(reads.count).toBe(readsBefore + 1);
    expect(households(after)).toBe(3);
  });

  it('limits the reports one device asks for in a minute', async () => {
    const { app, seed } = await setup();
    const canbo = seed.tokens.canbo as string;
    const answers = [];
    for (let i = 0; i <= REPORTS_PER_MINUTE; i++)
      answers.push(await getReport(app, canbo, 'kind=month&year=2027&period=6'));
    expect(answers.slice(0, -1).every((r) => r.statusCode === 200)).toBe(true);
    const refused = answers.at(-1);
    expect(refused?.statusCode).toBe(429);
    expect(refused?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another device is not held back by it.
    const other = await getReport(
      app,
      seed.tokens.totruong as string,
      'kind=month&year=2027&period=6',
    );
    expect(other.statusCode).toBe(200);
  });

  it('computes the same commune report as the device does from the same records', async () => {
    const { app, seed } = await setup();
    const data = await seedData(app, seed);
    const res = await getReport(app, seed.tokens.canbo as string, 'kind=month&year=2027&period=6');
    expect(res.statusCode).toBe(200);
    const { report } = reportResponseSchema.parse(res.json());
    const device = buildReport(data, monthPeriod(2027, 6), 'commune', {
      targets: { adultsSmartphone: 60 },
      today: '2027-06-20',
    });
    expect(report).toEqual(JSON.parse(JSON.stringify(device)));
    // The figures a user reads: 3 adults, 2 with a smartphone, against the officer's 60 %.
    const phones = report.indicators.find((i) => i.key === 'adultsSmartphone');
    expect(phones).toMatchObject({ numerator: 2, denominator: 3, percent: 66.7, met: true });
    expect(phones?.target.percent).toBe(60);
    expect(report.activity).toEqual({ visits: 1, householdsReached: 1, volunteers: 1 });
    expect(report.byVillage).toHaveLength(2);
  });

  it('gives a leader their village only, and a quarter counts the quarter’s visits', async () => {
    const { app, seed } = await setup();
    const data = await seedData(app, seed);
    const dong = seed.villages['Thôn Đông'] as string;
    const res = await getReport(
      app,
      seed.tokens.totruong as string,
      'kind=quarter&year=2027&period=2',
    );
    expect(res.statusCode).toBe(200);
    const { report } = reportResponseSchema.parse(res.json());
    const device = buildReport(
      data,
      quarterPeriod(2027, 2),
      { villageIds: [dong] },
      {
        targets: { adultsSmartphone: 60 },
        today: '2027-06-20',
      },
    );
    expect(report).toEqual(JSON.parse(JSON.stringify(device)));
    expect(report.households).toBe(1);
    expect(report.residents).toBe(3);

    const tay = seed.villages['Thôn Tây'] as string;
    const commune = await getReport(
      app,
      seed.tokens.canbo as string,
      `kind=quarter&year=2027&period=2&villageId=${tay}`,
    );
    const tayReport = reportResponseSchema.parse(commune.json()).report;
    expect(tayReport.activity).toEqual({ visits: 1, householdsReached: 1, volunteers: 1 });
    expect(tayReport.scope).toEqual({ villageIds: [tay] });
  });

  it('refuses volunteers, other villages and bad periods with precise codes', async () => {
    const { app, seed } = await setup();
    const tay = seed.villages['Thôn Tây'] as string;
    const volunteer = await getReport(
      app,
      seed.tokens.lan as string,
      'kind=month&year=2027&period=6',
    );
    expect(volunteer.statusCode).toBe(403);
    expect(volunteer.json().error.code).toBe('forbidden');
    const other = await getReport(
      app,
      seed.tokens.totruong as string,
      `kind=month&year=2027&period=6&villageId=${tay}`,
    );
    expect(other.json().error.code).toBe('out_of_scope');
    const bad = await getReport(
      app,
      seed.tokens.canbo as string,
      'kind=quarter&year=2027&period=5',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/reports?kind=month&year=2027&period=6',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
