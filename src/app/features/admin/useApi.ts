import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { apiRequest, type ApiFailure } from '../../api/client';

/** Announces that an API resource changed, so every screen showing it loads it again. */
export function announceChange(path: string) {
  window.dispatchEvent(new CustomEvent('tn:api-changed', { detail: path }));
}

/**
 * Loads one API resource for an online-only screen; `reload` fetches it again, and so does
 * `announceChange(path)` from another panel (a village added shows up in the volunteer form).
 */
export function useApi<S extends z.ZodType>(path: string, schema: S) {
  const [state, setState] = useState<{ data?: z.infer<S>; error?: ApiFailure }>({});
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    void apiRequest(path, schema, { signal: ctrl.signal }).then((res) => {
      if (!ctrl.signal.aborted) setState(res.ok ? { data: res.value } : { error: res.error });
    });
    return () => ctrl.abort();
  }, [path, schema, version]);
  useEffect(() => {
    const onChange = (e: Event) => {
      if ((e as CustomEvent<string>).detail === path) setVersion((v) => v + 1);
    };
    window.addEventListener('tn:api-changed', onChange);
    return () => window.removeEventListener('tn:api-changed', onChange);
  }, [path]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
