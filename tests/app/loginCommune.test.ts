// @vitest-environment node
// The app's login against a real server in the same process (as sessionEnded.test.ts): one phone
// number registered in two communes with the same password.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { failureMessage } from '../../src/app/features/auth/messages';
import { login, wireApi } from '../../src/app/session/actions';
import { readSession, wipeDevice } from '../../src/app/session/deviceData';
import { createApp } from '../../src/server/app';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/store';
import { OTHER_COMMUNE, seedCommune, TEST_PASSWORD } from '../support/accounts';
import { stubPageAndFetch } from '../support/inProcessApp';

let server: FastifyInstance;
let store: Store;
const LAN = '0912345678';

beforeAll(async () => {
  stubPageAndFetch(() => server);
  store = await openPglite();
  await migrate(store);
  server = await createApp({ store });
  for (const code of [undefined, OTHER_COMMUNE])
    await seedCommune(store, {
      ...(code ? { code } : {}),
      villages: ['Thôn Đông'],
      users: [{ username: LAN, role: 'volunteer', villages: ['Thôn Đông'] }],
    });
  wireApi();
}, 60_000);
afterAll(async () => {
  await wipeDevice();
  vi.unstubAllGlobals();
  await server.close();
  await store.close();
});

it('asks for the commune’s code when a name and password open accounts of two communes', async () => {
  const asked = await login(LAN, TEST_PASSWORD, 'Máy thử');
  expect(asked.ok).toBe(false);
  expect(failureMessage(asked)).toContain('Hãy nhập mã xã của bạn');
  expect(await readSession()).toBeNull();

  const chosen = await login(LAN, TEST_PASSWORD, 'Máy thử', OTHER_COMMUNE);
  expect(chosen.ok).toBe(true);
  expect((await readSession())?.commune.code).toBe(OTHER_COMMUNE);
});
