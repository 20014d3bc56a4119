import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION, type Health } from '../../protocol';
import { currentMigration } from '../store/migrate';
import type { Store } from '../store/store';

export function healthRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/health', async () => {
    const body = {
      status: 'ok',
      database: store.kind,
      migration: await currentMigration(store),
      protocolVersion: PROTOCOL_VERSION,
    } satisfies Health;
    return body;
  });
}
