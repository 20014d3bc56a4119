import { MAX_PULL_LIMIT } from '../../protocol/sync';
import type { ApiFailure } from '../api/client';
import { syncStore, type RejectedOp, type TungNhaDb } from '../db';
import { pullPages } from './pullPages';
import { pushOutbox } from './pushOutbox';
import type { SyncTransport } from './transport';

/**
 * One sync run: push the whole outbox (in batches), then pull every page after the stored cursor.
 * Always push before pull, so a village leaving the scope loses nothing unsent. Each pulled page
 * is applied with its cursor in one transaction, so a run cut anywhere resumes where it stopped
 * (pullPages.ts).
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

/**
 * Records asked for per pull page (the server's most): a first sync of a 200,000-record commune
 * is 40 requests and device transactions instead of 100.
 */
export const PULL_PAGE = MAX_PULL_LIMIT;

export function failureOf(error: ApiFailure): SyncFailure {
  if (error.kind === 'offline') return 'offline';
  if (error.kind === 'bad_response') return 'server';
  switch (error.code) {
    case 'protocol_outdated':
      return 'outdated';
    case 'unauthenticated':
    case 'session_expired': // the app asks to log in again; the outbox waits for it
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

  const pull = await pullPages(db, transport, {
    now,
    limit: deps.pageLimit ?? PULL_PAGE,
    onPage: (done, total) => progress({ phase: 'pull', done, total }),
  });
  if (!pull.ok) return { ok: false, failure: failureOf(pull.error) };
  await syncStore.markSynced(db, now());
  return { ok: true, pushed, pulled: pull.pulled, rejected };
}
