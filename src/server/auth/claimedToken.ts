import type { FastifyRequest } from 'fastify';
import { parseToken, type ParsedToken } from './tokens';

/**
 * The token a request carries (`Authorization: Bearer <token>`), well-formed but not yet checked:
 * what it claims (commune, device) may only pick a lane or a place in a queue, never grant access.
 */
export function claimedToken(req: FastifyRequest): ParsedToken | null {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return bearer === undefined ? null : parseToken(bearer);
}
