import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';

/**
 * For app tests in the node environment against a real server in the same process: a page (what
 * the app's router uses of it: its address and history) stands in for `window`, and `fetch` is
 * answered by the server's inject, so tokens and error codes take the app's own paths.
 */
export function stubPageAndFetch(server: () => FastifyInstance) {
  const page = {
    location: { pathname: '/' },
    history: {
      pushState: (_state: unknown, _title: string, path: string) =>
        void (page.location.pathname = path),
      replaceState: (_state: unknown, _title: string, path: string) =>
        void (page.location.pathname = path),
    },
  };
  // Everything else a window has is the global one's (PGlite asks it for encodeURIComponent).
  vi.stubGlobal('window', Object.assign(Object.create(globalThis), page));
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const res = await server().inject({
      method: init.method === 'POST' ? 'POST' : 'GET',
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    return new Response(res.body, { status: res.statusCode });
  });
  return page;
}
