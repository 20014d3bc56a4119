import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
  let staticDir = '';
  beforeAll(async () => {
    // A big file to answer first, so that pulls sent after it on one connection wait in line.
    staticDir = await mkdtemp(path.join(os.tmpdir(), 'tn-slots-'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(staticDir, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 1));
    // Bigger than what the kernel buffers for a client that reads nothing (up to 32 MB + 4 MB).
    await writeFile(path.join(staticDir, 'huge.bin'), Buffer.alloc(64 * 1024 * 1024, 1));
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
    app = await createApp({ store, staticDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
    await rm(staticDir, { recursive: true, force: true });
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

  const pullRequest = (token: string) =>
    `GET /api/sync/pull?limit=5 HTTP/1.1\r\nHost: localhost\r\n` +
    `Authorization: Bearer ${token}\r\n${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}\r\n\r\n`;

  /**
   * Pipelines pulls behind a big answer it never reads, so their answers wait without a socket,
   * then closes the connection once the server has taken them in.
   */
  const pipelineAndHangUp = (token: string, pulls: number) =>
    new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.pause();
        socket.write(
          'GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n' +
            Array.from({ length: pulls }, () => pullRequest(token)).join(''),
        );
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
      // Long enough for the server to read the requests and check the tokens.
      void vi
        .waitFor(() => expect(socket.bytesWritten).toBeGreaterThan(0))
        .then(() => setTimeout(() => socket.destroy(), 500));
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

  it('lets every account pull after pulls that waited in line on a connection that closed', async () => {
    const tokens = Object.values(s.tokens);
    await Promise.all(tokens.map((t) => pipelineAndHangUp(t, PULLS_IN_FLIGHT.perUser)));
    for (const token of tokens)
      await vi.waitFor(async () => expect((await pull(token)).status).toBe(200), {
        timeout: 10_000,
        interval: 100,
      });
  }, 60_000);

  /**
   * Pipelines pulls behind a big answer and reads nothing: their answers wait to be sent for as long
   * as the connection stays open (a client reading a byte now and then). Returns its closing.
   */
  const pipelineAndStall = (token: string, pulls: number) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(
        'GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n' +
          Array.from({ length: pulls }, () => pullRequest(token)).join(''),
      );
    });
    socket.on('error', () => undefined);
    return () =>
      new Promise<void>((resolve) => {
        socket.on('close', () => resolve());
        socket.destroy();
      });
  };

  it('lets the commune’s other accounts pull while some accounts read their answers slowly', async () => {
    const [slow, other] = [Object.values(s.tokens).slice(0, 4), s.tokens.tnv4 as string];
    expect(slow.length * PULLS_IN_FLIGHT.perUser).toBe(PULLS_IN_FLIGHT.perCommune);
    const closers: (() => Promise<void>)[] = [];
    try {
      // Each slow account's places are taken: its own next pull is refused. (A pull of its own
      // that came first took a place a stalled one was refused: one more stalls in its stead.)
      for (const token of slow) {
        closers.push(pipelineAndStall(token, PULLS_IN_FLIGHT.perUser));
        await vi.waitFor(
          async () => {
            if ((await pull(token)).status === 429) return;
            closers.push(pipelineAndStall(token, 1));
            throw new Error('the account’s places are not all taken yet');
          },
          { timeout: 20_000, interval: 200 },
        );
      }
      // ...and still the fifth account of the commune pulls.
      expect((await pull(other)).status).toBe(200);
    } finally {
      await Promise.all(closers.map((close) => close()));
    }
    // Their connections closed, the places come back.
    for (const token of slow)
      await vi.waitFor(async () => expect((await pull(token)).status).toBe(200), {
        timeout: 10_000,
        interval: 100,
      });
  }, 60_000);

  it('never lets a forged token hold the places of the phone it names', async () => {
    const token = s.tokens.tnv0 as string;
    const forged = token.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    const open = Array.from({ length: PULLS_IN_FLIGHT.perDevice + 1 }, () =>
      pipelineAndHangUp(forged, 1),
    );
    // While the forged pulls are under way, the phone itself pulls.
    expect((await pull(token)).status).toBe(200);
    await Promise.all(open);
  }, 60_000);
});
