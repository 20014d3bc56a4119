import { vietnamDay } from '../../domain/calendar';
import { buildReport, type Report } from '../../domain/report';
import { viewDataFromRecords, type RecordLike, type ViewData } from '../../domain/reportData';
import { monthPeriod, quarterPeriod } from '../../domain/reportPeriods';
import type { Scope } from '../../domain/reportScope';
import { targetOverrides } from '../../domain/targetRecords';
import type { ReportQuery } from '../../protocol/reports';
import type { AuthContext } from '../auth/context';
import type { Sql } from '../store/store';

const REPORT_ENTITIES = ['household', 'member', 'visit', 'mentorship', 'trader', 'target'];

/** Reports kept, at most: each is a few kilobytes. */
const KEPT_REPORTS = 500;

/**
 * Reports that cost little. A report is built from a commune's records as they stand at one
 * position of its change counter (sync_counters): asked again at the same position, the same
 * report is answered from memory (one tiny query, not a read of every record); asked by many at
 * once, it is built once (they wait for the same one); different periods asked at once share one
 * read of the records; and a commune builds one report at a time, so one leader's burst queues
 * behind itself while the database takes turns with other communes (store/fairStore.ts).
 */
export function createReportService(sql: Sql, now: () => number) {
  const kept = new Map<string, Report>();
  const building = new Map<string, Promise<Report>>();
  const reading = new Map<string, { load: () => Promise<ViewData>; users: number }>();
  const communeTurn = new Map<string, Promise<unknown>>();

  /** Runs fn after the commune's previous report work (one at a time per commune). */
  function inTurn<T>(commune: string, fn: () => Promise<T>): Promise<T> {
    const before = communeTurn.get(commune) ?? Promise.resolve();
    const mine = before.then(fn, fn);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    communeTurn.set(commune, settled);
    void settled.then(() => {
      if (communeTurn.get(commune) === settled) communeTurn.delete(commune);
    });
    return mine;
  }

  async function position(commune: string): Promise<number> {
    const [row] = await sql.query<{ seq: number }>(
      'SELECT seq::float8 AS seq FROM sync_counters WHERE commune_code = $1',
      [commune],
    );
    return row?.seq ?? 0;
  }

  /**
   * The records the caller's own device holds (officer: the commune; leader: their villages; plus
   * commune-wide targets), so the server's report equals the one the device computes. One read per
   * commune position and villages, kept while a report waiting for it is still to be built.
   */
  function records(
    ctx: AuthContext,
    at: number,
  ): { data: () => Promise<ViewData>; done: () => void } {
    const villages = ctx.role === 'officer' ? null : [...ctx.villageIds].sort();
    const key = `${ctx.communeCode}@${at}/${villages?.join(',') ?? '*'}`;
    let read = reading.get(key);
    if (!read) {
      // Read on first need, in a report's turn: a commune never has two reads under way.
      let data: Promise<ViewData> | undefined;
      const load = () =>
        (data ??= sql
          .query<Omit<RecordLike, 'village'> & { village: string | null }>(
            `SELECT entity, id::text AS id, village_id::text AS village, data
               FROM records
              WHERE commune_code = $1 AND entity = ANY($2::text[])
                AND ($3::uuid[] IS NULL OR village_id IS NULL OR village_id = ANY($3::uuid[]))`,
            [ctx.communeCode, REPORT_ENTITIES, villages],
          )
          .then(viewDataFromRecords));
      read = { load, users: 0 };
      reading.set(key, read);
    }
    const held = read;
    held.users++;
    return {
      data: held.load,
      done: () => {
        if (--held.users === 0 && reading.get(key) === held) reading.delete(key);
      },
    };
  }

  return {
    async report(ctx: AuthContext, q: ReportQuery, scope: Scope): Promise<Report> {
      const at = await position(ctx.communeCode);
      const today = vietnamDay(now());
      const villages = ctx.role === 'officer' ? '*' : [...ctx.villageIds].sort().join(',');
      const scopeKey = scope === 'commune' ? 'commune' : [...scope.villageIds].sort().join(',');
      const key = [ctx.communeCode, at, villages, scopeKey, q.kind, q.year, q.period, today].join(
        '|',
      );
      const done = kept.get(key);
      if (done) return done;
      const pending = building.get(key);
      if (pending) return pending;
      // Taken now (read in the first turn that needs it), so reports of other periods asked
      // meanwhile share that one read.
      const read = records(ctx, at);
      const build = inTurn(ctx.communeCode, async () => {
        const view = await read.data();
        const period =
          q.kind === 'month' ? monthPeriod(q.year, q.period) : quarterPeriod(q.year, q.period);
        return buildReport(view, period, scope, {
          targets: targetOverrides(view.targets, q.year),
          today,
        });
      })
        .then((report) => {
          kept.set(key, report);
          if (kept.size > KEPT_REPORTS) kept.delete(kept.keys().next().value as string);
          return report;
        })
        .finally(() => {
          read.done();
          building.delete(key);
        });
      building.set(key, build);
      return build;
    },
  };
}
