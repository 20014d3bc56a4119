import { existsSync, statSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { readTally, RESULTS_FILE, SCALE } from '../reliability/tally';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Ends the run with the ten slowest test files, the wall time (of the whole `npm test` when
 * scripts/test.mjs started it: TEST_STARTED_AT, and its steps before vitest: TEST_STEPS), and one
 * plain line, "Tests: N passed, N failed, N skipped", that CI reads.
 */
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

  private printTimes(testModules: ReadonlyArray<TestModule>) {
    const slowest = testModules
      .map((m) => ({
        file: m.relativeModuleId,
        project: m.project.name,
        ms: m.diagnostic().duration,
      }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    process.stdout.write('\nSlowest test files:\n');
    for (const f of slowest)
      process.stdout.write(`  ${seconds(f.ms).padStart(8)}  ${f.project.padEnd(11)} ${f.file}\n`);
    const now = Date.now();
    const vitest = `vitest ${seconds(now - this.startedAt)}`;
    const began = Number(process.env.TEST_STARTED_AT);
    if (!began) {
      process.stdout.write(`Wall time: ${vitest}\n`);
      return;
    }
    const steps = JSON.parse(process.env.TEST_STEPS ?? '[]') as [string, number][];
    const parts = [...steps.map(([name, ms]) => `${name} ${seconds(ms)}`), vitest];
    process.stdout.write(`Wall time of npm test: ${seconds(now - began)} (${parts.join(', ')})\n`);
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
    this.printTimes(testModules);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
