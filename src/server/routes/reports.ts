import type { FastifyInstance } from 'fastify';
import { vietnamDay } from '../../domain/calendar';
import { buildReport } from '../../domain/report';
import { viewDataFromRecords, type RecordLike } from '../../domain/reportData';
import { monthPeriod, quarterPeriod } from '../../domain/reportPeriods';
import type { Scope } from '../../domain/reportScope';
import { targetOverrides } from '../../domain/targetRecords';
import { reportQuerySchema, type ReportResponse } from '../../protocol/reports';
import type { AuthContext } from '../auth/context';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { Sql } from '../store/store';
import type { RouteDeps } from './deps';

const REPORT_ENTITIES = ['household', 'member', 'visit', 'mentorship', 'trader', 'target'];

/** Officer: the commune or one village; leader: their villages or one of them; volunteer: none. */
function reportScope(ctx: AuthContext, villageId: string | undefined): Scope {
  if (ctx.role === 'volunteer') throw new HttpError('forbidden');
  if (villageId !== undefined) {
    if (!ctx.villageIds.includes(villageId)) throw new HttpError('out_of_scope');
    return { villageIds: [villageId] };
  }
  return ctx.role === 'officer' ? 'commune' : { villageIds: ctx.villageIds };
}

/**
 * The records the caller's own device holds (officer: the commune; leader: their villages; plus
 * commune-wide targets), so the server's report equals the one the device computes.
 */
async function loadRecords(sql: Sql, ctx: AuthContext): Promise<RecordLike[]> {
  const villages = ctx.role === 'officer' ? null : ctx.villageIds;
  const rows = await sql.query<Omit<RecordLike, 'village'> & { village: string | null }>(
    `SELECT entity, id::text AS id, village_id::text AS village, data
       FROM records
      WHERE commune_code = $1 AND entity = ANY($2::text[])
        AND ($3::uuid[] IS NULL OR village_id IS NULL OR village_id = ANY($3::uuid[]))`,
    [ctx.communeCode, REPORT_ENTITIES, villages],
  );
  return rows;
}

/** GET /api/reports?kind=month|quarter&year=&period=[&villageId=] */
export function reportRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/reports', async (req) => {
    const ctx = await deps.auth(req);
    const q = parseInput(reportQuerySchema, req.query);
    const scope = reportScope(ctx, q.villageId);
    const period =
      q.kind === 'month' ? monthPeriod(q.year, q.period) : quarterPeriod(q.year, q.period);
    const data = viewDataFromRecords(await loadRecords(deps.store, ctx));
    const report = buildReport(data, period, scope, {
      targets: targetOverrides(data.targets, q.year),
      today: vietnamDay(deps.now()),
    });
    return { report } satisfies ReportResponse;
  });
}
