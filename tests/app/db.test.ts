import { afterEach, describe, expect, it } from 'vitest';
import { TungNhaDb } from '../../src/app/db/db';
import { VERSIONS } from '../../src/app/db/versions';

describe('the device database', () => {
  const opened: TungNhaDb[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0)) {
      d.close();
      await d.delete();
    }
  });

  it('opens at the latest version with every table of the history', async () => {
    const db = new TungNhaDb(`t-${Math.random()}`);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(VERSIONS.at(-1)?.version);
    // A table's latest declaration decides: null (version 5's `visits`) removed it.
    const latest = new Map(VERSIONS.flatMap((v) => Object.entries(v.stores)));
    const live = [...latest].filter(([, spec]) => spec !== null).map(([name]) => name);
    expect(db.tables.map((t) => t.name).sort()).toEqual(live.sort());
  });

  it('keeps the outbox in the order the user acted, across a reopen', async () => {
    const name = `t-${Math.random()}`;
    const db = new TungNhaDb(name);
    await db.transaction('rw', db.outbox, async () => {
      for (const id of ['a', 'b', 'c']) {
        await db.outbox.add({
          opId: `op-${id}`,
          entity: 'household',
          id,
          fields: {},
          clock: '0',
          createdAt: 1,
        });
      }
    });
    db.close();
    const again = new TungNhaDb(name);
    opened.push(again);
    const ids = (await again.outbox.orderBy('seq').toArray()).map((r) => r.id);
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});
