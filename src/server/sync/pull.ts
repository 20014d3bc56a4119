import { compactClocks } from '../../domain/recordClocks';
import type { PullResponseWire, SyncRecord } from '../../protocol/sync';
import type { AuthContext } from '../auth/context';
import type { Sql } from '../store/store';
import { COMMUNE_WIDE_KEY, decodeCursor, encodeCursor, type Cursor } from './cursor';

interface Row {
  entity: SyncRecord['entity'];
  id: string;
  village_id: string | null;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  seq: number;
}

/**
 * One page of the changes after the cursor, within the caller's villages (plus commune-wide
 * records), in commune seq order. Each village is read from its own index range, so a village
 * just added to the scope starts from 0 while the others continue where they were.
 *
 * Why no change is skipped: seqs become visible in increasing order (see push.ts), and the page
 * is the globally smallest seqs above each village's position; so every change with a seq up to
 * the page's last one has been served, and all positions may advance to it.
 */
export async function pullPage(
  sql: Sql,
  auth: AuthContext,
  cursorText: string | undefined,
  limit: number,
  withCount: boolean,
): Promise<Omit<PullResponseWire, 'serverClock'>> {
  const old = decodeCursor(cursorText);
  const villages = [...auth.villageIds].sort();
  const from = (key: string) => old.get(key) ?? 0;
  const params = [auth.communeCode, from(COMMUNE_WIDE_KEY), villages, villages.map(from)] as const;
  // The page is picked on positions alone: each village offers up to `limit` seqs, read from the
  // (commune, village, seq) index (index-only once vacuumed), and only the chosen rows are read.
  const seqs = await sql.query<{ seq: number }>(
    `SELECT seq::float8 AS seq
       FROM ((SELECT seq FROM records
               WHERE commune_code = $1 AND village_id IS NULL AND seq > $2
               ORDER BY seq LIMIT $5)
             UNION ALL
             SELECT k.seq FROM unnest($3::uuid[], $4::bigint[]) AS c(vid, s)
               CROSS JOIN LATERAL (SELECT seq FROM records
                                    WHERE commune_code = $1 AND village_id = c.vid AND seq > c.s
                                    ORDER BY seq LIMIT $5) k) x
      ORDER BY seq LIMIT $5`,
    [...params, limit + 1],
  );
  const left = await departuresAfter(
    sql,
    auth.communeCode,
    villages,
    villages.map(from),
    limit + 1,
  );
  const { departures, hasMore, last } = cutPage(
    seqs.map((r) => r.seq),
    left,
    limit,
  );
  const records = await rowsUpTo(sql, auth.communeCode, villages, seqs, last);

  const next: Cursor = new Map();
  for (const key of [COMMUNE_WIDE_KEY, ...villages]) {
    next.set(key, last === undefined ? from(key) : Math.max(from(key), last));
  }

  let remaining: number | undefined;
  if (withCount) {
    const [c] = await sql.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM records
                  WHERE commune_code = $1 AND village_id IS NULL AND seq > $2)
             + (SELECT count(*) FROM unnest($3::uuid[], $4::bigint[]) AS c(vid, s)
                  JOIN records r ON r.commune_code = $1 AND r.village_id = c.vid AND r.seq > c.s))::int AS n`,
      params,
    );
    const [d] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($2::uuid[], $3::bigint[]) AS c(vid, s)
         JOIN record_departures d ON d.commune_code = $1 AND d.village_id = c.vid AND d.seq > c.s`,
      [auth.communeCode, villages, villages.map(from)],
    );
    remaining = Math.max(0, (c?.n ?? 0) + (d?.n ?? 0) - records.length - departures.length);
  }

  return {
    records: records.map((r) => ({
      entity: r.entity,
      id: r.id,
      villageId: r.village_id,
      data: r.data,
      ...compactClocks(r.data, r.clocks),
    })),
    cursor: encodeCursor(next),
    hasMore,
    scope: villages,
    ...(departures.length > 0
      ? { left: departures.map((d) => ({ entity: d.entity, id: d.id })) }
      : {}),
    ...(remaining === undefined ? {} : { remaining }),
  };
}

interface Departure {
  entity: SyncRecord['entity'];
  id: string;
  seq: number;
}

/** The first departures after each village's position (record_departures, cascade.ts). */
function departuresAfter(
  sql: Sql,
  commune: string,
  villages: string[],
  positions: number[],
  limit: number,
): Promise<Departure[]> {
  if (villages.length === 0) return Promise.resolve([]);
  return sql.query<Departure>(
    `SELECT d.entity, d.id::text AS id, d.seq::float8 AS seq
       FROM unnest($2::uuid[], $3::bigint[]) AS c(vid, s)
       CROSS JOIN LATERAL (SELECT entity, id, seq FROM record_departures
                            WHERE commune_code = $1 AND village_id = c.vid AND seq > c.s
                            ORDER BY seq LIMIT $4) d
      ORDER BY d.seq LIMIT $4`,
    [commune, villages, positions, limit],
  );
}

/**
 * The page: the first `limit` changes of both streams (records and departures) in seq order,
 * never cut between two changes of one seq (a move's record and its departure share it), so
 * the next page can start after the last seq served. Each stream was read `limit + 1` deep.
 */
export function cutPage(recordSeqs: number[], left: Departure[], limit: number) {
  const seqs = [...recordSeqs, ...left.map((d) => d.seq)].sort((a, b) => a - b);
  const cut = seqs.length > limit ? seqs[limit - 1] : seqs.at(-1);
  if (cut === undefined) return { departures: left, hasMore: false, last: cut };
  const departures = left.filter((d) => d.seq <= cut);
  const served = recordSeqs.filter((seq) => seq <= cut).length + departures.length;
  return { departures, hasMore: served < seqs.length, last: cut };
}

/** Rows read per statement: each slice is its own turn at the database (store/fairStore.ts). */
export const ROWS_PER_SLICE = 500;

/**
 * The page's records, by their seq (unique in a commune: migration 004), in slices: a page of
 * 5,000 is ten short statements, so another commune's statements take their turns between them
 * instead of waiting for the whole page (PGlite runs each on the server's one thread). The scope
 * test on the read rows is the last guard that nothing outside the caller's villages is served.
 */
async function rowsUpTo(
  sql: Sql,
  commune: string,
  villages: string[],
  seqs: { seq: number }[],
  last: number | undefined,
): Promise<Row[]> {
  const wanted = last === undefined ? [] : seqs.map((r) => r.seq).filter((seq) => seq <= last);
  const rows: Row[] = [];
  for (let i = 0; i < wanted.length; i += ROWS_PER_SLICE) {
    rows.push(
      ...(await sql.query<Row>(
        `SELECT entity, id::text AS id, village_id::text AS village_id, data, clocks,
                seq::float8 AS seq
           FROM records
          WHERE commune_code = $1 AND seq = ANY($2::bigint[])
            AND (village_id IS NULL OR village_id = ANY($3::uuid[]))
          ORDER BY seq`,
        [commune, wanted.slice(i, i + ROWS_PER_SLICE), villages],
      )),
    );
  }
  return rows;
}
