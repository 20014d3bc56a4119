import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';
import { healthRoutes } from './health';

/** Every API route module, registered in one place. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps) {
  healthRoutes(app, deps.store);
}
