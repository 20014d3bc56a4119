import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';
import { authRoutes } from './auth';
import { deletionRoutes } from './deletions';
import { deviceRoutes } from './devices';
import { exportLogRoutes } from './exportLog';
import { healthRoutes } from './health';
import { setupRoutes } from './setup';
import { reportRoutes } from './reports';
import { syncRoutes } from './sync';
import { userRoutes } from './users';
import { villageRoutes } from './villages';

/** Every API route module, registered in one place. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps) {
  healthRoutes(app, deps.store);
  setupRoutes(app, deps);
  authRoutes(app, deps);
  villageRoutes(app, deps);
  userRoutes(app, deps);
  deviceRoutes(app, deps);
  syncRoutes(app, deps);
  reportRoutes(app, deps);
  deletionRoutes(app, deps);
  exportLogRoutes(app, deps);
}
