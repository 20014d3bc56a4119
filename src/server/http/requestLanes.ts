import type { FastifyInstance, FastifyRequest } from 'fastify';
import { claimedToken } from '../auth/claimedToken';
import { runInLane, type Lane } from '../store/lanes';

/**
 * The lane a request starts in: the commune its token names (checked later; a forged token only
 * shares the turns of the commune it names), else its address (logins, setup, the health check).
 */
export function firstLane(req: FastifyRequest): Lane {
  const token = claimedToken(req);
  return { key: token ? `commune:${token.communeCode}` : `address:${req.ip}` };
}

/**
 * Runs each request in its lane, so the database takes turns between communes
 * (store/fairStore.ts). The lane is entered again before the handler: a body is read outside the
 * request's async context.
 */
export function registerLanes(app: FastifyInstance) {
  const laneOf = new WeakMap<object, Lane>();
  app.addHook('onRequest', (req, _reply, done) => {
    const lane = firstLane(req);
    laneOf.set(req, lane);
    runInLane(lane, done);
  });
  app.addHook('preHandler', (req, _reply, done) => {
    const lane = laneOf.get(req);
    if (lane) runInLane(lane, done);
    else done();
  });
}
