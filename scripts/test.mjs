// `npm test`: every check and every test, as CI runs them. Typecheck and lint run side by side
// (each mostly uses one core), then the production build the browser tests load, then vitest.
// The run ends with its wall time (and vitest's ten slowest files), then the line CI reads:
// "Tests: N passed, N failed, N skipped" (tests/support/summaryReporter.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules', '.bin');

const startedAt = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const steps = [];

/** Runs a command of node_modules/.bin; its output is printed when it ends, so two at once do not interleave. */
function run(name, [command, ...args], { live = false } = {}) {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        TEST_STARTED_AT: String(startedAt),
        TEST_STEPS: JSON.stringify(steps),
      },
    });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code) => {
      steps.push([name, Date.now() - began]);
      if (!live) process.stdout.write(`\n> ${name}\n${out}`);
      resolve(code ?? 1);
    });
  });
}

const fail = (code) => {
  process.stdout.write(`\nnpm test stopped after ${seconds(Date.now() - startedAt)}\n`);
  process.exit(code);
};

const [typecheck, lint] = await Promise.all([
  run('typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  run('lint', ['sh', '-c', 'eslint --max-warnings 0 . && prettier --check --log-level warn .']),
]);
if (typecheck !== 0) fail(typecheck);
if (lint !== 0) fail(lint);
const build = await run('build', ['vite', 'build']);
if (build !== 0) fail(build);
process.exit(await run('vitest', ['vitest', 'run', ...process.argv.slice(2)], { live: true }));
