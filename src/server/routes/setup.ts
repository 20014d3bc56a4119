import type { FastifyInstance } from 'fastify';
import { communeQuerySchema, setupInputSchema, type LoginResponse } from '../../protocol';
import { searchCommunes } from '../accounts/communeList';
import { createCommune, hasAnyCommune } from '../accounts/communes';
import { createDevice } from '../accounts/devices';
import { buildMe } from '../accounts/login';
import { insertUser } from '../accounts/users';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';
import { SMALL_BODY_LIMIT } from './villages';

/** Serialises first-run setups: only one commune can win an empty server. */
const SETUP_LOCK = 7_274_627;

/** First run: pick the commune from the official list and create its first officer. */
export function setupRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/setup', async () => ({ needsSetup: !(await hasAnyCommune(deps.store)) }));

  app.get('/api/communes', async (req) => {
    const { q } = parseInput(communeQuerySchema, req.query);
    return { communes: searchCommunes(q, 50) };
  });

  app.post(
    '/api/setup',
    { bodyLimit: SMALL_BODY_LIMIT, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req): Promise<LoginResponse> => {
      const input = parseInput(setupInputSchema, req.body);
      const deviceName = input.deviceName ?? 'Máy cán bộ xã';
      const now = deps.now();
      const { officer, device } = await deps.store.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
        if (await hasAnyCommune(tx)) throw new HttpError('already_set_up');
        await createCommune(tx, input.communeCode);
        const officer = await insertUser(tx, input.communeCode, {
          username: input.officer.username,
          displayName: input.officer.displayName,
          role: 'officer',
          password: input.officer.password,
          mustChangePassword: false,
          villageIds: [],
        });
        const device = await createDevice(tx, input.communeCode, officer.id, deviceName, now);
        return { officer, device };
      });
      const me = await buildMe(deps.store, input.communeCode, officer.id, device.deviceId);
      return { token: device.token, ...me };
    },
  );
}
