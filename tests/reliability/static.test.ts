import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { openPglite } from '../../src/server/store/pglite';
import { migrate } from '../../src/server/store/migrate';
import type { Store } from '../../src/server/store/store';
import { addToTally, scaled } from './tally';

const root = path.resolve(import.meta.dirname, '../..');
const distDir = path.join(root, 'dist');

/** Files outside the built app that a traversal would try to reach, and a line of each. */
const SECRETS = [
  { probe: 'package.json', marker: '"name": "tung-nha"' },
  { probe: 'etc/passwd', marker: 'root:x:0:0' },
  { probe: 'src/server/main.ts', marker: 'readConfig' },
];

describe('static files: no path leaves the built app', () => {
  let app: FastifyInstance;
  let store: Store;

  beforeAll(async () => {
    if (!existsSync(path.join(distDir, 'index.html'))) {
      const { build } = await import('vite');
      await build({ root, logLevel: 'silent' });
    }
    store = await openPglite();
    await migrate(store);
    app = await createApp({ store, staticDir: distDir });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('serves no file outside dist, whatever the encoding of "..", and never crashes', async () => {
    const dots = fc.constantFrom(
      '..',
      '%2e%2e',
      '%2E%2E',
      '.%2e',
      '%252e%252e',
      '..%00',
      '....//',
      '..\\',
    );
    const slash = fc.constantFrom('/', '%2f', '%2F', '%5c', '\\', '//');
    const target = fc.constantFrom(...SECRETS);
    const prefix = fc.constantFrom('', 'assets/', 'icons/', 'h/25093/');
    let requests = 0;
    let unexpected = 0;
    await fc.assert(
      fc.asyncProperty(
        prefix,
        fc.array(fc.tuple(dots, slash), { minLength: 1, maxLength: 8 }),
        target,
        async (pre, ups, t) => {
          const url = `/${pre}${ups.map(([d, s]) => d + s).join('')}${t.probe}`;
          const res = await app.inject({ method: 'GET', url });
          requests++;
          const leaked = res.body.includes(t.marker);
          const okStatus = [200, 400, 403, 404].includes(res.statusCode);
          if (leaked || !okStatus) unexpected++;
          expect(leaked, url).toBe(false);
          expect(okStatus, `${url} → ${res.statusCode}`).toBe(true);
          // When something is served, it is the app shell, not a file from elsewhere.
          if (res.statusCode === 200) expect(res.body).toContain('<div id="root">');
        },
      ),
      { numRuns: scaled(300, 3000) },
    );
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    addToTally({ badInputs: requests, unexpectedStatus: unexpected });
  });
});
