import { writeFileSync } from 'node:fs';
import { EMPTY_TALLY, RESULTS_FILE } from './tally';

export function setup() {
  writeFileSync(RESULTS_FILE, JSON.stringify(EMPTY_TALLY, null, 2) + '\n');
}

// The summary line is printed by tests/support/summaryReporter.ts, just before the final count.
