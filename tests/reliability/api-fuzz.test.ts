import { cleanText } from '../../src/domain/cleanText';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, revokeDevice } from '../../src/server/accounts/devices';
import { BODY_LIMIT } from '../../src/server/app';
import { OTHER_COMMUNE, seedCommune } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';
import { clockAt, syncApi, uuid } from '../support/sync';
import { databaseFingerprint } from './fingerprint';
import {
  fuzzHarness,
  leafPaths,
  routeUrl,
  setPath,
  stringPaths,
  type Allowed,
} from './fuzzHarness';
import {
  injection,
  malformedJson,
  nested,
  notAString,
  ROUTES,
  traversalId,
  type FuzzRoute,
  type FuzzWorld,
} from './fuzzRoutes';
import { addToTally, scaled } from './tally';

/**
 * Thousands of generated hostile requests to every API route, on PGlite and PostgreSQL. Each
 * must get its precise 4xx code, the server must stay up, and requests that must change nothing
 * leave the database byte for byte as it was.
 */
const RUNS = scaled(12, 150);
const guarded = ROUTES.filter((r) => r.auth);
const withBody = ROUTES.filter((r) => r.method !== 'GET');
const parsedBody = ROUTES.filter((r) => r.body && !r.sideEffect);
const withId = ROUTES.filter((r) => r.id);

describe.each(DATABASE_KINDS)('API fuzzing on %s', (kind) => {
  let t: TestApp;
  let w: FuzzWorld;
  let h: ReturnType<typeof fuzzHarness>;
  const bad: Record<string, string> = {};
  let householdA = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    h = fuzzHarness(t.app);
    const a = await seedCommune(t.store, {
      villages: ['Thôn Đông', 'Thôn Tây'],
      users: [
        { username: 'canbo', role: 'officer' },
        { username: 'totruong', role: 'leader', villages: ['Thôn Đông'] },
        { username: '0911111111', role: 'volunteer', villages: ['Thôn Đông'] },
        { username: '0955555555', role: 'volunteer', villages: ['Thôn Tây'] },
      ],
    });
    const b = await seedCommune(t.store, {
      code: OTHER_COMMUNE,
      villages: ['Tổ dân phố 1'],
      users: [{ username: 'canbo.b', role: 'officer' }],
    });
    w = { a, b, n: 0 };
    const officer = a.users.canbo as string;
    const revoked = await createDevice(t.store, a.communeCode, officer, 'Máy mất');
    await revokeDevice(t.store, a.communeCode, revoked.deviceId, officer);
    bad.revoked = revoked.token;
    const disable = await t.call({
      method: 'PATCH',
      url: `/api/users/${a.users['0955555555']}`,
      token: a.tokens.canbo,
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    bad.disabled = a.tokens['0955555555'] as string;
    bad.tampered = (a.tokens.canbo as string).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    bad.otherPrefix = (a.tokens.canbo as string).replace(
      `.${a.communeCode}.`,
      `.${b.communeCode}.`,
    );
    householdA = uuid();
    const pushed = await syncApi(t.app, a.tokens.canbo as string).push([
      {
        opId: uuid(),
        entity: 'household',
        id: householdA,
        fields: { villageId: a.villages['Thôn Đông'], headName: 'Hộ Nguyễn Văn An' },
        clock: clockAt(t.clock.now),
      },
    ]);
    expect(pushed.results[0]?.status).toBe('applied');
    await syncApi(t.app, b.tokens['canbo.b'] as string).push([]);
    // "Last seen" is written at most once a minute; keep it out of the fingerprints.
    await t.store.exec(`UPDATE devices SET last_seen_at = now() + interval '1 day'`);
  });
  afterAll(async () => {
    await t?.close();
    addToTally({
      badInputs: h?.counts.requests ?? 0,
      unexpectedStatus: h?.counts.unexpected ?? 0,
      crashes: h?.counts.crashes ?? 0,
    });
  });

  const officer = () => w.a.tokens.canbo as string;

  /** Runs `property`, then checks: no failure, the server answers, the database unchanged. */
  async function unchanged(property: () => Promise<void>) {
    h.counts.failures.length = 0;
    const before = await databaseFingerprint(t.store);
    await property();
    expect(h.counts.failures).toEqual([]);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    if (health.statusCode !== 200) h.counts.crashes++;
    expect(health.statusCode).toBe(200);
    expect(await databaseFingerprint(t.store)).toEqual(before);
  }

  it('refuses missing, garbage, tampered, foreign-prefixed, revoked and disabled tokens', () =>
    unchanged(async () => {
      const tokenCase = fc.oneof(
        fc.constant({ token: undefined, code: 'unauthenticated' as const }),
        fc.string({ maxLength: 80 }).map((s) => ({
          token: s.replace(/[^\x21-\x7e]/g, 'x'),
          code: 'token_invalid' as const,
        })),
        fc.constantFrom(
          { token: bad.tampered, code: 'token_invalid' as const },
          { token: bad.otherPrefix, code: 'token_invalid' as const },
          { token: bad.revoked, code: 'device_revoked' as const },
          { token: bad.disabled, code: 'device_revoked' as const },
        ),
      );
      for (const route of guarded) {
        await fc.assert(
          fc.asyncProperty(tokenCase, async ({ token, code }) => {
            await h.send(
              { method: route.method, url: routeUrl(route, w), token, payload: route.body?.(w) },
              [code],
            );
          }),
          { numRuns: RUNS },
        );
      }
    }));

  it('tells an app too old for the server to update, on every route', () =>
    unchanged(async () => {
      for (const route of ROUTES) {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom('0', '-1', 'abc', '0.5', '', '1e400'), async (v) => {
            await h.send(
              {
                method: route.method,
                url: routeUrl(route, w),
                token: officer(),
                headers: { 'x-protocol-version': v },
                payload: route.body?.(w),
              },
              ['protocol_outdated'],
            );
          }),
          { numRuns: Math.min(RUNS, 12) },
        );
      }
    }));

  it('refuses malformed JSON and unknown media types', () =>
    unchanged(async () => {
      for (const route of withBody) {
        await fc.assert(
          fc.asyncProperty(
            malformedJson,
            fc.constantFrom('application/json', 'application/xml'),
            async (text, contentType) => {
              await h.send(
                {
                  method: route.method,
                  url: routeUrl(route, w),
                  token: officer(),
                  payload: text,
                  contentType,
                },
                [contentType === 'application/json' ? 'bad_request' : 'unsupported_media_type'],
              );
            },
          ),
          { numRuns: RUNS },
        );
      }
    }));

  it('refuses bodies over the limit with 413 payload_too_large', () =>
    unchanged(async () => {
      for (const route of withBody) {
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 1, max: 64 * 1024 }), async (extra) => {
            const filler = 'x'.repeat(BODY_LIMIT + extra);
            await h.send(
              {
                method: route.method,
                url: routeUrl(route, w),
                token: officer(),
                payload: { filler },
              },
              ['payload_too_large'],
            );
          }),
          { numRuns: scaled(2, 6) },
        );
      }
    }));

  it('refuses deeply nested bodies and values', () =>
    unchanged(async () => {
      for (const route of parsedBody) {
        const valid = route.body?.(w) ?? {};
        const paths = leafPaths(valid);
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 64, max: scaled(20_000, 200_000) }),
            fc.constantFrom('array' as const, 'object' as const),
            fc.option(fc.constantFrom(...paths), { nil: undefined }),
            async (depth, shape, path) => {
              const deep = nested(depth, shape);
              // The whole body, or one field of an otherwise valid body, nested `depth` levels.
              const text = path
                ? JSON.stringify(setPath(valid, path, '__DEEP__')).replace('"__DEEP__"', deep)
                : deep;
              // Account routes take at most 16 KiB: a deeper body is refused for its size first.
              await h.send(
                { method: route.method, url: routeUrl(route, w), token: officer(), payload: text },
                ['validation_failed', 'bad_request', 'payload_too_large'],
              );
            },
          ),
          { numRuns: RUNS },
        );
      }
    }));

  it('refuses wrong types in every field', () =>
    unchanged(async () => {
      for (const route of parsedBody) {
        const valid = route.body?.(w) ?? {};
        const paths = leafPaths(valid)
          .concat([['ops']])
          .filter((p) => route.strict || p[0] === 'ops');
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...paths), notAString, async (path, value) => {
            // An empty list is a valid value for a list field (ops, villageIds): use a wrong one.
            if (Array.isArray(value) && value.length === 0) value = [0];
            const body = setPath(valid, path, value) as object;
            await h.send(
              { method: route.method, url: routeUrl(route, w), token: officer(), payload: body },
              ['validation_failed'],
            );
          }),
          { numRuns: RUNS },
        );
      }
    }));

  it('refuses unknown fields, and prototype pollution', () =>
    unchanged(async () => {
      for (const route of parsedBody.filter((r) => r.strict)) {
        const valid = route.body?.(w) ?? {};
        const key = fc
          .string({ minLength: 1, maxLength: 24 })
          .filter(
            (k) =>
              !(k in valid) &&
              !(route.optional ?? []).includes(k) &&
              !['__proto__', 'constructor', 'prototype'].includes(k),
          );
        await fc.assert(
          fc.asyncProperty(key, fc.jsonValue({ maxDepth: 2 }), async (k, v) => {
            const payload = { ...valid, [k]: v };
            await h.send(
              { method: route.method, url: routeUrl(route, w), token: officer(), payload },
              // A nested "__proto__" or "constructor" key is refused by the JSON parser itself.
              /"(__proto__|constructor)"/.test(JSON.stringify(payload))
                ? ['validation_failed', 'bad_request']
                : ['validation_failed'],
            );
          }),
          { numRuns: RUNS },
        );
        const poisoned = JSON.stringify(valid).replace('{', '{"__proto__":{"role":"officer"},');
        await h.send(
          { method: route.method, url: routeUrl(route, w), token: officer(), payload: poisoned },
          ['bad_request'],
        );
      }
    }));

  it('refuses path traversal and malformed ids in the path', () =>
    unchanged(async () => {
      for (const route of withId) {
        await fc.assert(
          fc.asyncProperty(traversalId, fc.boolean(), async (id, encode) => {
            const raw =
              encode || !/^[\x21-\x7e]*$/.test(id) ? encodeURIComponent(id.toWellFormed()) : id;
            const nonEmpty = raw === '' ? '%20' : raw;
            await h.send(
              {
                method: route.method,
                url: routeUrl(route, w, nonEmpty),
                token: officer(),
                payload: route.body?.(w),
              },
              // An encoded id reaches the route (and fails its uuid check); a raw "/" may not, nor
              // a raw "?" or "#" (the rest of the path becomes the query or the fragment).
              [
                'validation_failed',
                ...(/[/\\?#]|^\.|%2e/i.test(raw) ? (['not_found'] as const) : []),
                ...(raw.length > 100 ? (['uri_too_long'] as const) : []),
                // A "%" not followed by two hex digits cannot be decoded: a bad request.
                ...(/%(?![0-9a-f]{2})/i.test(raw) ? (['bad_request'] as const) : []),
              ],
            );
          }),
          { numRuns: RUNS },
        );
        await fc.assert(
          fc.asyncProperty(fc.uuid({ version: 7 }), async (id) => {
            await h.send(
              {
                method: route.method,
                url: routeUrl(route, w, id),
                token: officer(),
                payload: route.body?.(w),
              },
              ['not_found'],
            );
          }),
          { numRuns: Math.min(RUNS, 20) },
        );
      }
    }));

  it("keeps communes apart: another commune's ids are not found, its records not reachable", () =>
    unchanged(async () => {
      const other = () => w.b.tokens['canbo.b'] as string;
      const aIds: [FuzzRoute, string][] = withId.flatMap((r) =>
        [
          ...Object.values(w.a.villages),
          ...Object.values(w.a.users),
          ...Object.values(w.a.devices),
        ].map((id) => [r, id] as [FuzzRoute, string]),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...aIds), async ([route, id]) => {
          await h.send(
            {
              method: route.method,
              url: routeUrl(route, w, id),
              token: other(),
              payload: route.body?.(w),
            },
            ['not_found', 'validation_failed'],
          );
        }),
        { numRuns: RUNS * 4 },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.values(w.a.villages)), async (villageId) => {
          await h.send(
            {
              method: 'GET',
              url: `/api/reports?kind=month&year=2026&period=3&villageId=${villageId}`,
              token: other(),
            },
            ['out_of_scope'],
          );
        }),
        { numRuns: Math.min(RUNS, 20) },
      );
      // Writes into commune A's household or villages with commune B's token are refused op by op.
      const foreignOp = fc.record({
        opId: fc.uuid({ version: 7 }),
        entity: fc.constantFrom('household', 'visit', 'member'),
        id: fc.constantFrom(householdA, uuid()),
        fields: fc.oneof(
          fc.record({ headName: injection }),
          fc.record({
            villageId: fc.constantFrom(...Object.values(w.a.villages)),
            headName: injection,
          }),
          fc.record({ householdId: fc.constant(householdA), at: fc.constant('2026-03-01') }),
        ),
        clock: fc.constant(clockAt(t.clock.now)),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(foreignOp, { minLength: 1, maxLength: 5 }), async (ops) => {
          const res = await h.send(
            { method: 'POST', url: '/api/sync/push', token: other(), payload: { ops } },
            ['ok'],
          );
          const results =
            (res.json() as { results?: { status: string; code?: string }[] }).results ?? [];
          const accepted = results.filter((r) => r.status !== 'rejected');
          if (accepted.length > 0) {
            h.counts.unexpected++;
            h.counts.failures.push(`foreign op accepted: ${JSON.stringify(accepted)}`);
          }
        }),
        { numRuns: RUNS },
      );
      const pulled = await t.call({ method: 'GET', url: '/api/sync/pull', token: other() });
      expect(pulled.body).not.toContain(householdA);
    }));

  it('stores injection strings as plain data and never breaks a query', async () => {
    h.counts.failures.length = 0;
    const rowsBefore = await tableSizes();
    const inject: Record<string, { paths?: (string | number)[][]; allowed: Allowed }> = {
      'POST /api/setup': { allowed: ['validation_failed', 'already_set_up'] },
      'POST /api/auth/login': {
        paths: [['username'], ['deviceName']],
        allowed: ['ok', 'validation_failed', 'invalid_credentials'],
      },
      'POST /api/auth/password': {
        paths: [['currentPassword']],
        allowed: ['validation_failed', 'current_password_wrong'],
      },
      'POST /api/villages': { allowed: ['ok', 'validation_failed', 'village_name_taken'] },
      'PATCH /api/villages/:id': { allowed: ['ok', 'validation_failed'] },
      'POST /api/users': { allowed: ['ok', 'validation_failed', 'username_taken'] },
      'PATCH /api/users/:id': { allowed: ['ok', 'validation_failed'] },
      'POST /api/exports': {
        paths: [['events', 0, 'what']],
        allowed: ['ok', 'validation_failed', 'rate_limited'],
      },
    };
    for (const route of parsedBody.filter((r) => r.strict)) {
      const spec = inject[route.name];
      if (!spec) throw new Error(`no injection spec for ${route.name}`);
      const paths = spec.paths ?? stringPaths(route.body?.(w));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), injection, async (path, value) => {
          const body = setPath(route.body?.(w), path, value) as Record<string, unknown>;
          const res = await h.send(
            { method: route.method, url: routeUrl(route, w), token: officer(), payload: body },
            spec.allowed,
          );
          // What was accepted comes back as sent, cleaned (domain/cleanText.ts: NFC, no control
          // or invisible characters, one space between words).
          if (res.statusCode < 300 && route.name === 'POST /api/villages')
            expect(res.json().village.name).toBe(cleanText(String(value)));
          if (
            res.statusCode < 300 &&
            route.name === 'PATCH /api/users/:id' &&
            path[0] === 'displayName'
          )
            expect(res.json().user.displayName).toBe(cleanText(String(value)));
        }),
        { numRuns: RUNS },
      );
    }
    const queries: [string, (v: string) => string, Allowed][] = [
      [
        'communes',
        (v) => `/api/communes?q=${encodeURIComponent(v.toWellFormed())}`,
        ['ok', 'validation_failed'],
      ],
      [
        'cursor',
        (v) => `/api/sync/pull?cursor=${encodeURIComponent(v.toWellFormed())}`,
        ['ok', 'validation_failed'],
      ],
      [
        'limit',
        (v) => `/api/sync/pull?limit=${encodeURIComponent(v.toWellFormed())}`,
        ['validation_failed'],
      ],
      // A device may ask for 20 reports a minute (second security round, defect 2): past them the
      // fuzz's officer is refused before the query is read, which is an answer too.
      [
        'report',
        (v) => `/api/reports?kind=month&year=2026&period=${encodeURIComponent(v.toWellFormed())}`,
        ['validation_failed', 'rate_limited'],
      ],
      [
        'village',
        (v) =>
          `/api/reports?kind=month&year=2026&period=1&villageId=${encodeURIComponent(v.toWellFormed())}`,
        ['validation_failed', 'rate_limited'],
      ],
    ];
    for (const [, url, allowed] of queries) {
      await fc.assert(
        fc.asyncProperty(injection, async (v) => {
          await h.send({ method: 'GET', url: url(v), token: officer() }, allowed);
        }),
        { numRuns: RUNS },
      );
    }
    // In a synced record, any string is data: it comes back from a pull exactly as written.
    const applied = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(injection, async (value) => {
        const id = uuid();
        const op = {
          opId: uuid(),
          entity: 'household',
          id,
          clock: clockAt(t.clock.now),
          fields: { villageId: w.a.villages['Thôn Đông'], headName: value },
        };
        const res = await h.send(
          { method: 'POST', url: '/api/sync/push', token: officer(), payload: { ops: [op] } },
          ['ok'],
        );
        // PostgreSQL's jsonb cannot hold NUL or a lone surrogate: such a field is refused, op by op.
        const storable = !value.includes('\u0000') && value.isWellFormed();
        const result = res.json().results[0];
        if (!storable || result.status !== 'applied')
          expect(result).toMatchObject({ status: 'rejected', code: 'invalid_fields' });
        else applied.set(id, value);
      }),
      { numRuns: RUNS },
    );
    const all = await syncApi(t.app, officer()).pullAll();
    expect(applied.size).toBeGreaterThan(0);
    for (const [id, value] of applied)
      expect(all.records.get(`household:${id}`)?.data.headName).toBe(value);
    expect(h.counts.failures).toEqual([]);
    const rowsAfter = await tableSizes();
    for (const [table, n] of Object.entries(rowsBefore))
      expect(rowsAfter[table]).toBeGreaterThanOrEqual(n);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  async function tableSizes(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of ['communes', 'villages', 'users', 'devices', 'records']) {
      const rows = await t.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      out[table] = rows[0]?.n ?? 0;
    }
    return out;
  }
});
