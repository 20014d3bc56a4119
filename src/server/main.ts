import pino from 'pino';
import { createApp } from './app';
import { readConfig } from './config';
import { migrate } from './store/migrate';
import { openStore } from './store/open';

const config = readConfig();
const log = pino({ level: config.logLevel });

const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const migration = await migrate(store);
log.info({ database: store.kind, migration }, 'database ready');

const app = await createApp({
  store,
  staticDir: config.staticDir,
  logger: log,
  corsOrigins: config.corsOrigins,
  trustProxy: config.trustProxy,
  sessionIdleMs: config.sessionIdleMs,
});
await app.listen({ port: config.port, host: config.host });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    await store.close();
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
