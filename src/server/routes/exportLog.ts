import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  exportLogQuerySchema,
  exportPushSchema,
  type exportLogSchema,
  type okSchema,
} from '../../protocol';
import { listExports, recordExports } from '../exportLog/exportLog';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';

/**
 * "Nhật ký xuất dữ liệu": phones send the reports and lists they exported or printed
 * (`POST /api/exports`, any signed-in account); the commune's officer reads them
 * (`GET /api/exports`).
 */
export function exportLogRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.post('/api/exports', { bodyLimit: 64 * 1024 }, async (req) => {
    const auth = await deps.auth(req);
    const { events } = parseInput(exportPushSchema, req.body);
    await recordExports(deps.store, auth, events, deps.now());
    return { ok: true } satisfies z.infer<typeof okSchema>;
  });

  app.get('/api/exports', async (req) => {
    const auth = await deps.auth(req);
    const query = parseInput(exportLogQuerySchema, req.query);
    return (await listExports(deps.store, auth, query)) satisfies z.infer<typeof exportLogSchema>;
  });
}
