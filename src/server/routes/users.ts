import type { FastifyInstance } from 'fastify';
import {
  createUserInputSchema,
  phoneSchema,
  updateUserInputSchema,
  type User,
} from '../../protocol';
import type { AuthContext } from '../auth/context';
import { temporaryPassword } from '../accounts/password';
import { canManageUser, leaderSees } from '../accounts/scope';
import { createUser, getUser, listUsers, updateUser } from '../accounts/users';
import { HttpError } from '../http/errors';
import { perKeyQuota } from '../http/quota';
import { parseInput } from '../http/validate';
import type { RouteDeps } from './deps';
import { idParamsSchema, SMALL_BODY_LIMIT } from './villages';

/** Accounts one manager may create (or try to) in an hour. */
export const ACCOUNTS_PER_HOUR = 100;

function requireManager(ctx: AuthContext) {
  if (ctx.role === 'volunteer') throw new HttpError('forbidden');
}

function requirePhoneForVolunteer(role: string, username: string) {
  if (role === 'volunteer' && !phoneSchema.safeParse(username).success)
    throw new HttpError('validation_failed', 'A volunteer logs in with a phone number', [
      { path: 'username', message: 'phone' },
    ]);
}

function requireOwnVillages(ctx: AuthContext, villageIds: string[]) {
  if (villageIds.length === 0 || villageIds.some((v) => !ctx.villageIds.includes(v)))
    throw new HttpError('out_of_scope', "Volunteers serve the leader's own villages");
}

/**
 * Accounts. Officer: every user of the commune. Leader: lists the volunteers who share a village,
 * creates volunteers in the leader's own villages and edits only those whose every village is the
 * leader's (scope.ts). Volunteer: none. New accounts get a temporary password shown once; a reset
 * one ends every session of the user.
 */
export function userRoutes(app: FastifyInstance, deps: RouteDeps) {
  app.get('/api/users', async (req) => {
    const ctx = await deps.auth(req);
    requireManager(ctx);
    const all = await listUsers(deps.store, ctx.communeCode);
    const users =
      ctx.role === 'officer' ? all : all.filter((u) => u.id === ctx.userId || leaderSees(ctx, u));
    return { users };
  });

  // A leader registers a village's volunteers in an evening, not hundreds an hour.
  const creations = perKeyQuota(ACCOUNTS_PER_HOUR, 60 * 60_000, deps.now);
  app.post('/api/users', { bodyLimit: SMALL_BODY_LIMIT }, async (req, reply) => {
    const ctx = await deps.auth(req);
    requireManager(ctx);
    const input = parseInput(createUserInputSchema, req.body);
    if (ctx.role === 'leader') {
      if (input.role !== 'volunteer') throw new HttpError('forbidden');
      requireOwnVillages(ctx, input.villageIds);
    }
    requirePhoneForVolunteer(input.role, input.username);
    if (!creations.take(`${ctx.communeCode}/${ctx.userId}`)) throw new HttpError('rate_limited');
    const password = temporaryPassword();
    const user = await createUser(deps.store, ctx.communeCode, {
      ...input,
      password,
      mustChangePassword: true,
      createdBy: ctx.userId,
    });
    return reply.status(201).send({ user, temporaryPassword: password });
  });

  app.patch('/api/users/:id', { bodyLimit: SMALL_BODY_LIMIT }, async (req) => {
    const ctx = await deps.auth(req);
    requireManager(ctx);
    const { id } = parseInput(idParamsSchema, req.params);
    const patch = parseInput(updateUserInputSchema, req.body);
    const target: User | undefined = await getUser(deps.store, ctx.communeCode, id);
    if (!target) throw new HttpError('not_found');
    if (!canManageUser(ctx, target)) throw new HttpError('out_of_scope');
    if (ctx.role === 'leader') {
      if (patch.role !== undefined) throw new HttpError('forbidden');
      if (patch.villageIds) requireOwnVillages(ctx, patch.villageIds);
    }
    if (target.id === ctx.userId && (patch.disabled || (patch.role && patch.role !== ctx.role)))
      throw new HttpError('forbidden', 'You cannot disable or demote yourself');
    const password = patch.resetPassword ? temporaryPassword() : undefined;
    const user = await updateUser(
      deps.store,
      ctx.communeCode,
      id,
      {
        displayName: patch.displayName,
        role: patch.role,
        villageIds: patch.villageIds,
        disabled: patch.disabled,
        temporaryPassword: password,
      },
      deps.now(),
    );
    return { user, ...(password ? { temporaryPassword: password } : {}) };
  });
}
