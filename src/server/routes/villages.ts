import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createVillageInputSchema, updateVillageInputSchema } from '../../protocol';
import type { AuthContext } from '../auth/context';
import { createVillage, listVillages, updateVillage } from '../accounts/villages';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';

export const idParamsSchema = z.object({ id: z.uuid() });

export function requireOfficer(ctx: AuthContext) {
  if (ctx.role !== 'officer') throw new HttpError('forbidden');
}

/** Villages: the officer defines them; leaders and volunteers read the ones they serve. */
export function villageRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/villages', async (req) => {
    const ctx = await deps.auth(req);
    const villages =
      ctx.role === 'officer'
        ? await listVillages(deps.store, ctx.communeCode, { includeArchived: true })
        : await listVillages(deps.store, ctx.communeCode, { ids: ctx.villageIds });
    return { villages };
  });

  app.post('/api/villages', async (req, reply) => {
    const ctx = await deps.auth(req);
    requireOfficer(ctx);
    const input = parseInput(createVillageInputSchema, req.body);
    const village = await createVillage(deps.store, ctx.communeCode, input);
    return reply.status(201).send({ village });
  });

  app.patch('/api/villages/:id', async (req) => {
    const ctx = await deps.auth(req);
    requireOfficer(ctx);
    const { id } = parseInput(idParamsSchema, req.params);
    const patch = parseInput(updateVillageInputSchema, req.body);
    return { village: await updateVillage(deps.store, ctx.communeCode, id, patch) };
  });
}
