/**
 * Runs inside Chromium (built from tests/bench/pouch.html): the same 20,000 household records
 * pushed from one device and pulled by a fresh one, by PouchDB (IndexedDB adapter) replicating to
 * pouchdb-server, and by our own sync engine and HTTP transport, exactly as the app ships them.
 * Filling each device's local store beforehand is not timed, for either side.
 */
import PouchDB from 'pouchdb-browser';
import { generateCommune, type CommuneSize } from '../../src/domain/generate';
import { encodeHlc } from '../../src/domain/hlc';
import { uuidv7 } from '../../src/domain/ids';
import { configureApi } from '../../src/app/api/client';
import { TungNhaDb } from '../../src/app/db/db';
import { syncOnce } from '../../src/app/sync/engine';
import { pushOutbox } from '../../src/app/sync/pushOutbox';
import { httpTransport } from '../../src/app/sync/transport';
import { vault } from '../../src/app/db/vault';

// The device's rows are sealed as on a phone (app/db/sealedRows.ts), under a key of this page's.
await vault.open(crypto.getRandomValues(new Uint8Array(32)));

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/**
 * The 20,000 households of a generated commune, placed in the server's real villages. They name no
 * author: the server stamps the caller who registers a household (domain/authorship.ts), and
 * refuses one naming somebody else, as the generator's 'generator' is.
 */
function households(seed: number, villageIds: string[], count: number) {
  const size: CommuneSize = { villages: 12, households: count, people: count, visits: 0 };
  const c = generateCommune(seed, size);
  const index = new Map(c.villages.map((v, i) => [v.id, i]));
  return c.households.map(({ id, createdBy: _author, ...data }) => ({
    id,
    data: { ...data, villageId: villageIds[(index.get(data.villageId) ?? 0) % villageIds.length] },
  }));
}

async function runPouch(opts: {
  seed: number;
  villageIds: string[];
  remote: string;
  households: number;
}) {
  const docs = households(opts.seed, opts.villageIds, opts.households).map((r) => ({
    _id: r.id,
    ...r.data,
  }));
  const name = `pouch-${opts.seed}-${Date.now()}`;
  const a = new PouchDB(`${name}-a`);
  for (let i = 0; i < docs.length; i += 2000) await a.bulkDocs(docs.slice(i, i + 2000));
  const t0 = performance.now();
  const pushed = await PouchDB.replicate(a, opts.remote);
  const pushMs = performance.now() - t0;
  const b = new PouchDB(`${name}-b`);
  const pulled = await PouchDB.replicate(opts.remote, b);
  const ms = performance.now() - t0;
  const count = (await b.info()).doc_count;
  await a.destroy();
  await b.destroy();
  return { ms, pushMs, pushed: pushed.docs_written, pulled: pulled.docs_written, onDevice: count };
}

async function runOurs(opts: {
  seed: number;
  villageIds: string[];
  token: string;
  households: number;
}) {
  configureApi({ getToken: async () => opts.token });
  const rows = households(opts.seed, opts.villageIds, opts.households);
  const name = `ours-${opts.seed}-${Date.now()}`;
  const a = new TungNhaDb(`${name}-a`);
  const ms0 = Date.now() - 5000;
  await a.outbox.bulkAdd(
    rows.map((r, i) => ({
      opId: uuidv7(ms0, random),
      entity: 'household' as const,
      id: r.id,
      fields: r.data,
      clock: encodeHlc({ ms: ms0, counter: i, node: 'bencha' }),
      createdAt: ms0,
    })),
  );
  const t0 = performance.now();
  // Device A pushes its outbox with the engine's own push (syncOnce would also pull it all back).
  const push = await pushOutbox(a, httpTransport, Date.now);
  if (!push.ok) throw new Error(`push failed: ${JSON.stringify(push.error)}`);
  const pushed = push.pushed - push.rejected.length;
  const pushMs = performance.now() - t0;
  // A fresh device B pulls them with the app's own engine.
  const b = new TungNhaDb(`${name}-b`);
  const outcome = await syncOnce({ db: b, transport: httpTransport });
  const ms = performance.now() - t0;
  if (!outcome.ok) throw new Error(`pull failed: ${outcome.failure}`);
  const onDevice = await b.households.count();
  for (const db of [a, b]) {
    db.close();
    await db.delete();
  }
  return { ms, pushMs, pushed, pulled: outcome.pulled, onDevice };
}

export type SyncSideResult = Awaited<ReturnType<typeof runOurs>>;

Object.assign(window, { runPouch, runOurs });
document.title = 'ready';
