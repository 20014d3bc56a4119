import { expect } from 'vitest';
import { z } from 'zod';
import { exportLogEntrySchema } from '../../src/protocol';
import { bearer } from '../support/accounts';
import { uuid } from '../support/sync';
import { guarded, type Case, type Row } from './authzMatrixRows';
import { USERNAME, type World } from './authzMatrixWorld';

/** The rows of "Nhật ký xuất dữ liệu": every account sends its exports; the officer reads them. */

const event = (w: World) => ({
  id: uuid(),
  kind: 'stickers_print',
  what: 'Tem QR Thôn Đông',
  villageId: w.dong,
  names: true,
  at: w.t.clock.now,
});

const stored = (c: Case) =>
  c.w.t.store
    .query<{ v: unknown }>(
      "SELECT concat_ws(' ', commune_code, user_id) AS v FROM export_log WHERE id = $1",
      [c.prep.value],
    )
    .then((rows) => rows.map((r) => r.v));

export const EXPORT_LOG_ROWS: Row[] = [
  {
    route: 'GET /api/exports',
    name: 'GET /api/exports',
    prepare: async ({ w }) => {
      const e = event(w);
      const res = await w.t.app.inject({
        method: 'POST',
        url: '/api/exports',
        headers: bearer(w.a.tokens[USERNAME.officer] as string),
        payload: { events: [e] },
      });
      expect(res.statusCode).toBe(200);
      return { url: '/api/exports', value: e.id };
    },
    expect: guarded({
      volunteer: 'forbidden',
      volunteerB: 'forbidden',
      leader: 'forbidden',
      leaderB: 'forbidden',
      officer: 200,
      otherCommune: 200,
    }),
    content: (body, c) => {
      const exact = z.strictObject({
        entries: z.array(z.strictObject(exportLogEntrySchema.shape)),
        next: z.string().nullable(),
      });
      const ids = exact.parse(body).entries.map((e) => e.id);
      if (c.caller === 'officer') expect(ids).toContain(c.prep.value);
      else expect(ids).toEqual([]);
    },
  },
  {
    route: 'POST /api/exports',
    name: 'POST /api/exports (a print of Thôn Đông)',
    prepare: ({ w }) => {
      const e = event(w);
      return { url: '/api/exports', payload: { events: [e] }, value: e.id };
    },
    expect: guarded({
      volunteer: 200,
      volunteerB: 'out_of_scope',
      leader: 200,
      leaderB: 'out_of_scope',
      officer: 200,
      otherCommune: 'out_of_scope',
    }),
    state: stored,
    // Kept once, in the caller's commune, as the caller's.
    changed: (after, c) => {
      expect(after).toHaveLength(1);
      expect(String((after as unknown[])[0])).toContain(c.w.a.communeCode);
    },
    content: (body) => expect(body).toEqual({ ok: true }),
  },
];
