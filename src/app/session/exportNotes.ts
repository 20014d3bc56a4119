import { exportEventSchema, type ExportEvent } from '../../protocol';
import { meta, metaKey, newId, vault } from '../db';
import { readSession } from './deviceData';

/**
 * The officer's audit log, the phone's side: each report or list downloaded or printed is noted
 * here at once, offline, and sent at the next sync (sync/exportLog.ts, `POST /api/exports`), where
 * the server stamps the account and device from the token. A note waits for the account that made
 * it: another user logs in on the phone only once it is sent (actions.ts), like unsent changes.
 */
interface PendingExport {
  userId: string;
  event: ExportEvent;
}

/** Notes a phone keeps unsent at most (months offline with an export an hour). */
export const MAX_PENDING_EXPORTS = 1000;

const PENDING = metaKey<PendingExport[]>('exports.pending', (v) =>
  Array.isArray(v)
    ? v.flatMap((p: unknown) => {
        if (typeof p !== 'object' || p === null) return [];
        const { userId, event } = p as Record<string, unknown>;
        const parsed = exportEventSchema.safeParse(event);
        return typeof userId === 'string' && parsed.success ? [{ userId, event: parsed.data }] : [];
      })
    : undefined,
);

export type ExportNote = Omit<ExportEvent, 'id' | 'at'>;

/** Notes an export or print by the signed-in account, to send at the next sync. */
export async function noteExport(note: ExportNote, now: number = Date.now()): Promise<void> {
  const session = await readSession();
  if (!session) return;
  const pending = { userId: session.user.id, event: { ...note, id: newId(), at: now } };
  await meta.update(PENDING, (list = []) => [...list, pending].slice(-MAX_PENDING_EXPORTS));
}

/** Notes waiting to be sent, of one account or of all. */
export async function pendingExports(userId?: string): Promise<ExportEvent[]> {
  const list = (await meta.get(PENDING)) ?? [];
  return list.flatMap((p) => (userId === undefined || p.userId === userId ? [p.event] : []));
}

/**
 * Whether any note waits to be sent, of any account: answered while the data is locked too (the
 * login screen after "Quên mã PIN?"), from the value's presence alone.
 */
export async function hasPendingExports(): Promise<boolean> {
  if (!vault.isOpen()) return meta.has(PENDING);
  return (await pendingExports()).length > 0;
}

/** Forgets notes the server has (or refused for good); the value goes with the last one. */
export function dropExports(ids: ReadonlySet<string>): Promise<void> {
  return meta.update(PENDING, (list = []) => {
    const left = list.filter((p) => !ids.has(p.event.id));
    return left.length > 0 ? left : undefined;
  });
}
