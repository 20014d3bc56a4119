import { decodeHlc, encodeHlc, type Hlc } from './hlc';

/**
 * The server's rule for a phone's clock. Every phone is untrusted, its clock included: a write
 * stamped in the future would win every honest edit made before that moment comes.
 *
 * - A clock at most MAX_AHEAD_MS ahead of the server's wall clock is taken as sent (phones drift
 *   by seconds, not minutes, when they are set right).
 * - A clock further ahead is re-stamped. When the push says what the phone's wall clock read as it
 *   was sent (`sentAt`), the phone's skew is known and its clocks are moved back by it: the writes
 *   keep their order and their node, and land about when they were really made. What is still
 *   ahead after that (a clock set wrong since, or a forged one) takes the server's own clock.
 *
 * The server tells the phone the clock it stored (push result `clock`), so both keep the same.
 * Clocks behind the server's are taken as sent: an old write loses to newer ones, as it should.
 */
export const MAX_AHEAD_MS = 5 * 60 * 1000;

export type Stamp = { kind: 'as_sent' } | { kind: 'shifted'; clock: Hlc } | { kind: 'server' };

/** Is this clock further ahead of the server's wall clock than a phone set right can be? */
export function isTooFarAhead(ms: number, serverNowMs: number): boolean {
  return ms - serverNowMs > MAX_AHEAD_MS;
}

/** How a pushed clock is stored. `sentAt`: the phone's wall clock when it sent the push. */
export function stampFor(clock: Hlc, serverNowMs: number, sentAt?: number): Stamp {
  const parts = decodeHlc(clock);
  if (!parts || !isTooFarAhead(parts.ms, serverNowMs)) return { kind: 'as_sent' };
  const skew = sentAt === undefined ? 0 : sentAt - serverNowMs;
  if (isTooFarAhead(sentAt ?? 0, serverNowMs)) {
    const ms = parts.ms - skew;
    if (ms >= 0 && !isTooFarAhead(ms, serverNowMs))
      return { kind: 'shifted', clock: encodeHlc({ ...parts, ms }) };
  }
  return { kind: 'server' };
}
