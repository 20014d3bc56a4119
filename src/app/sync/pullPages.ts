import type { ApiFailure } from '../api/client';
import { pullStore, syncStore, type TungNhaDb } from '../db';
import type { SyncTransport } from './transport';

export interface PullOptions {
  now: () => number;
  limit: number;
  /** After each page is stored: records pulled in this run, and the total when known. */
  onPage: (done: number, total: number | null) => void;
}

export type PullOutcome = { ok: true; pulled: number } | { ok: false; error: ApiFailure };

/**
 * Pulls every page after the stored cursor. Three things overlap: the next page downloads while
 * this one is applied, and this page's transaction is opened (its rows prepared and sent to
 * IndexedDB; on a first sync, sealed by a worker first: pullStore.preparePage) while the page
 * before is still committing. IndexedDB runs the two transactions one
 * after the other, in order; the later one commits only if the stored cursor is still the one
 * its page was asked after (pullStore.ts `follows`), so a failed page is never skipped.
 *
 * A first sync adds records without reading (pullStore.ts FreshPull). If a page finds a row
 * written on the device meanwhile, nothing of it is kept and the pull goes on from the stored
 * cursor, merging every record.
 */
export async function pullPages(
  db: TungNhaDb,
  transport: SyncTransport,
  opts: PullOptions,
): Promise<PullOutcome> {
  const start = await syncStore.metaValue<string>(db, syncStore.SYNC_KEYS.cursor);
  const fresh = start === undefined ? await pullStore.freshPull(db) : undefined;
  const run = { pulled: 0 };
  try {
    return await pullFrom(db, transport, opts, start, fresh, run);
  } catch (err) {
    if (!(err instanceof pullStore.FreshPullConflict)) throw err;
    const stored = await syncStore.metaValue<string>(db, syncStore.SYNC_KEYS.cursor);
    return pullFrom(db, transport, opts, stored, undefined, run);
  }
}

/** Pulls the pages after `cursor`, adding to `run.pulled` as each page is stored. */
async function pullFrom(
  db: TungNhaDb,
  transport: SyncTransport,
  opts: PullOptions,
  cursor: string | undefined,
  fresh: pullStore.FreshPull | undefined,
  run: { pulled: number },
): Promise<PullOutcome> {
  let total: number | null = null;
  let next = transport.pull(cursor, opts.limit, true);
  let follows: string | null = cursor ?? null;
  // The page whose transaction was opened last, not yet known to be stored.
  let writing: { done: Promise<void>; count: number } | null = null;
  // Settles once the last page's transaction has been opened.
  let turn: Promise<unknown> = Promise.resolve();
  const stored = async () => {
    if (!writing) return;
    const { done, count } = writing;
    writing = null;
    await done;
    run.pulled += count;
    opts.onPage(run.pulled, total);
  };
  for (let first = true; ; first = false) {
    const res = await next;
    if (!res.ok) {
      await stored();
      return { ok: false, error: res.error };
    }
    const page = res.value;
    if (first && page.remaining !== undefined)
      total = run.pulled + page.remaining + page.records.length;
    // Its cursor is known already: the next page downloads while this one is written.
    if (page.hasMore) next = transport.pull(page.cursor, opts.limit, false);
    // A first sync's page is sealed off the main thread while the page before commits.
    const prepared = fresh
      ? pullStore.preparePage(db, page, fresh).catch(() => undefined) // then merged as usual
      : undefined;
    const after = follows;
    // Transactions open in page order: this one after the page before has opened its own.
    const ready = Promise.all([prepared, turn]);
    const done = ready.then(([p]) =>
      pullStore.applyPullPage(db, page, opts.now(), { fresh, follows: after, prepared: p }),
    );
    turn = ready;
    done.catch(() => undefined); // its failure is met where it is awaited
    follows = page.cursor;
    try {
      await stored();
    } catch (err) {
      // This page's transaction refuses to commit after a failed one (`follows`); wait it out.
      await done.catch(() => undefined);
      throw err;
    }
    writing = { done, count: page.records.length };
    if (!page.hasMore) break;
  }
  await stored();
  return { ok: true, pulled: run.pulled };
}
