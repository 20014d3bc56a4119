import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Graceful stop (SIGTERM); `keepData` leaves the data folder for a restart. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  kill(): Promise<void>;
  logs(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the whole product exactly as `npm start` does, on a free port with its own data folder.
 * Under vitest that folder starts as a copy of a migrated, empty PGlite folder made once per run
 * (tests/support/productTemplate.ts), unless `fresh` asks for an empty one.
 */
export async function startProduct(
  opts: { env?: NodeJS.ProcessEnv; dataDir?: string; port?: number; fresh?: boolean } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tn-e2e-')));
  const template = process.env.TN_PGLITE_TEMPLATE;
  if (template && !opts.dataDir && !opts.fresh && !opts.env?.DATABASE_URL)
    await cp(template, path.join(dataDir, 'pglite'), { recursive: true }); // store/open.ts
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    // Each product gets its own database: PGlite in its data folder, unless the caller passes a
    // DATABASE_URL (CI's DATABASE_URL names a shared cluster, not a test's own database).
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  return {
    url,
    port,
    dataDir,
    process: child,
    logs: () => output,
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM');
      await exited();
      if (!keepData && !opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
}
