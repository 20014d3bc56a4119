import type { Session } from '../../session/types';

/** The logged-in session (the accounts feature's hook): undefined while loading, null if none. */
export { useSession as useFieldSession } from '../../session/useSession';

export function villageName(session: Session | null | undefined, villageId: unknown): string {
  return session?.villages.find((v) => v.id === villageId)?.name ?? 'Thôn khác';
}
