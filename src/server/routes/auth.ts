import type { FastifyInstance } from 'fastify';
import {
  loginInputSchema,
  passwordChangeInputSchema,
  type LoginResponse,
  type Me,
} from '../../protocol';
import { revokeDevice } from '../accounts/devices';
import { buildMe, login } from '../accounts/login';
import { claimLoginTry } from '../accounts/loginGuard';
import { verifyPassword } from '../accounts/password';
import { setPassword } from '../accounts/users';
import { HttpError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';
import { SMALL_BODY_LIMIT } from './villages';

/**
 * Login (rate-limited per address, guessing limited per name and address: loginGuard.ts), the
 * session refresh, logout, and the password change (its guesses limited in the same buckets),
 * which ends the user's other sessions.
 */
export function authRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.post(
    '/api/auth/login',
    { bodyLimit: SMALL_BODY_LIMIT, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req): Promise<LoginResponse> => {
      const input = parseInput(loginInputSchema, req.body);
      // req.ip is the socket's address unless it comes from a configured proxy (TRUST_PROXY).
      return login(deps.store, input, { address: req.ip, now: deps.now() });
    },
  );

  app.get('/api/me', async (req): Promise<Me> => {
    const ctx = await deps.auth(req);
    return buildMe(deps.store, ctx.communeCode, ctx.userId, ctx.deviceId);
  });

  app.post('/api/auth/logout', { bodyLimit: SMALL_BODY_LIMIT }, async (req, reply) => {
    const ctx = await deps.auth(req);
    await revokeDevice(deps.store, ctx.communeCode, ctx.deviceId, ctx.userId, deps.now());
    // The browser deletes the origin's stored data itself, files included: deleting a database
    // through IndexedDB leaves its bytes in LevelDB's files until a compaction
    // (docs/data-protection.md). The app wipes too, for a browser that ignores the header.
    void reply.header('clear-site-data', '"storage"');
    return { ok: true as const };
  });

  app.post(
    '/api/auth/password',
    { bodyLimit: SMALL_BODY_LIMIT, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req) => {
      const ctx = await deps.auth(req);
      const input = parseInput(passwordChangeInputSchema, req.body);
      const now = deps.now();
      const rows = await deps.store.query<{ username: string; password_hash: string }>(
        'SELECT username, password_hash FROM users WHERE commune_code = $1 AND id = $2',
        [ctx.communeCode, ctx.userId],
      );
      const row = rows[0];
      if (!row) throw new HttpError('current_password_wrong');
      // A token (a stolen phone's) is no licence to guess the password: each check takes its place
      // in the same buckets as a login of the account (loginGuard.ts), before the password is
      // checked; setting the new one forgives the wrong tries.
      if (!(await claimLoginTry(deps.store, row.username, req.ip, now)))
        throw new HttpError('login_throttled');
      if (!(await verifyPassword(input.currentPassword, row.password_hash)))
        throw new HttpError('current_password_wrong');
      await setPassword(deps.store, ctx.communeCode, ctx.userId, input.newPassword, {
        deviceId: ctx.deviceId,
        now,
      });
      return { ok: true as const };
    },
  );
}
