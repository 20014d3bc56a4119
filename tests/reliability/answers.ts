import type { SyncTransport } from '../../src/app/sync/transport';

/** Answers a phone got, by kind: "ok", "offline", "bad_response", or the API's error code. */
export type AnswerCounts = Record<string, number>;

/** Every answer a phone may get while the server crashes or loses its database. */
export const EXPECTED_UNDER_FAULTS = new Set(['ok', 'offline', 'unavailable']);

/** Wraps a transport to count its answers by kind into `counts`. */
export function countingTransport(inner: SyncTransport, counts: AnswerCounts): SyncTransport {
  const note = <R extends { ok: true } | { ok: false; error: { kind: string; code?: string } }>(
    r: R,
  ) => {
    const k = r.ok ? 'ok' : r.error.kind === 'api' ? (r.error.code ?? 'api') : r.error.kind;
    counts[k] = (counts[k] ?? 0) + 1;
    return r;
  };
  return {
    push: async (ops, sentAt) => note(await inner.push(ops, sentAt)),
    pull: async (cursor, limit, count) => note(await inner.pull(cursor, limit, count)),
  };
}

/** Folds the answers into the tally's terms: 500s are crashes, other surprises unexpected. */
export function judgeAnswers(counts: AnswerCounts) {
  let crashes = 0;
  let unexpectedStatus = 0;
  for (const [k, n] of Object.entries(counts)) {
    if (k === 'server_error') crashes += n;
    else if (!EXPECTED_UNDER_FAULTS.has(k)) unexpectedStatus += n;
  }
  return { crashes, unexpectedStatus };
}
