import type { Op } from '../../domain/ops';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushResponse,
} from '../../protocol/sync';
import { apiRequest, type ApiResult } from '../api/client';

/**
 * How the engine reaches the server; tests pass one that calls an in-process server. Parsing a
 * pull page (or a push answer) expands each record's compact clocks back to one clock per field
 * (protocol/sync.ts, domain/recordClocks.ts), so the engine and the merge see full records.
 */
export interface SyncTransport {
  /** `sentAt`: the phone's wall clock as it sends (the server measures the phone's skew). */
  push(ops: Op[], sentAt: number): Promise<ApiResult<PushResponse>>;
  pull(cursor: string | undefined, limit: number, count: boolean): Promise<ApiResult<PullResponse>>;
}

export const httpTransport: SyncTransport = {
  push: (ops, sentAt) =>
    apiRequest('/api/sync/push', pushResponseSchema, { method: 'POST', body: { ops, sentAt } }),
  pull(cursor, limit, count) {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    if (count) q.set('count', '1');
    return apiRequest(`/api/sync/pull?${q}`, pullResponseSchema);
  },
};
