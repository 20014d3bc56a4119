import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/context';
import type { Store } from '../store/store';
import type { CommuneClocks } from '../sync/communeClocks';

/** What every route module receives from createApp. */
export interface RouteDeps {
  store: Store;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now: () => number;
  /** Each commune's hybrid logical clock: what the server stamps its own writes with. */
  clocks: CommuneClocks;
  /** The caller of an API request, from its device token; throws a precise 401 otherwise. */
  auth: (req: FastifyRequest) => Promise<AuthContext>;
}
