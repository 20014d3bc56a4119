import { existsSync, statSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { readTally, RESULTS_FILE, SCALE } from '../reliability/tally';

/** Ends the run with one plain line, "Tests: N passed, N failed, N skipped", that CI reads. */
export default class SummaryReporter implements Reporter {
  private readonly startedAt = Date.now();

  /** The reliability suite's figures, when it ran in this run. */
  private printReliability() {
    if (!existsSync(RESULTS_FILE) || statSync(RESULTS_FILE).mtimeMs < this.startedAt) return;
    const t = readTally();
    process.stdout.write(
      `\nReliability (${SCALE}): ${t.badInputs} bad inputs, ${t.crashes} crashes, ` +
        `${t.unexpectedStatus} unexpected statuses, ${t.faultsInjected} faults injected, ${t.lostWrites} lost writes, ` +
        `${t.duplicates} duplicates, ${t.divergentDevices} divergent devices (reliability-results.json)\n`,
    );
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed outside its tests (a hook, an import) counts as one failure.
      const testFailed = [...mod.children.allTests()].some((t) => t.result().state === 'failed');
      if (mod.state() === 'failed' && !testFailed) failed++;
    }
    this.printReliability();
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
