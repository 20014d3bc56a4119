import type { FastifyInstance } from 'fastify';
import { vault } from '../../src/app/db/vault';
import type { ApiResult } from '../../src/app/api/client';
import { TungNhaDb } from '../../src/app/db/db';
import { rowToVersioned, writeAll, type Write } from '../../src/app/db/mutate';
import { entityRows } from '../../src/app/db/entityRows';
import { SYNC_ENTITIES } from '../../src/domain/records';
import { syncOnce, type SyncOutcome } from '../../src/app/sync/engine';
import type { SyncTransport } from '../../src/app/sync/transport';
import { errorCodeSchema } from '../../src/protocol/errors';
import { pullResponseSchema, pushResponseSchema, type PushResponse } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { bearer } from './accounts';

/** A device test double: the app's real Dexie database (fake-indexeddb) and sync engine. */

async function inject<T>(
  app: FastifyInstance,
  token: string,
  parse: (v: unknown) => T,
  req: { method: 'GET' | 'POST'; url: string; payload?: unknown },
): Promise<ApiResult<T>> {
  const res = await app.inject({
    method: req.method,
    url: req.url,
    headers: bearer(token),
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  });
  if (res.statusCode !== 200) {
    const code = errorCodeSchema.parse(res.json().error.code);
    return { ok: false, error: { kind: 'api', status: res.statusCode, code } };
  }
  return { ok: true, value: parse(res.json()) };
}

/** Calls an in-process server; `faults` can lose a push's answer or cut a pull. */
export function injectTransport(
  app: FastifyInstance,
  token: string,
  hooks: {
    onPushed?: (ops: Parameters<SyncTransport['push']>[0], res: PushResponse) => void;
    loseNextPushAnswer?: () => boolean;
    failPull?: () => boolean;
    /** Runs before each pull request, e.g. a user edit made while the sync is under way. */
    beforePull?: () => Promise<void>;
  } = {},
): SyncTransport {
  return {
    async push(ops, sentAt) {
      const res = await inject(app, token, (v) => pushResponseSchema.parse(v), {
        method: 'POST',
        url: '/api/sync/push',
        payload: { ops, sentAt },
      });
      if (res.ok) hooks.onPushed?.(ops, res.value);
      if (res.ok && hooks.loseNextPushAnswer?.()) return { ok: false, error: { kind: 'offline' } };
      return res;
    },
    async pull(cursor, limit, count) {
      await hooks.beforePull?.();
      if (hooks.failPull?.()) return { ok: false, error: { kind: 'offline' } };
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor) q.set('cursor', cursor);
      if (count) q.set('count', '1');
      return inject(app, token, (v) => pullResponseSchema.parse(v), {
        method: 'GET',
        url: `/api/sync/pull?${q}`,
      });
    },
  };
}

export interface TestDevice {
  db: TungNhaDb;
  write(writes: Write[]): Promise<string>;
  sync(transport: SyncTransport, pageLimit?: number): Promise<SyncOutcome>;
  /** Every synced row of the device as `entity:id` → { data, clocks } (derived fields left out). */
  snapshot(): Promise<
    Map<string, { data: Record<string, unknown>; clocks: Record<string, string> }>
  >;
  close(): Promise<void>;
}

// The device's rows are sealed (app/db/sealedRows.ts): the simulated phones run unlocked, under
// one key (the vault is the page's; nothing here locks it).
await vault.open(crypto.getRandomValues(new Uint8Array(32)));

export function createTestDevice(name: string, now: () => number): TestDevice {
  const db = new TungNhaDb(name);
  return {
    db,
    write: (writes) => writeAll(writes, db, now),
    sync: (transport, pageLimit) => syncOnce({ db, transport, now, pageLimit }),
    async snapshot() {
      const out = new Map<
        string,
        { data: Record<string, unknown>; clocks: Record<string, string> }
      >();
      for (const entity of SYNC_ENTITIES) {
        for (const row of await entityRows(db, entity).all()) {
          const v = rowToVersioned(row);
          if (!v) continue;
          const data = Object.fromEntries(
            Object.entries(v.data).filter(([k]) => !k.startsWith('_')),
          );
          out.set(`${entity}:${row.id}`, { data, clocks: v.clocks });
        }
      }
      return out;
    },
    async close() {
      db.close();
      await db.delete();
    },
  };
}

/** Calls a real server over HTTP (as the app does), at a base URL that may change (restarts). */
export function fetchTransport(
  baseUrl: () => string,
  token: string,
  hooks: {
    beforePush?: () => void;
    /** As injectTransport's: the push went through but its answer is lost. */
    loseNextPushAnswer?: () => boolean;
    /** As injectTransport's: the pull is cut before it reaches the server. */
    failPull?: () => boolean;
  } = {},
): SyncTransport {
  const call = async <T>(
    path: string,
    parse: (v: unknown) => T,
    init?: RequestInit,
  ): Promise<ApiResult<T>> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl()}${path}`, {
        ...init,
        headers: {
          ...bearer(token),
          'content-type': 'application/json',
          'x-protocol-version': String(PROTOCOL_VERSION),
        },
      });
    } catch {
      return { ok: false, error: { kind: 'offline' } };
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return { ok: false, error: { kind: 'offline' } };
    }
    if (!res.ok) {
      // As the app's client: an error body that is not the API's (a proxy, a closing server).
      const code = errorCodeSchema.safeParse((json as { error?: { code?: unknown } }).error?.code);
      if (!code.success)
        return {
          ok: false,
          error: { kind: 'bad_response', status: res.status, detail: 'unknown error body' },
        };
      return { ok: false, error: { kind: 'api', status: res.status, code: code.data } };
    }
    return { ok: true, value: parse(json) };
  };
  return {
    async push(ops, sentAt) {
      hooks.beforePush?.();
      const res = await call('/api/sync/push', (v) => pushResponseSchema.parse(v), {
        method: 'POST',
        body: JSON.stringify({ ops, sentAt }),
      });
      if (res.ok && hooks.loseNextPushAnswer?.()) return { ok: false, error: { kind: 'offline' } };
      return res;
    },
    async pull(cursor, limit, count) {
      if (hooks.failPull?.()) return { ok: false, error: { kind: 'offline' } };
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor) q.set('cursor', cursor);
      if (count) q.set('count', '1');
      return call(`/api/sync/pull?${q}`, (v) => pullResponseSchema.parse(v));
    },
  };
}
