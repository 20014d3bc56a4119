import type { User } from '../../protocol';
import type { AuthContext } from '../auth/context';

/** Who may see and manage whom, in one place. Officers: the whole commune; leaders: volunteers. */

/** A leader sees (in the accounts list) every volunteer who serves one of the leader's villages. */
export function leaderSees(ctx: AuthContext, user: User): boolean {
  return (
    ctx.role === 'leader' &&
    user.role === 'volunteer' &&
    user.villageIds.some((v) => ctx.villageIds.includes(v))
  );
}

/**
 * A leader manages (edits, disables, resets the password of, revokes the devices of) only a
 * volunteer whose WHOLE scope lies inside the leader's villages: a reset password hands the leader
 * the account, and with it every village the account serves.
 */
export function leaderManages(ctx: AuthContext, user: User): boolean {
  return (
    ctx.role === 'leader' &&
    user.role === 'volunteer' &&
    user.villageIds.length > 0 &&
    user.villageIds.every((v) => ctx.villageIds.includes(v))
  );
}

export function canManageUser(ctx: AuthContext, user: User): boolean {
  return ctx.role === 'officer' || leaderManages(ctx, user);
}

/** Users whose devices the caller may see and revoke (always including the caller). */
export function canSeeDevicesOf(ctx: AuthContext, user: User): boolean {
  return user.id === ctx.userId || canManageUser(ctx, user);
}
