/**
 * The benchmark pages (tests/bench/*.html), built by Vite in production mode, so React, Dexie and
 * PouchDB run as users get them, and served by a tiny static server that can also pass path
 * prefixes on to other servers (same origin for the page, the API and pouchdb-server).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
export const PAGES_DIR = path.join(root, '.tmp/bench-pages');
const PAGES = ['search', 'pouch', 'dashboard'];

let built: Promise<void> | null = null;

export function buildBenchPages(): Promise<void> {
  built ??= (async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root,
        configFile: false,
        mode: 'production',
        logLevel: 'warn',
        define: { global: 'globalThis' },
        build: {
          outDir: PAGES_DIR,
          emptyOutDir: true,
          target: 'es2022',
          chunkSizeWarningLimit: 5000,
          rollupOptions: {
            input: Object.fromEntries(
              PAGES.map((p) => [p, path.join(root, `tests/bench/${p}.html`)]).filter(([, file]) =>
                existsSync(file ?? ''),
              ),
            ),
          },
        },
      });
    } finally {
      process.env.NODE_ENV = before;
    }
  })();
  return built;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

export interface PagesServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the built pages; requests under a `proxy` prefix go to that server unchanged. */
export async function servePages(proxy: Record<string, string> = {}): Promise<PagesServer> {
  const server = http.createServer((req, res) => {
    const reqUrl = req.url ?? '/';
    const target = Object.entries(proxy).find(([prefix]) => reqUrl.startsWith(prefix))?.[1];
    if (target) {
      const t = new URL(target);
      const upstream = http.request(
        {
          host: t.hostname,
          port: t.port,
          method: req.method,
          path: reqUrl,
          headers: { ...req.headers, host: t.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const file = path.join(PAGES_DIR, decodeURIComponent(reqUrl.split('?')[0] ?? '/'));
    if (!file.startsWith(PAGES_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
