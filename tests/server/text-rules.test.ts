import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/domain/cleanText';
import { createApp } from '../../src/server/app';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { INHERITED_NAMES } from '../support/inheritedNames';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';
import { clockAt, op, syncApi, uuid } from '../support/sync';

/** The server's clock: 4 December 2026, 10:00 in Vietnam. */
const NOW = Date.parse('2026-12-04T03:00:00Z');
/** The last instant a JavaScript Date can hold: 13 September 275760. */
const YEAR_275760 = 8_640_000_000_000_000;

const DIRTY_NAMES = [
  { name: 'a right-to-left override', value: 'Nguyễn \u202Ena năV' },
  { name: 'zero-width spaces only', value: '\u200B\u200B\u200B' },
  { name: '99 combining marks on one letter', value: `a${'\u0301'.repeat(99)}` },
  { name: 'the noncharacter U+FFFF', value: 'Trần Thị Bình\uFFFF' },
];

describe.each(DATABASE_KINDS)('text and dates the server refuses, on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  let app: FastifyInstance;
  let seed: SeededCommune;
  let dong = '';
  const volunteer = () => syncApi(app, seed.tokens.lan as string);
  const officer = () => syncApi(app, seed.tokens.canbo as string);
  const push = (entity: string, id: string, fields: Record<string, unknown>) =>
    volunteer().push([op(entity, id, fields, clockAt(NOW - 1000))]);

  beforeAll(async () => {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [
        { username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: 'canbo', role: 'officer' },
      ],
    });
    dong = seed.villages['Thôn Đông'] as string;
    app = await createApp({ store, now: () => NOW });
    cleanups.push(() => app.close());
  });
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it.each(DIRTY_NAMES)(
    'refuses a new household whose head is named with $name, and keeps nothing of it',
    async ({ value }) => {
      const h = uuid();
      const res = await push('household', h, { villageId: dong, headName: value });
      expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'invalid_fields']]);
      const { records } = await officer().pullAll();
      expect(records.has(`household:${h}`)).toBe(false);
    },
  );

  it('refuses fields named after what every object inherits, and the rest of the batch goes on', async () => {
    const h = uuid();
    const inherited = INHERITED_NAMES;
    const res = await volunteer().push([
      op('household', h, { villageId: dong, headName: 'Phạm Văn Dũng' }, clockAt(NOW - 3000)),
      ...inherited.map((name) =>
        op('household', h, JSON.parse(`{"${name}": "x"}`), clockAt(NOW - 2000)),
      ),
      op('household', h, { address: 'Xóm 3' }, clockAt(NOW - 1000)),
    ]);
    expect(res.results.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ...inherited.map(() => ['rejected', 'invalid_fields']),
      ['applied', undefined],
    ]);
    const { records } = await officer().pullAll();
    expect(records.get(`household:${h}`)?.data).toEqual({
      villageId: dong,
      headName: 'Phạm Văn Dũng',
      address: 'Xóm 3',
      createdBy: seed.users.lan,
    });
  });

  it('refuses each dirty edit of a household, whose record stays as it was', async () => {
    const h = uuid();
    const first = await push('household', h, { villageId: dong, headName: 'Lê Văn Cường' });
    expect(first.results[0]?.status).toBe('applied');
    const before = (await officer().pullAll()).records.get(`household:${h}`);

    for (const { value } of DIRTY_NAMES) {
      const res = await push('household', h, { headName: value });
      expect(res.results[0]?.code, JSON.stringify(value)).toBe('invalid_fields');
      const member = await push('member', uuid(), { householdId: h, name: value });
      expect(member.results[0]?.code, JSON.stringify(value)).toBe('invalid_fields');
    }
    const address = await push('household', h, { address: 'Xóm 2\uFFFF' });
    expect(address.results[0]?.code).toBe('invalid_fields');

    const { records } = await officer().pullAll();
    expect(records.get(`household:${h}`)).toEqual(before);
    expect([...records.keys()].filter((k) => k.startsWith('member:'))).toEqual([]);
  });

  it.each([
    { name: 'a visit in year 275760', fields: { at: YEAR_275760 } },
    { name: 'a visit two days ahead of the server', fields: { at: NOW + 2 * 86_400_000 } },
    { name: 'a visit in 1970', fields: { at: 0 } },
    { name: 'a follow-up in 9999', fields: { at: NOW, followUpDate: '9999-12-31' } },
  ])('refuses $name, and keeps nothing of it', async ({ fields }) => {
    const h = uuid();
    await push('household', h, { villageId: dong, headName: 'Phạm Thị Mai' });
    const v = uuid();
    const res = await push('visit', v, { householdId: h, tasks: ['cai_vneid'], ...fields });
    expect(res.results.map((r) => [r.status, r.code])).toEqual([['rejected', 'invalid_fields']]);
    const { records } = await officer().pullAll();
    expect(records.has(`visit:${v}`)).toBe(false);
  });

  it('accepts what an honest phone sends: the same names cleaned, stored exactly as sent', async () => {
    const sent = DIRTY_NAMES.map(({ value }) => cleanText(`Hộ ${value}`));
    const ids = sent.map(() => uuid());
    const res = await volunteer().push(
      sent.map((headName, i) =>
        op('household', ids[i] as string, { villageId: dong, headName }, clockAt(NOW - 1000)),
      ),
    );
    expect(res.results.map((r) => r.status)).toEqual(sent.map(() => 'applied'));
    const v = uuid();
    const visit = await push('visit', v, {
      householdId: ids[0],
      at: NOW,
      tasks: ['cai_vneid'],
      followUpDate: '2026-12-11',
      notes: 'Cần quay lại.\nCon trai đi làm xa.',
    });
    expect(visit.results[0]?.status).toBe('applied');

    const { records } = await officer().pullAll();
    expect(ids.map((id) => records.get(`household:${id}`)?.data.headName)).toEqual(sent);
    expect(records.get(`visit:${v}`)?.data.at).toBe(NOW);
  });
});
