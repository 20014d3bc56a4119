/**
 * The generated commune (20,000 households, 80,000 people, 100,000 visits) as the server keeps it:
 * every household wears a sticker code, and all 200,000 records go straight into `records` with
 * their seq and the commune's sync_counters row, under villages with the generator's ids.
 */
import {
  generateCommune,
  seededRandom,
  type CommuneSize,
  type GeneratedCommune,
} from '../../src/domain/generate';
import { encodeHlc } from '../../src/domain/hlc';
import { generateHouseholdCode } from '../../src/domain/householdCode';
import type { Store } from '../../src/server/store/store';

export const BENCH_COMMUNE = '09988';
const BATCH = 5000;

export interface SeedRecord {
  entity: 'household' | 'member' | 'visit';
  id: string;
  villageId: string;
  data: Record<string, unknown>;
}

/** The generated commune with a sticker code on every household (deterministic for a seed). */
export function benchCommune(seed = 1, size?: CommuneSize): GeneratedCommune {
  const commune = generateCommune(seed, size);
  const rnd = seededRandom(seed + 7);
  const random = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 32));
  const taken = new Set<string>();
  for (const h of commune.households) {
    let code = generateHouseholdCode(BENCH_COMMUNE, random);
    while (taken.has(code)) code = generateHouseholdCode(BENCH_COMMUNE, random);
    taken.add(code);
    h.code = code;
  }
  return commune;
}

/** Every record of the commune as synced data (the id is the key, not a field). */
export function communeRecords(c: GeneratedCommune): SeedRecord[] {
  const strip = <T extends { id: string; villageId: string }>(
    entity: SeedRecord['entity'],
    row: T,
  ): SeedRecord => {
    const { id, ...data } = row;
    return { entity, id, villageId: row.villageId, data };
  };
  return [
    ...c.households.map((h) => strip('household', h)),
    ...c.members.map((m) => strip('member', m)),
    ...c.visits.map((v) => strip('visit', v)),
  ];
}

/** Inserts the villages, the records (one clock per field) and the counter. Returns the count. */
export async function seedCommune(store: Store, c: GeneratedCommune): Promise<number> {
  const clock = encodeHlc({ ms: Date.now() - 60_000, counter: 0, node: 'seed' });
  for (const v of c.villages) {
    await store.query(
      `INSERT INTO villages (commune_code, id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [BENCH_COMMUNE, v.id, v.name],
    );
  }
  const records = communeRecords(c);
  for (let i = 0; i < records.length; i += BATCH) {
    const rows = records.slice(i, i + BATCH).map((r, k) => ({
      entity: r.entity,
      id: r.id,
      village_id: r.villageId,
      data: r.data,
      clocks: Object.fromEntries(Object.keys(r.data).map((f) => [f, clock])),
      seq: i + k + 1,
    }));
    await store.query(
      `INSERT INTO records (commune_code, entity, id, village_id, data, clocks, seq)
       SELECT $1, x.entity, x.id, x.village_id, x.data, x.clocks, x.seq
         FROM jsonb_to_recordset($2::jsonb)
           AS x(entity text, id uuid, village_id uuid, data jsonb, clocks jsonb, seq bigint)`,
      [BENCH_COMMUNE, JSON.stringify(rows)],
    );
  }
  await store.query(
    `INSERT INTO sync_counters (commune_code, seq) VALUES ($1, $2)
     ON CONFLICT (commune_code) DO UPDATE SET seq = EXCLUDED.seq`,
    [BENCH_COMMUNE, records.length],
  );
  // What autovacuum does to a server's table within a minute of such a load: pull pages pick their
  // rows from index-only scans, which need the table's visibility map (sync/pull.ts).
  await store.exec('VACUUM (ANALYZE) records');
  return records.length;
}
