import type { FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../src/protocol/errors';
import { STATUS } from '../../src/server/http/errors';
import type { FuzzRoute, FuzzWorld } from './fuzzRoutes';

/** What a request may be answered with: 'ok' (2xx) or precise error codes. */
export type Allowed = readonly ('ok' | ErrorCode)[];

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  token?: string;
  headers?: Record<string, string>;
  /** Raw text (sent as is) or an object (sent as JSON). */
  payload?: string | object;
  contentType?: string;
}

export interface FuzzCounts {
  requests: number;
  unexpected: number;
  crashes: number;
  failures: string[];
}

/**
 * Sends requests to an in-process app and scores each answer: a 5xx is a crash, any other answer
 * than the allowed codes (with their exact statuses) is unexpected. Failures are collected, not
 * thrown, so the counts stay honest; the test asserts the list is empty at the end.
 */
export function fuzzHarness(app: FastifyInstance) {
  const counts: FuzzCounts = { requests: 0, unexpected: 0, crashes: 0, failures: [] };
  let ip = 0;
  async function send(req: FuzzRequest, allowed: Allowed) {
    // A new client address each time, so the per-IP login limits stay out of the way.
    ip++;
    const headers: Record<string, string> = {
      'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      ...req.headers,
    };
    if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
    if (req.payload !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
    const res = await app.inject({
      method: req.method,
      url: req.url,
      headers,
      ...(req.payload === undefined
        ? {}
        : {
            payload: typeof req.payload === 'string' ? req.payload : JSON.stringify(req.payload),
          }),
    });
    counts.requests++;
    const what = () =>
      `${req.method} ${req.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 160)}` +
      ` (allowed: ${allowed.join(', ')})`;
    if (res.statusCode >= 500) {
      counts.crashes++;
      counts.failures.push(`CRASH ${what()}`);
      return res;
    }
    let code: string | undefined = 'ok';
    if (res.statusCode >= 300) {
      try {
        code = (res.json() as { error?: { code?: string } }).error?.code;
      } catch {
        code = undefined;
      }
    }
    const fits = allowed.some((a) =>
      a === 'ok' ? code === 'ok' : code === a && STATUS[a] === res.statusCode,
    );
    if (!fits) {
      counts.unexpected++;
      if (counts.failures.length < 30) counts.failures.push(what());
    }
    return res;
  }
  return { send, counts };
}

export function routeUrl(route: FuzzRoute, w: FuzzWorld, id?: string): string {
  const path = route.path.replace(':id', id ?? route.id?.(w) ?? '');
  const q = route.query?.(w);
  return q ? `${path}?${new URLSearchParams(q)}` : path;
}

/** Paths to every string leaf of a JSON value: ['officer', 'username'], ['villageIds', 0]. */
export function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

/** Every leaf path (any type) of a JSON object. */
export function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length)
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return at.length ? [at] : [];
}

/** A deep copy of `body` with the value at `path` replaced. */
export function setPath(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setPath(copy[head], rest, value);
  return copy;
}
