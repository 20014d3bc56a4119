import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RESTORE_WINDOW_MS } from '../../domain/deletionLimit';
import {
  deletionActionSchema,
  deletionQuerySchema,
  type okSchema,
  type Deletion,
} from '../../protocol';
import { listDeletions } from '../deletions/deletionRows';
import { settleDeletion } from '../deletions/settleDeletion';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';
import { SMALL_BODY_LIMIT } from './villages';

const actionParamsSchema = z.strictObject({ id: z.uuid(), action: deletionActionSchema });

/**
 * "Đã xóa gần đây": a leader sees who deleted what in the leader's villages (the officer: the
 * commune's) for 30 days, restores it, and confirms or dismisses a volunteer's held deletes.
 */
export function deletionRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/deletions', async (req) => {
    const auth = await deps.auth(req);
    const { by } = parseInput(deletionQuerySchema, req.query);
    const since = deps.now() - RESTORE_WINDOW_MS;
    return { deletions: await listDeletions(deps.store, auth, since, by) } satisfies {
      deletions: Deletion[];
    };
  });

  app.post('/api/deletions/:id/:action', { bodyLimit: SMALL_BODY_LIMIT }, async (req) => {
    const auth = await deps.auth(req);
    const { id, action } = parseInput(actionParamsSchema, req.params);
    await settleDeletion(deps.store, auth, id, action, deps.clocks, deps.now());
    return { ok: true } satisfies z.infer<typeof okSchema>;
  });
}
