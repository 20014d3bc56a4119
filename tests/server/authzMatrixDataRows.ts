import { expect } from 'vitest';
import { z } from 'zod';
import { reportResponseSchema } from '../../src/protocol/reports';
import { pullResponseSchema } from '../../src/protocol/sync';
import { clockAt, op, syncApi, uuid } from '../support/sync';
import { byRole, guarded, me, type Case, type Row } from './authzMatrixRows';
import {
  departuresFrom,
  householdsIn,
  recordsIn,
  scopeOf,
  SECRET,
  SEES_VILLAGE_A,
  USERNAME,
  type Caller,
  type World,
} from './authzMatrixWorld';

/** The rows of the village data: sync push and pull, and the reports built from it. */

const pushBody = z.strictObject({ results: z.array(z.unknown()), serverClock: z.string() });

interface PushSpec {
  name: string;
  entity: 'household' | 'member';
  /** The op's record and fields (it may first create the record it then changes). */
  build: (
    w: World,
  ) =>
    | { id: string; fields: Record<string, unknown>; value: string }
    | Promise<{ id: string; fields: Record<string, unknown>; value: string }>;
  state: (c: Case) => Promise<unknown>;
  changed: (after: unknown, c: Case) => void;
  /** The callers whose op is applied (default: those who see village A). */
  applies?: ReadonlySet<Caller>;
  /** Commune B's officer is refused: its commune has no such record, or it names A's village. */
  otherCommune: 'missing_village' | 'out_of_scope';
  secrets?: (c: Case) => string[];
}

/**
 * What the push answers this caller for its one op. A refusal to someone who may read the record
 * may carry it (so the device can undo); to anyone else, nothing of it: `current: null`.
 */
function pushAnswer(c: Case, spec: PushSpec) {
  const applies = spec.applies ?? SEES_VILLAGE_A;
  const opId = c.prep.opId;
  if (applies.has(c.caller)) return [{ opId, status: 'applied' }];
  if (SEES_VILLAGE_A.has(c.caller))
    return [expect.objectContaining({ opId, status: 'rejected', code: 'out_of_scope' })];
  const code = c.caller === 'otherCommune' ? spec.otherCommune : 'out_of_scope';
  return [{ opId, status: 'rejected', code, current: null }];
}

function pushRow(spec: PushSpec): Row {
  const applies = spec.applies ?? SEES_VILLAGE_A;
  return {
    route: 'POST /api/sync/push',
    name: `POST /api/sync/push (${spec.name})`,
    prepare: async ({ w }) => {
      const { id, fields, value } = await spec.build(w);
      const opId = uuid();
      const op = {
        opId,
        entity: spec.entity,
        id,
        fields,
        clock: clockAt(w.t.clock.now, 'm', ++w.n),
      };
      return { url: '/api/sync/push', payload: { ops: [op] }, value, opId };
    },
    expect: byRole(200, 200, 200),
    state: spec.state,
    changes: (c) => applies.has(c.caller),
    changed: spec.changed,
    content: (body, c) => expect(pushBody.parse(body).results).toEqual(pushAnswer(c, spec)),
    ...(spec.secrets ? { secrets: spec.secrets } : {}),
  };
}

const dataOf = (entity: string, id: (c: Case) => string | undefined) => (c: Case) =>
  c.w.t.store
    .query<{ data: Record<string, unknown>; village: string }>(
      `SELECT data, village_id::text AS village FROM records
        WHERE commune_code = $1 AND entity = $2 AND id = $3`,
      [c.w.a.communeCode, entity, id(c)],
    )
    .then((rows) => rows);

/** The pull holds exactly the records of the caller's villages (and the commune-wide ones). */
async function checkPull(body: unknown, c: Case) {
  const who = me(c);
  const keys = Object.keys(body as object).filter((k) => k !== 'left');
  expect(keys.sort()).toEqual(['cursor', 'hasMore', 'records', 'scope', 'serverClock'].sort());
  const page = pullResponseSchema.parse(body);
  const left = z
    .array(z.strictObject({ entity: z.string(), id: z.string() }))
    .parse((body as { left?: unknown }).left ?? []);
  const scope = await scopeOf(c.w, who);
  expect([...page.scope].sort()).toEqual(scope);
  expect(page.hasMore).toBe(false);
  const records = page.records.map((r) => `${r.entity}:${r.id}`).sort();
  expect(records).toEqual(await recordsIn(c.w, who.commune, scope));
  // What left the caller's villages (ids only), and nothing that left anyone else's.
  const departures = [...new Set(left.map((d) => `${d.entity}:${d.id}`))].sort();
  expect(departures).toEqual(await departuresFrom(c.w, who.commune, scope));
  for (const r of page.records) expect([null, ...scope]).toContain(r.villageId);
  const household = page.records.find((r) => r.id === c.w.householdId);
  if (SEES_VILLAGE_A.has(c.caller)) expect(household?.data.headName).toBe(SECRET.headName);
  else expect(page.records.map((r) => r.villageId)).not.toContain(c.w.dong);
  if (c.caller === 'volunteerB' || c.caller === 'leaderB') expect(page.scope).toEqual([c.w.tay]);
  // The next cursor names only the caller's villages.
  const cursor = JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8'));
  expect(Object.keys(cursor).sort()).toEqual(['', ...scope].sort());
}

/** The report's scope, villages and households are the caller's (or the one village asked for). */
async function checkReport(body: unknown, c: Case, village?: string) {
  const who = me(c);
  const { report } = z.strictObject(reportResponseSchema.shape).parse(body);
  const scope = village ? [village] : await scopeOf(c.w, who);
  const whole = who.role === 'officer' && !village;
  expect(report.scope).toEqual(whole ? 'commune' : { villageIds: scope });
  for (const v of report.byVillage) expect(scope).toContain(v.villageId);
  expect(report.households).toBe(await householdsIn(c.w, who.commune, whole ? null : scope));
  if (c.caller === 'leaderB' || c.caller === 'otherCommune')
    expect(report.byVillage.map((v) => v.villageId)).not.toContain(c.w.dong);
}

const reports = (leaderB: 200 | 'out_of_scope', otherCommune: 200 | 'out_of_scope') =>
  guarded({
    volunteer: 'forbidden',
    volunteerB: 'forbidden',
    leader: 200,
    leaderB,
    officer: 200,
    otherCommune,
  });

export const DATA_ROWS: Row[] = [
  pushRow({
    name: "edit village A's household",
    entity: 'household',
    build: (w) => {
      const value = `Số nhà ${++w.n}`;
      return { id: w.householdId, fields: { address: value }, value };
    },
    state: dataOf('household', (c) => c.w.householdId),
    changed: (after, c) =>
      expect(after).toEqual([
        { data: expect.objectContaining({ address: c.prep.value }), village: c.w.dong },
      ]),
    // Commune B has no such record, so it cannot be placed in a village.
    otherCommune: 'missing_village',
  }),
  pushRow({
    name: "edit village A's member",
    entity: 'member',
    build: (w) => {
      const value = String(1940 + (++w.n % 60));
      return { id: w.memberId, fields: { birthYear: Number(value) }, value };
    },
    state: dataOf('member', (c) => c.w.memberId),
    changed: (after, c) =>
      expect(after).toEqual([
        { data: expect.objectContaining({ birthYear: Number(c.prep.value) }), village: c.w.dong },
      ]),
    otherCommune: 'missing_village',
  }),
  pushRow({
    name: 'a new household in village A',
    entity: 'household',
    build: (w) => {
      const value = uuid();
      return {
        id: value,
        fields: { villageId: w.dong, headName: 'Hộ mới', status: 'active' },
        value,
      };
    },
    state: (c) =>
      c.w.t.store
        .query<{ v: string }>(
          "SELECT commune_code AS v FROM records WHERE entity = 'household' AND id = $1",
          [c.prep.value],
        )
        .then((rows) => rows.map((r) => r.v)),
    changed: (after, c) => expect(after).toEqual([c.w.a.communeCode]),
    otherCommune: 'out_of_scope',
  }),
  pushRow({
    // Taking a household of village A into one's own village needs both villages.
    name: 'move a household of village A to village B',
    entity: 'household',
    build: async (w) => {
      const value = uuid();
      const created = await syncApi(w.t.app, w.a.tokens[USERNAME.officer] as string).push([
        op(
          'household',
          value,
          {
            villageId: w.dong,
            headName: `Hộ chuyển ${value}`,
            phone: '0987650002',
            status: 'active',
          },
          clockAt(w.t.clock.now - 30_000, 'seed', ++w.n),
        ),
      ]);
      expect(created.results[0]?.status).toBe('applied');
      return { id: value, fields: { villageId: w.tay }, value };
    },
    state: dataOf('household', (c) => c.prep.value),
    changed: (after, c) => expect(after).toEqual([expect.objectContaining({ village: c.w.tay })]),
    applies: new Set<Caller>(['officer']),
    otherCommune: 'out_of_scope',
    secrets: (c) => [`Hộ chuyển ${c.prep.value}`, '0987650002'],
  }),
  {
    route: 'GET /api/sync/pull',
    name: 'GET /api/sync/pull',
    prepare: () => ({ url: '/api/sync/pull' }),
    expect: byRole(200, 200, 200),
    content: checkPull,
  },
  {
    route: 'GET /api/sync/pull',
    name: 'GET /api/sync/pull (a cursor naming every village of commune A)',
    prepare: ({ w }) => {
      const forged = { '': 0, [w.dong]: 0, [w.tay]: 0 };
      const cursor = Buffer.from(JSON.stringify(forged), 'utf8').toString('base64url');
      return { url: `/api/sync/pull?cursor=${cursor}` };
    },
    expect: byRole(200, 200, 200),
    content: checkPull,
  },
  {
    route: 'GET /api/reports',
    name: 'GET /api/reports (the caller’s villages)',
    prepare: () => ({ url: '/api/reports?kind=month&year=2026&period=3' }),
    expect: reports(200, 200),
    content: (body, c) => checkReport(body, c),
  },
  {
    route: 'GET /api/reports',
    name: 'GET /api/reports (village A)',
    prepare: ({ w }) => ({
      url: `/api/reports?kind=quarter&year=2026&period=1&villageId=${w.dong}`,
    }),
    expect: reports('out_of_scope', 'out_of_scope'),
    content: (body, c) => checkReport(body, c, c.w.dong),
  },
];
