import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, type AppDeps } from '../../src/server/app';
import type { DatabaseKind, Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune, type SeedUser } from './accounts';
import { createMigratedTestDatabase } from './stores';

/** A migrated test database and the HTTP app on it, with a clock the test can move. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  clock: { now: number };
  call(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Requests come from 127.0.0.1 (inject), trusted as a proxy unless `deps` say otherwise, so a test
 * (and the fuzz harness) can give each request its own client address with X-Forwarded-For.
 */
export async function startTestApp(
  kind: DatabaseKind,
  deps: Pick<AppDeps, 'trustProxy' | 'sessionIdleMs' | 'logger'> = {},
): Promise<TestApp> {
  const db = await createMigratedTestDatabase(kind);
  const store = await db.open();
  const clock = { now: Date.parse('2026-03-01T08:00:00Z') };
  const app = await createApp({
    store,
    now: () => clock.now,
    trustProxy: ['127.0.0.1'],
    ...deps,
  });
  return {
    app,
    store,
    clock,
    call: ({ token, headers, ...opts }) =>
      app.inject({
        ...opts,
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }),
    async close() {
      await app.close();
      await store.close();
      await db.drop();
    },
  };
}

/** The volunteer the account tests log in as. */
export const VOLUNTEER = '0912345678';

/** What seedCommune is given: villages by name, and users. */
export type CommuneSeed = Parameters<typeof seedCommune>[1];

/** One village and its volunteer. */
export const LONE_VOLUNTEER: CommuneSeed = {
  villages: ['Thôn Đông'],
  users: [{ username: VOLUNTEER, role: 'volunteer', villages: ['Thôn Đông'] }],
};

const OFFICER: SeedUser = { username: 'canbo', role: 'officer' };

/** One village, the commune officer (`canbo`) and the volunteer: most account tests start here. */
export const OFFICER_AND_VOLUNTEER: CommuneSeed = {
  villages: LONE_VOLUNTEER.villages,
  users: [OFFICER, ...LONE_VOLUNTEER.users],
};

/** A test app (startTestApp) with a commune seeded in it (seedCommune). */
export async function startSeededApp(
  kind: DatabaseKind,
  seed: CommuneSeed = OFFICER_AND_VOLUNTEER,
  deps?: Parameters<typeof startTestApp>[1],
): Promise<{ t: TestApp; s: SeededCommune }> {
  const t = await startTestApp(kind, deps);
  return { t, s: await seedCommune(t.store, seed) };
}
