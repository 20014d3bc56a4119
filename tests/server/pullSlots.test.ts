import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import { PULLS_IN_FLIGHT } from '../../src/server/routes/sync';
import { migrate } from '../../src/server/store/migrate';
import { openPglite } from '../../src/server/store/pglite';
import type { Store } from '../../src/server/store/store';
import { seedCommune, type SeededCommune } from '../support/accounts';

/**
 * Third attack on the second security round: a pull whose client hangs up while its token is being
 * checked kept its place for good, so a few accounts closing sockets at once blocked every pull of
 * their commune (429 `busy`) until a restart. A place is given back whenever the connection ends.
 */
describe('pull places come back when the client hangs up', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof createApp>>;
  let s: SeededCommune;
  let port = 0;
  beforeAll(async () => {
    store = await openPglite();
    await migrate(store);
    s = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: Array.from({ length: 5 }, (_, i) => ({
        username: `tnv${i}`,
        role: 'volunteer' as const,
        villages: ['Thôn Đông'],
      })),
    });
    app = await createApp({ store });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  /** Sends a pull and closes the connection at once, before any answer. */
  const hangUp = (token: string) =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end(
          `GET /api/sync/pull?limit=5 HTTP/1.1\r\nHost: localhost\r\n` +
            `Authorization: Bearer ${token}\r\n${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}\r\n\r\n`,
          () => socket.destroy(),
        );
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });

  const pull = (token: string) =>
    fetch(`http://127.0.0.1:${port}/api/sync/pull?limit=5`, {
      headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
    }).then(async (res) => ({ status: res.status, body: await res.text() }));

  it('lets every account of the commune pull after many hung-up pulls', async () => {
    const tokens = Object.values(s.tokens);
    // More hung-up pulls than the commune has places, from every account at once, twice over.
    for (let round = 0; round < 2; round++)
      await Promise.all(
        tokens.flatMap((t) => Array.from({ length: PULLS_IN_FLIGHT.perUser * 3 }, () => hangUp(t))),
      );
    for (const token of tokens)
      await vi.waitFor(async () => expect((await pull(token)).status).toBe(200), {
        timeout: 10_000,
        interval: 100,
      });
  }, 60_000);
});
