import { expect } from 'vitest';
import { z } from 'zod';
import { deletionSchema } from '../../src/protocol';
import { clockAt, op, syncApi, uuid } from '../support/sync';
import { guarded, me, type Case, type Row } from './authzMatrixRows';
import { scopeOf, SECRET, USERNAME, type World } from './authzMatrixWorld';

/** The rows of "Đã xóa gần đây": who deleted what, and undoing it (leaders and the officer). */

/** A household of Thôn Đông, named like village A's secret, that the officer deleted. */
async function deletedHousehold(w: World): Promise<{ recordId: string; deletionId: string }> {
  const officer = syncApi(w.t.app, w.a.tokens[USERNAME.officer] as string);
  const recordId = uuid();
  const at = (n: number) => clockAt(w.t.clock.now - 1_000 + n, 'm', ++w.n);
  const fields = { villageId: w.dong, headName: SECRET.headName, status: 'active' };
  const made = await officer.push([op('household', recordId, fields, at(0))]);
  const gone = await officer.push([op('household', recordId, { deleted: true }, at(1))]);
  expect([...made.results, ...gone.results].map((r) => r.status)).toEqual(['applied', 'applied']);
  const [row] = await w.t.store.query<{ id: string }>(
    'SELECT id::text AS id FROM deleted_records WHERE record_id = $1',
    [recordId],
  );
  if (!row) throw new Error('the delete was not kept');
  return { recordId, deletionId: row.id };
}

const deletedFlag = (c: Case) =>
  c.w.t.store
    .query<{ v: unknown }>(
      `SELECT data ->> 'deleted' AS v FROM records WHERE commune_code = $1 AND id = $2`,
      [c.w.a.communeCode, c.prep.value],
    )
    .then((rows) => rows.map((r) => r.v));

const kept = (c: Case) =>
  c.w.t.store
    .query<{ v: unknown }>(
      `SELECT concat_ws(' ', status, label, CASE WHEN records IS NULL THEN 'empty' ELSE 'kept' END) AS v
         FROM deleted_records WHERE record_id = $1`,
      [c.prep.value],
    )
    .then((rows) => rows.map((r) => r.v));

const leaders = { volunteer: 'forbidden', volunteerB: 'forbidden' } as const;

export const DELETION_ROWS: Row[] = [
  {
    route: 'GET /api/deletions',
    name: 'GET /api/deletions',
    prepare: async ({ w }) => {
      const { recordId } = await deletedHousehold(w);
      return { url: '/api/deletions', value: recordId };
    },
    expect: guarded({ ...leaders, leader: 200, leaderB: 200, officer: 200, otherCommune: 200 }),
    content: async (body, c) => {
      const exact = z.strictObject({ deletions: z.array(z.strictObject(deletionSchema.shape)) });
      const { deletions } = exact.parse(body);
      const who = me(c);
      const scope = await scopeOf(c.w, who);
      for (const d of deletions) expect(scope).toContain(d.villageId);
      const mine = deletions.map((d) => d.recordId);
      if (c.caller === 'leader' || c.caller === 'officer') expect(mine).toContain(c.prep.value);
      else expect(mine).toEqual([]);
    },
  },
  {
    route: 'POST /api/deletions/:id/:action',
    name: 'POST /api/deletions/:id/restore',
    prepare: async ({ w }) => {
      const { recordId, deletionId } = await deletedHousehold(w);
      return { url: `/api/deletions/${deletionId}/restore`, value: recordId };
    },
    expect: guarded({
      ...leaders,
      leader: 200,
      leaderB: 'not_found',
      officer: 200,
      otherCommune: 'not_found',
    }),
    state: deletedFlag,
    changed: (after) => expect(after).toEqual(['false']),
    content: (body) => expect(body).toEqual({ ok: true }),
  },
  {
    route: 'POST /api/deletions/:id/:action',
    name: 'POST /api/deletions/:id/erase',
    prepare: async ({ w }) => {
      const { recordId, deletionId } = await deletedHousehold(w);
      return { url: `/api/deletions/${deletionId}/erase`, value: recordId };
    },
    expect: guarded({
      ...leaders,
      leader: 'forbidden',
      leaderB: 'forbidden',
      officer: 200,
      otherCommune: 'not_found',
    }),
    state: kept,
    // Erased: neither the name nor the kept records stay.
    changed: (after) => expect(after).toEqual(['erased empty']),
    content: (body) => expect(body).toEqual({ ok: true }),
  },
];
