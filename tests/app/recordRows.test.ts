import { afterEach, describe, expect, it } from 'vitest';
import { TungNhaDb } from '../../src/app/db/db';
import { rowToVersioned, versionedToRow, writeAll } from '../../src/app/db/mutate';
import { settlePush } from '../../src/app/db/syncStore';
import { encodeHlc } from '../../src/domain/hlc';

const T = 1_763_800_000_000;
const at = (ms: number, node = 'a') => encodeHlc({ ms, counter: 0, node });
const H = '0197c348-8800-7000-87fb-f7479cb86dfe';

describe('device rows keep one clock per record', () => {
  const opened: TungNhaDb[] = [];
  const open = () => {
    const db = new TungNhaDb(`rows-${Math.random()}`);
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    for (const d of opened.splice(0)) {
      d.close();
      await d.delete();
    }
  });

  it('stores the common clock once and only the fields that differ', () => {
    const row = versionedToRow(H, {
      data: { headName: 'An', phone: '0922', _village: 'v1' },
      clocks: { headName: at(T), phone: at(T + 5) },
    });
    expect(row).toEqual({
      id: H,
      headName: 'An',
      phone: '0922',
      _village: 'v1',
      _clock: at(T + 5),
      _clocks: { headName: at(T) },
    });
  });

  it('reads a row written before (full _clocks, no _clock) as it was, adding no clock', () => {
    const old = {
      id: H,
      headName: 'An',
      phone: '0922',
      note: 'no clock of its own',
      _village: 'v1',
      _words: ['an'],
      _clocks: { headName: at(T), phone: at(T + 5) },
    };
    expect(rowToVersioned(old)).toEqual({
      data: { headName: 'An', phone: '0922', note: 'no clock of its own', _village: 'v1' },
      clocks: { headName: at(T), phone: at(T + 5) },
    });
  });

  it('a local edit on an old-format row merges by its clocks and writes it compact', async () => {
    const db = open();
    await db.households.put({
      id: H,
      headName: 'An',
      phone: '0911',
      villageId: 'v1',
      _village: 'v1',
      _clocks: { headName: at(T), phone: at(T), villageId: at(T) },
    });
    const stamp = await writeAll(
      [{ entity: 'household', id: H, fields: { phone: '0922' } }],
      db,
      () => T + 1000,
    );
    const row = await db.households.get(H);
    expect(row?._clock).toBe(at(T));
    expect(row?._clocks).toEqual({ phone: stamp });
    expect(row?._village).toBe('v1');
    expect(rowToVersioned(row)?.clocks).toEqual({
      headName: at(T),
      phone: stamp,
      villageId: at(T),
    });
  });

  it('a refused edit is undone on a compact row: the field goes back to the server copy', async () => {
    const db = open();
    await db.households.put(
      versionedToRow(H, {
        data: { headName: 'An', phone: '0911', villageId: 'v1' },
        clocks: { headName: at(T), phone: at(T), villageId: at(T) },
      }),
    );
    await writeAll([{ entity: 'household', id: H, fields: { phone: '0922' } }], db, () => T + 1000);
    const batch = await db.outbox.toArray();
    const op = batch[0];
    if (!op) throw new Error('no op');
    const server = {
      data: { headName: 'An', phone: '0911', villageId: 'v1' },
      clocks: { headName: at(T), phone: at(T), villageId: at(T) },
    };
    await settlePush(
      db,
      batch,
      [{ opId: op.opId, status: 'rejected', code: 'out_of_scope', current: server }],
      at(T + 2000, 'server'),
      T + 2000,
    );
    const row = await db.households.get(H);
    expect(rowToVersioned(row)).toEqual(server);
    expect(row?._clocks).toEqual({});
  });

  it('a delete held for the leader is undone whole: the name the tombstone cleared comes back', async () => {
    const db = open();
    const server = {
      data: { headName: 'Lò Thị Mai', phone: '0911222333', villageId: 'v1' },
      clocks: { headName: at(T), phone: at(T + 5), villageId: at(T) },
    };
    await db.households.put(versionedToRow(H, server));
    await writeAll([{ entity: 'household', id: H, fields: { deleted: true } }], db, () => T + 1000);
    expect((await db.households.get(H))?.headName).toBeUndefined();
    const batch = await db.outbox.toArray();
    const op = batch[0];
    if (!op) throw new Error('no op');
    await settlePush(
      db,
      batch,
      [{ opId: op.opId, status: 'rejected', code: 'deletion_held', current: server }],
      at(T + 2000, 'server'),
      T + 2000,
    );
    expect(rowToVersioned(await db.households.get(H))).toEqual(server);
  });
});
