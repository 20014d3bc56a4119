import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { encodeHlc } from '../../src/domain/hlc';
import { uuidv7 } from '../../src/domain/ids';
import type { Op } from '../../src/domain/ops';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushResponse,
} from '../../src/protocol/sync';
import { bearer } from './accounts';

export const uuid = () => uuidv7(Date.now(), (n) => new Uint8Array(randomBytes(n)));

/** A clock at `ms` (default: now) from node `node`. */
export const clockAt = (ms = Date.now(), node = 'a', counter = 0) =>
  encodeHlc({ ms, counter, node });

export function op(
  entity: string,
  id: string,
  fields: Record<string, unknown>,
  clock = clockAt(),
): Op {
  return { opId: uuid(), entity, id, fields, clock };
}

/** Calls the sync API of an in-process app as one device. */
export function syncApi(app: FastifyInstance, token: string) {
  return {
    async push(ops: Op[]): Promise<PushResponse> {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(token),
        payload: { ops },
      });
      if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body}`);
      return pushResponseSchema.parse(res.json());
    },
    async pull(cursor?: string, limit?: number): Promise<PullResponse> {
      const q = new URLSearchParams();
      if (cursor) q.set('cursor', cursor);
      if (limit) q.set('limit', String(limit));
      const res = await app.inject({
        method: 'GET',
        url: `/api/sync/pull?${q}`,
        headers: bearer(token),
      });
      if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
      return pullResponseSchema.parse(res.json());
    },
    /** Pulls every page; returns the records (last version of each) and the final cursor. */
    async pullAll(cursor?: string, limit?: number) {
      const records = new Map<string, PullResponse['records'][number]>();
      let page: PullResponse;
      let next = cursor;
      do {
        page = await this.pull(next, limit);
        for (const r of page.records) records.set(`${r.entity}:${r.id}`, r);
        next = page.cursor;
      } while (page.hasMore);
      return { records, cursor: next, scope: page.scope };
    },
  };
}
