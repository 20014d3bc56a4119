import type { FastifyInstance } from 'fastify';
import { createHlcClock } from '../../domain/hlc';
import {
  DEFAULT_PULL_LIMIT,
  pullQuerySchema,
  pushRequestSchema,
  type PullResponseWire,
  type PushResponseWire,
} from '../../protocol/sync';
import { parseInput } from '../http/validate';
import { pullPage } from '../sync/pull';
import { pushBatch } from '../sync/push';
import type { RouteDeps } from './deps';

/** POST /api/sync/push and GET /api/sync/pull (see src/server/sync). */
export function syncRoutes(app: FastifyInstance, deps: RouteDeps) {
  // The server's clock is only handed to devices so their next writes sort after what they saw.
  const clock = createHlcClock('server', deps.now);

  app.post('/api/sync/push', async (req) => {
    const auth = await deps.auth(req);
    const { ops } = parseInput(pushRequestSchema, req.body, { checkText: false });
    const results = await pushBatch(deps.store, auth, ops, deps.now(), clock);
    return { results, serverClock: clock.now() } satisfies PushResponseWire;
  });

  app.get('/api/sync/pull', async (req) => {
    const auth = await deps.auth(req);
    const q = parseInput(pullQuerySchema, req.query);
    const page = await pullPage(
      deps.store,
      auth,
      q.cursor,
      q.limit ?? DEFAULT_PULL_LIMIT,
      q.count === '1',
    );
    return { ...page, serverClock: clock.now() } satisfies PullResponseWire;
  });
}
