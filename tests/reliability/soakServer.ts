import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp } from '../../src/server/app';
import type { Store } from '../../src/server/store/store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The soak's server: the real HTTP app listening on a port, over one store. `crash()` drops every
 * open connection mid-request (the answers are lost, as when the process dies), stays down a
 * moment (devices get "connection refused"), then a new app comes up on the same store and port.
 */
export async function startSoakServer(store: Store) {
  let app: FastifyInstance = await createApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: () => `http://127.0.0.1:${port}`,
    app: () => app,
    async crash(downMs: number) {
      const old = app;
      old.server.closeAllConnections();
      await old.close();
      await sleep(downMs);
      app = await createApp({ store });
      await app.listen({ port, host: '127.0.0.1' });
    },
    close: () => app.close(),
  };
}

/**
 * Cuts every connection the server holds to its PostgreSQL database (pg_terminate_backend), as a
 * database failover or a network blip does; returns how many were cut.
 */
export async function dropDatabaseConnections(adminUrl: string, databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const rows = await admin.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    return rows.rows.filter((r) => r.cut).length;
  } finally {
    await admin.end();
  }
}

/**
 * The server side's faults while phones work, one every `everyMs` until `until`: a crash, then
 * (PostgreSQL) a cut of the database connections, in turn.
 */
export async function serverFaults(opts: {
  server: Awaited<ReturnType<typeof startSoakServer>>;
  /** The test database's URL, when it is PostgreSQL. */
  databaseUrl?: string;
  everyMs: number;
  until: number;
}) {
  const done = { crashes: 0, connectionCuts: 0, connectionsCut: 0 };
  for (let tick = 1; Date.now() + opts.everyMs < opts.until; tick++) {
    await sleep(opts.everyMs);
    if (opts.databaseUrl && tick % 2 === 0) {
      const cut = await dropDatabaseConnections(process.env.DATABASE_URL ?? '', opts.databaseUrl);
      done.connectionsCut += cut;
      if (cut > 0) done.connectionCuts++;
    } else {
      await opts.server.crash(200 + Math.random() * 600);
      done.crashes++;
    }
  }
  return done;
}
