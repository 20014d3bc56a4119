import { FULL_COMMUNE, type CommuneSize } from '../../src/domain/generate';

/**
 * How big the bench runs. Full (the default): the commune of ARCHITECTURE.md's budgets, 200,000
 * records. `BENCH_SCALE=smoke`: every part on a few hundred records and one round, figures not
 * judged: `npm test` runs it (tests/bench/smoke.test.ts) so a change that breaks a part fails CI.
 */
export const SMOKE = process.env.BENCH_SCALE === 'smoke';

/** The generated commune every part measures on. */
export const COMMUNE_SIZE: CommuneSize = SMOKE
  ? { villages: 2, households: 120, people: 360, visits: 400 }
  : FULL_COMMUNE;

/** The households pushed and pulled by PouchDB and by our engine (syncVsPouch). */
export const POUCH_HOUSEHOLDS = SMOKE ? 200 : 20_000;

/** Simulated volunteers, and the window their work is spread over (load). */
export const LOAD = SMOKE
  ? { volunteers: 20, windowMs: 5_000 }
  : { volunteers: 1000, windowMs: 60_000 };

/** Records written to raw IndexedDB (idbRows). */
export const IDB_ROWS = SMOKE ? 2_000 : 200_000;

/** The flooding volunteer's village, the unread pulls, the other commune's visits (fairness). */
export const FAIRNESS = SMOKE
  ? { households: 200, pulls: 20, visits: 2 }
  : { households: 20_000, pulls: 200, visits: 20 };
