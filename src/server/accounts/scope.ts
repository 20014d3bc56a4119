import type { User } from '../../protocol';
import type { AuthContext } from '../auth/context';

/** Who may manage whom, in one place. Officers: the whole commune; leaders: their volunteers. */

/** A leader manages a volunteer who serves at least one of the leader's villages. */
export function leaderManages(ctx: AuthContext, user: User): boolean {
  return (
    ctx.role === 'leader' &&
    user.role === 'volunteer' &&
    user.villageIds.some((v) => ctx.villageIds.includes(v))
  );
}

export function canManageUser(ctx: AuthContext, user: User): boolean {
  return ctx.role === 'officer' || leaderManages(ctx, user);
}

/** Users whose devices the caller may see and revoke (always including the caller). */
export function canSeeDevicesOf(ctx: AuthContext, user: User): boolean {
  return user.id === ctx.userId || canManageUser(ctx, user);
}
