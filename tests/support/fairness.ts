/**
 * The abuse of the second security round's defect 1, for the reliability test and the bench: a
 * volunteer of a big village opens many large pulls and never reads the answers, while another
 * commune's officer logs in and pulls. Runs against any listening server (the product process).
 */
import net from 'node:net';
import { encodeHlc } from '../../src/domain/hlc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol';
import type { Store } from '../../src/server/store/store';
import { OTHER_COMMUNE, seedCommune, TEST_PASSWORD } from './accounts';

export interface FairnessWorld {
  /** The flooding volunteer's token (commune TEST_COMMUNE, one village of `households`). */
  abuserToken: string;
  /** The officer of another commune (OTHER_COMMUNE). */
  officer: { username: string; password: string };
}

/** Seeds both communes into a migrated store; the big village's households go straight to SQL. */
export async function seedFairnessWorld(store: Store, households: number): Promise<FairnessWorld> {
  const big = await seedCommune(store, {
    villages: ['Thôn Lớn'],
    users: [{ username: 'lan', role: 'volunteer', villages: ['Thôn Lớn'] }],
  });
  await seedCommune(store, {
    code: OTHER_COMMUNE,
    villages: ['Tổ 1'],
    users: [{ username: 'hoa', role: 'officer' }],
  });
  const clock = encodeHlc({ ms: Date.now() - 60_000, counter: 0, node: 'seed' });
  await store.query(
    `INSERT INTO records (commune_code, entity, id, village_id, data, clocks, seq)
     SELECT $1, 'household', gen_random_uuid(), $2::uuid,
            jsonb_build_object('villageId', $2::text, 'headName', 'Nguyễn Văn ' || i,
                               'address', 'Số ' || i || ' ' || repeat('ngõ chợ ', 50)),
            jsonb_build_object('villageId', $4::text, 'headName', $4::text, 'address', $4::text),
            i
       FROM generate_series(1, $3::int) AS i`,
    [big.communeCode, big.villages['Thôn Lớn'], households, clock],
  );
  await store.query(`UPDATE sync_counters SET seq = $2 WHERE commune_code = $1`, [
    big.communeCode,
    households,
  ]);
  return {
    abuserToken: big.tokens.lan as string,
    officer: { username: 'hoa', password: TEST_PASSWORD },
  };
}

/** Sends a request and never reads the answer (the socket stays open, paused). */
function askAndNeverRead(port: number, path: string, token: string): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.on('connect', () => {
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
        `Accept-Encoding: identity\r\n\r\n`,
    );
    socket.pause();
  });
  return socket;
}

/** The status of the first answer on a socket that was paused until now. */
function statusOf(socket: net.Socket): Promise<number> {
  return new Promise((resolve) => {
    let head = '';
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0));
    socket.on('data', (d) => {
      head += String(d).slice(0, 100);
      if (head.length >= 12) socket.destroy();
    });
    socket.on('close', done);
    socket.resume();
  });
}

export interface Visit {
  loginMs: number;
  pullMs: number;
}

/** The other commune's officer logs in and pulls: how long each took. */
async function officerVisit(url: string, world: FairnessWorld): Promise<Visit> {
  const headers = {
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  };
  let t = performance.now();
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...world.officer, deviceName: 'Máy cán bộ xã' }),
  });
  if (login.status !== 200) throw new Error(`officer login answered ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const loginMs = performance.now() - t;
  t = performance.now();
  const pull = await fetch(`${url}/api/sync/pull?limit=5000`, {
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  if (pull.status !== 200) throw new Error(`officer pull answered ${pull.status}`);
  await pull.json();
  return { loginMs, pullMs: performance.now() - t };
}

/**
 * Opens `pulls` pulls of the big village (limit 5000) at once, never reading them; once all are
 * sent, the officer visits `visits` times, one after another. Then the flood's answers are read:
 * their statuses, in order.
 */
export async function floodAndVisit(
  url: string,
  world: FairnessWorld,
  opts: { pulls: number; visits: number },
): Promise<{ visits: Visit[]; statuses: number[] }> {
  const port = Number(new URL(url).port);
  const sockets = Array.from({ length: opts.pulls }, () =>
    askAndNeverRead(port, '/api/sync/pull?limit=5000', world.abuserToken),
  );
  const deadline = Date.now() + 30_000;
  while (!sockets.every((s) => s.bytesWritten > 0)) {
    if (Date.now() > deadline) throw new Error('the flood could not be sent');
    await new Promise((r) => setImmediate(r));
  }
  const visits: Visit[] = [];
  for (let i = 0; i < opts.visits; i++) visits.push(await officerVisit(url, world));
  const statuses = await Promise.all(sockets.map(statusOf));
  return { visits, statuses };
}
