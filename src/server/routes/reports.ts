import type { FastifyInstance } from 'fastify';
import type { Scope } from '../../domain/reportScope';
import { reportQuerySchema, type ReportResponse } from '../../protocol/reports';
import type { AuthContext } from '../auth/context';
import { claimedToken } from '../auth/claimedToken';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import { createReportService } from '../reports/reportService';
import type { RouteDeps } from './deps';

/** Reports one device may ask for in a minute: a leader looks at a few; a script asks thousands. */
export const REPORTS_PER_MINUTE = 20;

/** Officer: the commune or one village; leader: their villages or one of them; volunteer: none. */
function reportScope(ctx: AuthContext, villageId: string | undefined): Scope {
  if (ctx.role === 'volunteer') throw new HttpError('forbidden');
  if (villageId !== undefined) {
    if (!ctx.villageIds.includes(villageId)) throw new HttpError('out_of_scope');
    return { villageIds: [villageId] };
  }
  return ctx.role === 'officer' ? 'commune' : { villageIds: ctx.villageIds };
}

/** GET /api/reports?kind=month|quarter&year=&period=[&villageId=] */
export function reportRoutes(app: FastifyInstance, deps: RouteDeps) {
  const reports = createReportService(deps.store, deps.now);
  app.get(
    '/api/reports',
    {
      config: {
        rateLimit: {
          max: REPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          // By the device the token names (checked next), else by address.
          keyGenerator: (req) => {
            const token = claimedToken(req);
            return token ? `device:${token.communeCode}/${token.deviceId}` : `address:${req.ip}`;
          },
        },
      },
    },
    async (req) => {
      const ctx = await deps.auth(req);
      const q = parseInput(reportQuerySchema, req.query);
      const report = await reports.report(ctx, q, reportScope(ctx, q.villageId));
      return { report } satisfies ReportResponse;
    },
  );
}
