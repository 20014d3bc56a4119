import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DEFAULT_PULL_LIMIT,
  pullQuerySchema,
  pushRequestSchema,
  type PullResponseWire,
  type PushResponseWire,
} from '../../protocol/sync';
import { inFlightLimit } from '../http/inFlight';
import { createHash } from 'node:crypto';
import { claimedToken } from '../auth/claimedToken';
import type { ParsedToken } from '../auth/tokens';
import { parseInput } from '../http/validate';
import { pullPage } from '../sync/pull';
import { pushBatch } from '../sync/push';
import type { AuthContext } from '../auth/context';
import type { RouteDeps } from './deps';

export const PULLS_IN_FLIGHT = { perDevice: 2, perUser: 2, perCommune: 8 };

/** POST /api/sync/push and GET /api/sync/pull (see src/server/sync). */
export function syncRoutes(app: FastifyInstance, deps: RouteDeps) {
  // Each commune's clock is handed to its devices so their next writes sort after what they saw;
  // one commune's phones can never move another's (communeClocks.ts).
  const { clocks } = deps;

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

  // A phone syncs one page at a time. A device may have two pulls under way, refused before its
  // token is even looked up (a flood from one token costs no database work); an account two (its
  // phones), a commune eight: a share of the server, however many requests anyone opens. The
  // commune's places bound the work of making pages and are given back once the page is made; a
  // device's and an account's are held until the answer is sent, so accounts that read their
  // answers slowly hold only their own places, never their commune's.
  const byDevice = inFlightLimit(PULLS_IN_FLIGHT.perDevice);
  const byUser = inFlightLimit(PULLS_IN_FLIGHT.perUser);
  const byCommune = inFlightLimit(PULLS_IN_FLIGHT.perCommune);
  const onPullRequest = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = claimedToken(req);
    // Keyed by the whole token (its digest), not the device it names: a forged token with a real
    // device's id holds only its own places, never that phone's.
    if (token) byDevice.enter(reply, tokenDigest(token));
  };
  app.get('/api/sync/pull', { onRequest: onPullRequest }, async (req, reply) => {
    const auth = await deps.auth(req);
    byUser.enter(reply, `${auth.communeCode}/${auth.userId}`);
    const leaveCommune = byCommune.enter(reply, auth.communeCode);
    const q = parseInput(pullQuerySchema, req.query);
    const page = await pullPage(
      deps.store,
      auth,
      q.cursor,
      q.limit ?? DEFAULT_PULL_LIMIT,
      q.count === '1',
    ).finally(leaveCommune);
    return { ...page, serverClock: clocks.of(auth.communeCode).now() } satisfies PullResponseWire;
  });
}

/** What identifies a claimed token in memory without keeping its secret. */
const tokenDigest = (t: ParsedToken) =>
  createHash('sha256').update(`${t.communeCode}.${t.deviceId}.${t.secret}`).digest('base64url');
