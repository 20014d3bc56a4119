import type { FastifyReply } from 'fastify';
import { HttpError } from './errors';

/** Seconds a client refused for being busy is told to wait (Retry-After). */
export const BUSY_RETRY_AFTER_S = 2;

/** Whether the client has already closed the connection this request came on. */
function connectionGone(reply: FastifyReply): boolean {
  const socket = reply.request.raw.socket as typeof reply.request.raw.socket | null;
  return reply.raw.destroyed || reply.request.raw.destroyed || !socket || socket.destroyed;
}

/**
 * Counts the requests of one kind under way, by key (a device, an account, a commune), and refuses
 * one over the limit with `busy` (429, Retry-After). A request holds its place until its answer has
 * been sent or its connection closed, whenever that happens: before it took its place, while its
 * answer waits behind another on the same connection (a pipelined request's answer has no socket
 * yet, and Node then says nothing of it), or after. So a client that asks many times at once, or
 * hangs up at once, holds a bounded number of places, whatever it sends.
 */
export function inFlightLimit(limit: number) {
  const counts = new Map<string, number>();
  return {
    /**
     * Takes a place for this request under each key, or throws `busy` (taking none). Returns the
     * function that gives the places back early (once the work they bound is done).
     */
    enter(reply: FastifyReply, ...keys: string[]): () => void {
      if (keys.some((key) => (counts.get(key) ?? 0) >= limit)) {
        reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
        throw new HttpError('busy');
      }
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      const connection = reply.request.raw.socket as typeof reply.request.raw.socket | null;
      let held = true;
      const leave = () => {
        if (!held) return;
        held = false;
        connection?.off('close', leave);
        for (const key of keys) {
          const n = (counts.get(key) ?? 1) - 1;
          if (n === 0) counts.delete(key);
          else counts.set(key, n);
        }
      };
      reply.raw.once('close', leave);
      reply.raw.once('finish', leave);
      connection?.once('close', leave);
      // A client that hung up before this (while its token was being checked) has already
      // closed the connection: no event will come, so the place goes back now, and no work is
      // done for an answer nobody reads.
      if (connectionGone(reply)) {
        leave();
        throw new HttpError('busy');
      }
      return leave;
    },
  };
}
