import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The figures `npm run test:reliability` reports, summed over every reliability test file. */
export interface Tally {
  badInputs: number;
  crashes: number;
  unexpectedStatus: number;
  faultsInjected: number;
  lostWrites: number;
  duplicates: number;
  divergentDevices: number;
}

export const RESULTS_FILE = path.resolve(import.meta.dirname, '../../reliability-results.json');

export const EMPTY_TALLY: Tally = {
  badInputs: 0,
  crashes: 0,
  unexpectedStatus: 0,
  faultsInjected: 0,
  lostWrites: 0,
  duplicates: 0,
  divergentDevices: 0,
};

/** "full" for `npm run test:reliability`, "short" (under 3 minutes) inside `npm test`. */
export const SCALE = process.env.RELIABILITY_SCALE === 'full' ? 'full' : 'short';
export const scaled = (short: number, full: number) => (SCALE === 'full' ? full : short);

export function readTally(): Tally {
  if (!existsSync(RESULTS_FILE)) return { ...EMPTY_TALLY };
  return { ...EMPTY_TALLY, ...(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Partial<Tally>) };
}

/** Adds one test's counts to the run's totals (test files run one after another). */
export function addToTally(part: Partial<Tally>) {
  const t = readTally();
  for (const key of Object.keys(EMPTY_TALLY) as (keyof Tally)[]) t[key] += part[key] ?? 0;
  writeFileSync(RESULTS_FILE, JSON.stringify(t, null, 2) + '\n');
}
