import { useSyncExternalStore } from 'react';

/**
 * History-based routing in a few lines: deep links such as /h/<commune>/<code> must open from a
 * QR sticker. The screens and their paths are one table, src/app/routes.ts; this module matches a
 * path against a pattern and builds a path from one, typed by the pattern.
 */
const listeners = new Set<() => void>();

function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener('popstate', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', cb);
  };
}

export function navigate(path: string, opts: { replace?: boolean } = {}) {
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((cb) => cb());
  window.scrollTo?.(0, 0);
}

export function usePath(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** The parameters a pattern names: '/ho/:id/sua' gives { id: string }, '/tim' gives {}. */
export type PathParams<P extends string> = {
  [K in ParamName<Segment<P>>]: string;
};
type Segment<P extends string> = P extends `${infer Head}/${infer Rest}` ? Head | Segment<Rest> : P;
type ParamName<S extends string> = S extends `:${infer Name}` ? Name : never;

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * The decoded parameters when `path` fits `pattern`, else null. Empty segments are ignored (so
 * '/tim/' is '/tim'), and a badly escaped segment fits nothing rather than throwing.
 */
export function matchPattern<P extends string>(pattern: P, path: string): PathParams<P> | null {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  try {
    for (let i = 0; i < want.length; i++) {
      const part = want[i] as string;
      const seg = got[i] as string;
      if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
      else if (part !== seg) return null;
    }
  } catch {
    return null; // a malformed escape (URIError)
  }
  return params as PathParams<P>;
}

/** Fills a pattern's parameters, each escaped: '/ho/:id' with { id: 'a b' } gives '/ho/a%20b'. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([^/]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

type HrefArgs<P extends string> = [keyof PathParams<P>] extends [never]
  ? [params?: Record<string, never>]
  : [params: PathParams<P>];

/**
 * The app's route table registers its paths here (routes.ts: `declare module`), the way TanStack
 * Router's `Register` does: links are typed by the table without this lower room importing it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by routes.ts
export interface RouteRegistry {}
type RoutePath = RouteRegistry extends { paths: infer P extends string } ? P : string;

/**
 * A link to one of the table's screens, by its pattern: href('/ho/:id', { id }). Only patterns of
 * the route table compile, with exactly their parameters.
 */
export function href<P extends RoutePath>(pattern: P, ...[params]: HrefArgs<P>): string {
  return fillPattern(pattern, params ?? {});
}
