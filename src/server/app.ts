import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_HEADER } from '../protocol';
import { HttpError, errorBody, sendError, STATUS } from './http/errors';
import { registerStatic } from './http/static';
import { authenticate, DEFAULT_SESSION_RULES } from './auth/authenticate';
import { registerRoutes } from './routes';
import { fairStore } from './store/fairStore';
import { moveLane } from './store/lanes';
import { registerLanes } from './http/requestLanes';
import type { Store } from './store/store';
import { isDatabaseUnavailable } from './store/unavailable';
import { createCommuneClocks } from './sync/communeClocks';
import { purgeDeletions } from './sync/deletions';
import { RESTORE_WINDOW_MS } from '../domain/deletionLimit';

export interface AppDeps {
  store: Store;
  /** Folder of the built PWA; omitted in API-only tests. */
  staticDir?: string;
  /** A pino logger; omitted in tests (silent). */
  logger?: FastifyBaseLogger;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
  corsOrigins?: string[];
  /**
   * Proxies (addresses, CIDRs, or proxy-addr's `loopback`/`linklocal`/`uniquelocal`) whose
   * X-Forwarded-For is believed; none by default, so a client cannot pick its own address.
   */
  trustProxy?: string[];
  /** A session unused this long ends (default 90 days). */
  sessionIdleMs?: number;
  /**
   * The longest a request may take to arrive, headers and body (default 2 min, headers alone
   * 30 s): a client sending a byte every few seconds cannot hold a connection, and the server's
   * memory, for long; a phone pushing 4 MB over a slow village link (about 300 kbit/s) still can.
   */
  requestTimeoutMs?: number;
  /**
   * A connection with nothing sent or received for this long is closed (default 1 min): a client
   * that asks and never reads its answers does not keep them in the server for long.
   */
  idleConnectionMs?: number;
}

export const REQUEST_TIMEOUT_MS = 120_000;
export const IDLE_CONNECTION_MS = 60_000;
const HEADERS_TIMEOUT_MS = 30_000;

export const BODY_LIMIT = 4 * 1024 * 1024;

/** Builds the whole HTTP app (API and static PWA) without listening, so tests can inject requests. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    connectionTimeout: deps.idleConnectionMs ?? IDLE_CONNECTION_MS,
    // Node checks the timeouts of open connections every 30 s by default: every second instead.
    http: {
      headersTimeout: Math.min(deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS),
      connectionsCheckingInterval: 1000,
    },
    trustProxy: deps.trustProxy && deps.trustProxy.length > 0 ? deps.trustProxy : false,
    // Errors raised by the router before any route runs get the API's `{ error: { code } }` too.
    frameworkErrors: (error, _req, reply) =>
      sendError(reply, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'bad_request'),
  });

  registerLanes(app);
  const store = fairStore(deps.store);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(rateLimit, { global: false });

  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    const allowed = new Set(deps.corsOrigins);
    app.addHook('onRequest', async (req, reply) => {
      const origin = req.headers.origin;
      if (origin && allowed.has(origin)) {
        reply.header('access-control-allow-origin', origin);
        reply.header('vary', 'origin');
        reply.header(
          'access-control-allow-headers',
          `authorization, content-type, ${PROTOCOL_HEADER}`,
        );
        reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      }
    });
  }

  // API answers hold personal data (the names and phones of whole villages): neither the browser's
  // HTTP cache nor the service worker may keep a copy of any of them, errors included.
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api')
      reply.header('cache-control', 'no-store');
  });

  // An app too old for this server is told to update (the health check is always answered).
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/health')) return;
    const sent = req.headers[PROTOCOL_HEADER];
    if (sent === undefined) return;
    const version = Number(sent);
    if (!Number.isInteger(version) || version < MIN_SUPPORTED_PROTOCOL_VERSION) {
      return sendError(reply, 'protocol_outdated', 'Please update the app');
    }
  });

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof HttpError)
      return sendError(reply, error.code, error.message, error.issues);
    const err = error as { statusCode?: number; code?: string; message?: string };
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, 'payload_too_large');
    if (status === 415) return sendError(reply, 'unsupported_media_type');
    if (status === 429) return sendError(reply, 'rate_limited');
    if (status >= 400 && status < 500) return sendError(reply, 'bad_request', err.message);
    if (isDatabaseUnavailable(error)) {
      req.log.warn({ err: error }, 'database unavailable');
      return reply
        .header('retry-after', '5')
        .status(STATUS.unavailable)
        .send(errorBody('unavailable'));
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(STATUS.server_error).send(errorBody('server_error'));
  });

  const now = deps.now ?? Date.now;
  const sessions = { now, idleMs: deps.sessionIdleMs ?? DEFAULT_SESSION_RULES.idleMs };
  registerRoutes(app, {
    store,
    now,
    clocks: createCommuneClocks(now),
    async auth(req) {
      const ctx = await authenticate(store, req, sessions);
      moveLane(`commune:${ctx.communeCode}`);
      return ctx;
    },
  });

  // What a delete erased is kept 30 days for a leader to restore, then goes for good: checked at
  // start and every hour (the list never shows older ones either).
  const purge = async () => {
    try {
      await purgeDeletions(store, now() - RESTORE_WINDOW_MS);
    } catch (err) {
      app.log.warn({ err }, 'purging old deletions failed');
    }
  };
  const purging = setInterval(() => void purge(), PURGE_EVERY_MS);
  purging.unref();
  app.addHook('onReady', purge);
  app.addHook('onClose', async () => clearInterval(purging));

  const hasStatic = deps.staticDir ? await registerStatic(app, deps.staticDir) : false;

  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api';
    // Deep links (/h/ABC123 from a QR sticker) open the single-page app.
    if (
      !isApi &&
      hasStatic &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.url.includes('..')
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 'not_found');
  });

  return app;
}
