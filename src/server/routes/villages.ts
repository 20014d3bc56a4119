import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createVillageInputSchema, updateVillageInputSchema } from '../../protocol';
import type { AuthContext } from '../auth/context';
import { createVillage, listVillages, updateVillage } from '../accounts/villages';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';

export const idParamsSchema = z.object({ id: z.uuid() });

/**
 * The body limit of every account route (setup, login, password, users, villages, devices): their
 * bodies are a few names, so a bigger one is refused (413 `payload_too_large`) before it is read
 * or parsed, and a megabyte of JSON keys costs the server nothing. Only sync push takes more.
 */
export const SMALL_BODY_LIMIT = 16 * 1024;

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

  app.post('/api/villages', { bodyLimit: SMALL_BODY_LIMIT }, async (req, reply) => {
    const ctx = await deps.auth(req);
    requireOfficer(ctx);
    const input = parseInput(createVillageInputSchema, req.body);
    const village = await createVillage(deps.store, ctx.communeCode, input);
    return reply.status(201).send({ village });
  });

  app.patch('/api/villages/:id', { bodyLimit: SMALL_BODY_LIMIT }, async (req) => {
    const ctx = await deps.auth(req);
    requireOfficer(ctx);
    const { id } = parseInput(idParamsSchema, req.params);
    const patch = parseInput(updateVillageInputSchema, req.body);
    return { village: await updateVillage(deps.store, ctx.communeCode, id, patch) };
  });
}
