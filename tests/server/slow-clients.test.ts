import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { FastifyInstance } from 'fastify';
import { seedCommune, type SeededCommune } from '../support/accounts';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';

/** What the server sends back on a raw connection, once it closes it (or its first answer). */
function exchange(port: number, send: (socket: net.Socket) => void) {
  return new Promise<{ reply: string; closed: boolean }>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (d) => {
      reply += String(d);
      if (/\r\n\r\n/.test(reply)) socket.end();
    });
    socket.on('close', () => resolve({ reply, closed: true }));
    socket.on('error', () => undefined);
    socket.on('connect', () => send(socket));
  });
}

/**
 * Clients that hold the server without a token or by sending slowly (a real listening server: the
 * timeouts live in Node's HTTP server, not in Fastify's inject).
 */
describe.each(DATABASE_KINDS)('slow and unauthenticated clients, on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  let app: FastifyInstance;
  let seed: SeededCommune;
  let port = 0;
  beforeAll(async () => {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    seed = await seedCommune(store, {
      villages: ['Thôn Đông'],
      users: [{ username: 'lan', role: 'volunteer', villages: ['Thôn Đông'] }],
    });
    app = await createApp({ store, requestTimeoutMs: 1500 });
    cleanups.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('answers a push without a valid token before its 4 MB body is sent', async () => {
    for (const auth of ['', 'Authorization: Bearer 09988.khong-hop-le\r\n']) {
      const { reply } = await exchange(port, (s) =>
        s.write(
          'POST /api/sync/push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            `${auth}Content-Length: 4000000\r\n\r\n`,
        ),
      );
      expect(reply).toMatch(/^HTTP\/1\.1 401 /);
    }
  });

  it('ends a request whose body trickles in, a byte at a time, past the request timeout', async () => {
    let trickle: NodeJS.Timeout | undefined;
    const { reply, closed } = await exchange(port, (s) => {
      s.write(
        'POST /api/sync/push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Authorization: Bearer ${seed.tokens.lan}\r\nContent-Length: 100000\r\n\r\n{`,
      );
      trickle = setInterval(() => s.writable && s.write(' '), 200);
    });
    clearInterval(trickle);
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  }, 60_000);
});
