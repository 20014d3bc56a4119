import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/context';
import type { Store } from '../store/store';

/** What every route module receives from createApp. */
export interface RouteDeps {
  store: Store;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now: () => number;
  /** The caller of an API request, from its device token; throws a precise 401 otherwise. */
  auth: (req: FastifyRequest) => Promise<AuthContext>;
}
