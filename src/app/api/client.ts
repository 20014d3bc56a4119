import type { z } from 'zod';
import { apiErrorSchema, PROTOCOL_HEADER, PROTOCOL_VERSION, type ErrorCode } from '../../protocol';

/**
 * The app's one door to the server. Adds the device token and the protocol version, parses every
 * response with its protocol schema, and turns every failure into a typed result (never a throw).
 */
export type ApiFailure =
  | { kind: 'offline' }
  | {
      kind: 'api';
      status: number;
      code: ErrorCode;
      message?: string;
      issues?: { path: string; message: string }[];
    }
  | { kind: 'bad_response'; status: number; detail: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export interface ApiHooks {
  getToken(): Promise<string | null>;
  /** The server refused this device (revoked, or the token no longer exists): wipe it. */
  onDeviceRevoked(): void;
  /** The session ended (password changed or reset, or unused too long): log in again, keep data. */
  onSessionEnded(): void;
  /** The server needs a newer app. */
  onOutdated(): void;
}

let hooks: ApiHooks = {
  getToken: async () => null,
  onDeviceRevoked: () => undefined,
  onSessionEnded: () => undefined,
  onOutdated: () => undefined,
};

export function configureApi(next: Partial<ApiHooks>) {
  hooks = { ...hooks, ...next };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Send no token even when logged in (login, setup). */
  anonymous?: boolean;
  baseUrl?: string;
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: RequestOptions = {},
): Promise<ApiResult<z.infer<S>>> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (!opts.anonymous) {
    const token = await hooks.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
  }
  let res: Response;
  try {
    res = await fetch(`${opts.baseUrl ?? ''}${path}`, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch {
    return { ok: false, error: { kind: 'offline' } };
  }
  let json: unknown;
  try {
    json = res.status === 204 ? undefined : await res.json();
  } catch {
    return { ok: false, error: { kind: 'bad_response', status: res.status, detail: 'not JSON' } };
  }
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        error: { kind: 'bad_response', status: res.status, detail: 'unknown error body' },
      };
    const { code, message, issues } = parsed.data.error;
    if (code === 'device_revoked' || code === 'token_invalid') hooks.onDeviceRevoked();
    if (code === 'session_expired') hooks.onSessionEnded();
    if (code === 'protocol_outdated') hooks.onOutdated();
    return { ok: false, error: { kind: 'api', status: res.status, code, message, issues } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        kind: 'bad_response',
        status: res.status,
        detail: parsed.error.message.slice(0, 200),
      },
    };
  }
  return { ok: true, value: parsed.data };
}
