import type { FastifyReply } from 'fastify';
import { HttpError } from './errors';

/** Seconds a client refused for being busy is told to wait (Retry-After). */
export const BUSY_RETRY_AFTER_S = 2;

/**
 * Counts the requests of one kind under way, by key (a device, an account, a commune), and refuses
 * one over the limit with `busy` (429, Retry-After). A request holds its place until its answer has
 * been sent or its connection closed (before or after it took its place), so a client that asks
 * many times at once, or hangs up at once, holds a bounded number of places, whatever it sends.
 */
/** Whether the client has already closed the connection (a queued pipelined answer has none yet). */
function connectionGone(reply: FastifyReply): boolean {
  return reply.raw.destroyed || reply.request.raw.destroyed || reply.raw.socket?.destroyed === true;
}

export function inFlightLimit(limit: number) {
  const counts = new Map<string, number>();
  return {
    /** Takes a place for this request under each key, or throws `busy` (taking none). */
    enter(reply: FastifyReply, ...keys: string[]) {
      if (keys.some((key) => (counts.get(key) ?? 0) >= limit)) {
        reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
        throw new HttpError('busy');
      }
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      let held = true;
      const leave = () => {
        if (!held) return;
        held = false;
        for (const key of keys) {
          const n = (counts.get(key) ?? 1) - 1;
          if (n === 0) counts.delete(key);
          else counts.set(key, n);
        }
      };
      reply.raw.once('close', leave);
      reply.raw.once('finish', leave);
      // A client that hung up before this (while its token was being checked) has already
      // closed the connection: the events above will not come, so the place goes back now, and
      // no work is done for an answer nobody reads.
      if (connectionGone(reply)) {
        leave();
        throw new HttpError('busy');
      }
    },
  };
}
