import type { FastifyInstance } from 'fastify';
import { deviceOwner, listDevices, revokeDevice } from '../accounts/devices';
import { canSeeDevicesOf } from '../accounts/scope';
import { getUser, listUsers } from '../accounts/users';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';
import { idParamsSchema, SMALL_BODY_LIMIT } from './villages';

/**
 * Devices: own ones; a leader also those of the volunteers the leader manages (scope.ts: every
 * village of theirs is the leader's); the officer the whole commune's.
 */
export function deviceRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/devices', async (req) => {
    const ctx = await deps.auth(req);
    const userIds =
      ctx.role === 'officer'
        ? undefined
        : ctx.role === 'volunteer'
          ? [ctx.userId]
          : (await listUsers(deps.store, ctx.communeCode))
              .filter((u) => canSeeDevicesOf(ctx, u))
              .map((u) => u.id);
    return { devices: await listDevices(deps.store, ctx.communeCode, ctx.deviceId, userIds) };
  });

  app.post('/api/devices/:id/revoke', { bodyLimit: SMALL_BODY_LIMIT }, async (req) => {
    const ctx = await deps.auth(req);
    const { id } = parseInput(idParamsSchema, req.params);
    const owner = await deviceOwner(deps.store, ctx.communeCode, id);
    if (!owner) throw new HttpError('not_found');
    const user = await getUser(deps.store, ctx.communeCode, owner.userId);
    if (!user || !canSeeDevicesOf(ctx, user)) throw new HttpError('out_of_scope');
    await revokeDevice(deps.store, ctx.communeCode, id, ctx.userId, deps.now());
    return { ok: true as const };
  });
}
