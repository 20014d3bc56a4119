import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_PULL_LIMIT,
  pullQuerySchema,
  pushRequestSchema,
  type PullResponseWire,
  type PushResponseWire,
} from '../../protocol/sync';
import { parseInput } from '../http/validate';
import { pullPage } from '../sync/pull';
import { createCommuneClocks } from '../sync/communeClocks';
import { pushBatch } from '../sync/push';
import type { AuthContext } from '../auth/context';
import type { RouteDeps } from './deps';

/** POST /api/sync/push and GET /api/sync/pull (see src/server/sync). */
export function syncRoutes(app: FastifyInstance, deps: RouteDeps) {
  // Each commune's clock is handed to its devices so their next writes sort after what they saw;
  // one commune's phones can never move another's (communeClocks.ts).
  const clocks = createCommuneClocks(deps.now);

  // The token is checked as soon as the headers arrive, before a body of up to 4 MB is read and
  // parsed: a client without a valid token costs the server nothing more.
  const pushers = new WeakMap<object, AuthContext>();
  const onRequest = async (req: FastifyRequest) => {
    pushers.set(req, await deps.auth(req));
  };
  app.post('/api/sync/push', { onRequest }, async (req) => {
    const auth = pushers.get(req) ?? (await deps.auth(req));
    const { ops, sentAt } = parseInput(pushRequestSchema, req.body, { checkText: false });
    const results = await pushBatch(deps.store, auth, { ops, nowMs: deps.now(), sentAt }, clocks);
    return { results, serverClock: clocks.of(auth.communeCode).now() } satisfies PushResponseWire;
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
    return { ...page, serverClock: clocks.of(auth.communeCode).now() } satisfies PullResponseWire;
  });
}
