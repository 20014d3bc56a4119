import type { ApiFailure } from '../api/client';
import type { TungNhaDb } from '../db/db';
import {
  applyPullPage,
  freshPull,
  markSynced,
  metaValue,
  SYNC_KEYS,
  type RejectedOp,
} from '../db/syncStore';
import { pushOutbox } from './pushOutbox';
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

  const push = await pushOutbox(db, transport, now, (done) =>
    progress({ phase: 'push', done, total: null }),
  );
  if (!push.ok) return { ok: false, failure: failureOf(push.error) };
  const { pushed, rejected } = push;

  let pulled = 0;
  let total: number | null = null;
  const cursor = await metaValue<string>(db, SYNC_KEYS.cursor);
  const limit = deps.pageLimit ?? PULL_PAGE;
  const fresh = cursor === undefined ? freshPull() : undefined;
  let next = transport.pull(cursor, limit, true);
  for (let first = true; ; first = false) {
    const res = await next;
    if (!res.ok) return { ok: false, failure: failureOf(res.error) };
    const page = res.value;
    if (first && page.remaining !== undefined) total = page.remaining + page.records.length;
    // The next page downloads while this one is written: its cursor is known already. Only the
    // cursor of an applied page is ever stored, so an interruption still resumes where it was.
    if (page.hasMore) next = transport.pull(page.cursor, limit, false);
    await applyPullPage(db, page, now(), fresh);
    pulled += page.records.length;
    progress({ phase: 'pull', done: pulled, total });
    if (!page.hasMore) break;
  }
  await markSynced(db, now());
  return { ok: true, pushed, pulled, rejected };
}
