import { MAX_EXPORTS_PER_REQUEST, okSchema } from '../../protocol';
import { apiRequest } from '../api/client';
import { readSession } from '../session/deviceData';
import { dropExports, pendingExports } from '../session/exportNotes';

/** Refusals of the batch itself: sent again it would be refused again. */
const REFUSED_FOR_GOOD: ReadonlySet<string> = new Set(['validation_failed', 'out_of_scope']);

/**
 * The officer's audit log: sends the signed-in account's notes, a batch at a time; each sent batch leaves the device. A
 * batch the server refuses for good (its village no longer the user's) is dropped; offline, past
 * the day's share or signed out, the rest waits for the next sync.
 */
export async function sendExports(request: typeof apiRequest = apiRequest): Promise<void> {
  const session = await readSession();
  if (!session) return;
  for (;;) {
    const batch = (await pendingExports(session.user.id)).slice(0, MAX_EXPORTS_PER_REQUEST);
    if (batch.length === 0) return;
    const res = await request('/api/exports', okSchema, { body: { events: batch } });
    if (!res.ok && !(res.error.kind === 'api' && REFUSED_FOR_GOOD.has(res.error.code))) return;
    await dropExports(new Set(batch.map((e) => e.id)));
  }
}
