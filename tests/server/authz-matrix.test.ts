import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { STATUS } from '../../src/server/http/errors';
import { startTestApp, type TestApp } from '../support/accountsApp';
import { DATABASE_KINDS } from '../support/stores';
import { DATA_ROWS } from './authzMatrixDataRows';
import { DELETION_ROWS } from './authzMatrixDeletionRows';
import { EXPORT_LOG_ROWS } from './authzMatrixExportRows';
import { ACCOUNT_ROWS, type Case, type Outcome, type Row } from './authzMatrixRows';
import {
  CALLERS,
  forbiddenText,
  seedWorld,
  SEES_VILLAGE_A,
  SESSION_ENDED,
  tokenOf,
  type World,
} from './authzMatrixWorld';

/**
 * Every API route × every kind of caller → the expected answer, and what its body may hold: a
 * success exactly what the caller may see, a refusal `{ error: { code } }` and nothing else. No
 * response to a caller outside village A carries any of village A's data. Each case gets a fresh
 * device token for its caller, so a logout or a revoke never disturbs the next case; all cases of
 * a database kind share one seeded world (authzMatrixWorld.ts).
 */

/** HEAD runs the GET handler (Fastify adds it): the same answer, without a body. */
const HEAD_ROWS: Row[] = [...ACCOUNT_ROWS, ...DATA_ROWS, ...DELETION_ROWS, ...EXPORT_LOG_ROWS]
  .filter((r) => r.route.startsWith('GET '))
  .map((r) => ({
    ...r,
    route: r.route.replace(/^GET /, 'HEAD '),
    name: r.name.replace(/^GET /, 'HEAD '),
    head: true,
  }));
const ROWS: Row[] = [
  ...ACCOUNT_ROWS,
  ...DATA_ROWS,
  ...DELETION_ROWS,
  ...EXPORT_LOG_ROWS,
  ...HEAD_ROWS,
];

const statusOf = (o: Outcome) => (typeof o === 'number' ? o : STATUS[o]);

const refusalSchema = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string().optional() }),
});

/** The routes the app registered, from its route tree (`METHOD /path`). */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue;
    const m = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) throw new Error(`unexpected route tree line: ${line}`);
    const depth = (m[1] as string).length / 4;
    const path = (depth > 0 ? (paths[depth - 1] ?? '') : '') + m[2];
    paths[depth] = path;
    paths.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) routes.push(`${method} ${path}`);
  }
  return routes;
}

const unique = (list: string[]) => [...new Set(list)].sort();

it('expects the end of a session by a password change to be a 401', () => {
  expect(STATUS[SESSION_ENDED]).toBe(401);
});

it('has a row for every route declared in src/server/routes', () => {
  const dir = join(import.meta.dirname, '../../src/server/routes');
  const declared: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text, `${file}: declare routes as app.get/post/… so this scan sees them`).not.toMatch(
      /\bapp\.route\(/,
    );
    for (const m of text.matchAll(
      /\bapp\.(get|post|put|patch|delete|head|options|all)\(\s*'([^']+)'/g,
    ))
      declared.push(`${(m[1] as string).toUpperCase()} ${m[2]}`);
  }
  expect(declared.length).toBeGreaterThan(0);
  expect(unique(ROWS.filter((r) => !r.head).map((r) => r.route))).toEqual(unique(declared));
});

describe.each(DATABASE_KINDS)('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t, kind, ROWS.length + 1);
  });
  afterAll(() => t?.close());

  it('has a row for every route the app registers, and none for a route it does not', () => {
    const registered = registeredRoutes(t.app);
    for (const route of registered) {
      const [method, url] = route.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    expect(unique(ROWS.map((r) => r.route))).toEqual(unique(registered));
  });

  const cases = ROWS.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row] as const));
  it.each(cases)('%s as %s', async (_name, caller, row) => {
    const token = await tokenOf(w, caller);
    const base = { w, caller, ...token };
    const c: Case = { ...base, prep: await row.prepare(base) };
    const before = await row.state?.(c);
    const res = await t.call({
      method: row.route.split(' ')[0] as 'GET',
      url: c.prep.url,
      token: token.token,
      remoteAddress: w.ip(),
      ...(c.prep.payload ? { payload: c.prep.payload } : {}),
    });
    const want = row.expect[caller];
    const refused = typeof want === 'string';
    expect(res.statusCode, res.body).toBe(statusOf(want));
    const viewer = row.answersAs ?? caller;
    const secrets = !SEES_VILLAGE_A.has(viewer) || refused ? (row.secrets?.(c) ?? []) : [];
    for (const text of [...forbiddenText(w, viewer, refused), ...secrets])
      expect(res.body, `the answer carries "${text}"`).not.toContain(text);

    if (row.head) expect(res.body).toBe('');
    else if (refused) {
      const body = refusalSchema.safeParse(res.json());
      expect(body.success, res.body).toBe(true);
      expect(body.data?.error.code).toBe(want);
    } else await row.content?.(res.json(), c);

    if (row.state) {
      const after = await row.state(c);
      if (row.changes ? row.changes(c) : !refused) row.changed?.(after, c, before);
      else expect(after, 'a refused request changed nothing').toEqual(before);
    }
  });

  it('refuses a token whose commune prefix was changed to another commune', async () => {
    const token = (await w.freshDevice('canbo')).token.replace(
      `tn1.${w.a.communeCode}.`,
      `tn1.${w.b.communeCode}.`,
    );
    const res = await t.call({ method: 'GET', url: '/api/me', token });
    expect(res.statusCode).toBe(401);
    expect(refusalSchema.parse(res.json()).error.code).toBe('token_invalid');
  });
});
