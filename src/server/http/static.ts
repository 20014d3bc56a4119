import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built PWA. Hashed assets are cached for a year; the service worker, the manifest and
 * index.html are revalidated on every load so that an update is noticed.
 */
export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<boolean> {
  if (!existsSync(path.join(staticDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: false,
    index: ['index.html'],
    setHeaders(res, filePath) {
      const rel = path.relative(staticDir, filePath);
      if (rel.startsWith('assets' + path.sep)) {
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('cache-control', 'no-cache');
      }
      if (rel === 'sw.js') res.setHeader('service-worker-allowed', '/');
    },
  });
  return true;
}
