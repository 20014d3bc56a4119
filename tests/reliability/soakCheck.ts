import type { PullResponse } from '../../src/protocol/sync';
import type { TestDevice } from '../support/syncDevice';

/** One write a device made: the record, the fields, the clock it was stamped with. */
export interface MadeWrite {
  key: string;
  fields: Record<string, unknown>;
  clock: string;
}

type ServerRecord = PullResponse['records'][number];

export interface Comparison {
  lostWrites: number;
  duplicates: number;
  divergent: boolean;
  details: string[];
}

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

/**
 * Compares one device with what the server holds for its scope, record by record, and checks
 * that every write it made is on the server: the very value, or beaten by a later clock.
 */
export async function compareDevice(
  device: TestDevice,
  server: { records: ServerRecord[] },
  writes: MadeWrite[],
): Promise<Comparison> {
  const details: string[] = [];
  const byKey = new Map<string, ServerRecord>();
  let duplicates = 0;
  for (const r of server.records) {
    const key = `${r.entity}:${r.id}`;
    if (byKey.has(key)) duplicates++;
    byKey.set(key, r);
  }
  if (duplicates) details.push(`${duplicates} records pulled twice`);

  let lostWrites = 0;
  for (const w of writes) {
    const rec = byKey.get(w.key);
    const lost =
      !rec ||
      Object.entries(w.fields).some(([field, value]) => {
        const clock = rec.clocks[field] ?? '';
        return clock < w.clock || (clock === w.clock && stable(rec.data[field]) !== stable(value));
      });
    if (lost) {
      lostWrites++;
      if (details.length < 5)
        details.push(
          `lost ${w.key} ${stable(w.fields)} @${w.clock}: server has ${rec ? stable(rec) : 'nothing'}`,
        );
    }
  }

  const snap = await device.snapshot();
  let divergent = snap.size !== byKey.size;
  for (const [key, rec] of byKey) {
    const mine = snap.get(key);
    if (
      !mine ||
      stable(mine.data) !== stable(rec.data) ||
      stable(mine.clocks) !== stable(rec.clocks)
    ) {
      divergent = true;
      if (details.length < 5) details.push(`device differs on ${key}`);
    }
  }
  if ((await device.db.outbox.count()) > 0) {
    divergent = true;
    details.push('outbox not empty');
  }
  return { lostWrites, duplicates, divergent, details };
}
