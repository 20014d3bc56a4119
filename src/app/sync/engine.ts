import { MAX_PUSH_OPS } from '../../protocol/sync';
import type { ApiFailure } from '../api/client';
import type { TungNhaDb } from '../db/db';
import {
  applyPullPage,
  markSynced,
  metaValue,
  outboxBatch,
  settlePush,
  SYNC_KEYS,
  type RejectedOp,
} from '../db/syncStore';
import type { SyncTransport } from './transport';

/**
 * One sync run: push the whole outbox (in batches), then pull every page after the stored cursor.
 * Always push before pull, so a village leaving the scope loses nothing unsent. Each pulled page
 * is applied with its cursor in one transaction, so a run cut anywhere resumes where it stopped.
 */
export interface SyncProgress {
  phase: 'push' | 'pull';
  /** Records (or ops) done in this run, and the total when known (first sync progress bar). */
  done: number;
  total: number | null;
}

export type SyncFailure = 'offline' | 'outdated' | 'unauthenticated' | 'revoked' | 'server';

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number; rejected: RejectedOp[] }
  | { ok: false; failure: SyncFailure };

export interface SyncEngineDeps {
  db: TungNhaDb;
  transport: SyncTransport;
  now?: () => number;
  pageLimit?: number;
  onProgress?: (p: SyncProgress) => void;
}

export const PULL_PAGE = 2000;

export function failureOf(error: ApiFailure): SyncFailure {
  if (error.kind === 'offline') return 'offline';
  if (error.kind === 'bad_response') return 'server';
  switch (error.code) {
    case 'protocol_outdated':
      return 'outdated';
    case 'unauthenticated':
      return 'unauthenticated';
    case 'token_invalid':
    case 'device_revoked':
      return 'revoked';
    default:
      return 'server';
  }
}

export async function syncOnce(deps: SyncEngineDeps): Promise<SyncOutcome> {
  const { db, transport } = deps;
  const now = deps.now ?? Date.now;
  const progress = deps.onProgress ?? (() => undefined);

  let pushed = 0;
  const rejected: RejectedOp[] = [];
  for (;;) {
    const batch = await outboxBatch(db, MAX_PUSH_OPS);
    if (batch.length === 0) break;
    progress({ phase: 'push', done: pushed, total: null });
    const res = await transport.push(
      batch.map(({ opId, entity, id, fields, clock }) => ({ opId, entity, id, fields, clock })),
    );
    if (!res.ok) return { ok: false, failure: failureOf(res.error) };
    rejected.push(
      ...(await settlePush(db, batch, res.value.results, res.value.serverClock, now())),
    );
    pushed += batch.length;
  }

  let pulled = 0;
  let total: number | null = null;
  const cursor = await metaValue<string>(db, SYNC_KEYS.cursor);
  const limit = deps.pageLimit ?? PULL_PAGE;
  let next = transport.pull(cursor, limit, true);
  for (let first = true; ; first = false) {
    const res = await next;
    if (!res.ok) return { ok: false, failure: failureOf(res.error) };
    const page = res.value;
    if (first && page.remaining !== undefined) total = page.remaining + page.records.length;
    // The next page downloads while this one is written: its cursor is known already. Only the
    // cursor of an applied page is ever stored, so an interruption still resumes where it was.
    if (page.hasMore) next = transport.pull(page.cursor, limit, false);
    await applyPullPage(db, page, now());
    pulled += page.records.length;
    progress({ phase: 'pull', done: pulled, total });
    if (!page.hasMore) break;
  }
  await markSynced(db, now());
  return { ok: true, pushed, pulled, rejected };
}
