/**
 * The build before a change, for A/B figures in one bench run (`BENCH_BASELINE=<git ref>`): the
 * ref is checked out beside the repository (a detached `git worktree` under .tmp, sharing this
 * checkout's node_modules) and built by its own Vite config into its own static folder, which the
 * device bench serves in turn with today's build. Its own bench scripts (search.ts, dashboard.ts)
 * run from there too, so each side measures its own code.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, symlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export interface Baseline {
  ref: string;
  /** The commit the ref names (short). */
  commit: string;
  /** Its source tree. */
  src: string;
  /** Its production build. */
  staticDir: string;
}

export async function prepareBaseline(ref: string): Promise<Baseline> {
  const commit = (
    await run('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root })
  ).stdout.trim();
  const src = path.join(root, '.tmp', `baseline-${commit}`);
  const staticDir = path.join(root, '.tmp', `dist-baseline-${commit}`);
  if (!existsSync(path.join(src, 'package.json'))) {
    await rm(src, { recursive: true, force: true });
    await run('git', ['worktree', 'prune'], { cwd: root });
    await run('git', ['worktree', 'add', '--detach', src, commit], { cwd: root });
    await symlink(path.join(root, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  }
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    await run('npx', ['vite', 'build', '--outDir', staticDir, '--emptyOutDir'], {
      cwd: src,
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 64 * 2 ** 20,
    });
  }
  return { ref, commit, src, staticDir };
}

/**
 * Marks a build as newer than today's sources, so the product's start (scripts/start.mjs, which
 * rebuilds STATIC_DIR when the sources are newer) serves it as it is instead of building today's
 * code over it.
 */
export async function keepBuild(staticDir: string): Promise<void> {
  const now = new Date();
  await utimes(path.join(staticDir, 'index.html'), now, now);
}

/** Runs a bench script of a source tree (this checkout or a baseline's) in its own process. */
export async function runScript(
  cwd: string,
  script: string,
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  const { stdout } = await run('npx', ['tsx', script], {
    cwd,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 2 ** 20,
    timeout: 30 * 60_000,
  });
  return stdout;
}

/** This checkout's source tree. */
export const ROOT = root;
