import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_SESSION_IDLE_DAYS } from './auth/authenticate';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  logLevel: string;
  /** Comma-separated origins allowed by CORS; empty means no CORS at all. */
  corsOrigins: string[];
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustProxy: string[];
  /** A session unused this long ends: the device logs in again, keeping its data. */
  sessionIdleMs: number;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY besides addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: `10.0.0.5`, `10.0.0.0/8`, `fd00::/8` or a range name; else throws. */
export function parseTrustedProxy(entry: string): string {
  if (PROXY_RANGES.has(entry)) return entry;
  const [address = '', bits, extra] = entry.split('/');
  const version = isIP(address);
  const max = version === 4 ? 32 : 128;
  const ok =
    version !== 0 &&
    extra === undefined &&
    (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max));
  if (!ok)
    throw new Error(
      `TRUST_PROXY: "${entry}" is not an address, a CIDR (10.0.0.0/8) or loopback/linklocal/uniquelocal`,
    );
  return entry;
}

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
}

/** Reads the environment once, with the defaults the README documents. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const idleDays = positiveNumber(
    'SESSION_IDLE_DAYS',
    env.SESSION_IDLE_DAYS,
    DEFAULT_SESSION_IDLE_DAYS,
  );
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: path.resolve(env.STATIC_DIR ?? './dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    corsOrigins: list(env.CORS_ORIGINS),
    trustProxy: list(env.TRUST_PROXY).map(parseTrustedProxy),
    sessionIdleMs: idleDays * 24 * 60 * 60_000,
  };
}
