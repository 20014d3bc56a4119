import { afterEach, describe, expect, it, vi } from 'vitest';
import { TungNhaDb } from '../../src/app/db/db';
import { entityRows } from '../../src/app/db/entityRows';
import { newId } from '../../src/app/db/mutate';
import type { EntityRow } from '../../src/app/db/rows';
import { sealAhead } from '../../src/app/db/sealAhead';
import { vault } from '../../src/app/db/vault';
import { rawRows } from '../support/rawIdb';

const opened: TungNhaDb[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete();
  }
});

function device() {
  const db = new TungNhaDb(`ahead-${Math.random()}`);
  opened.push(db);
  return db;
}

const CLOCK = '0001a2b3c4d5e-0000-abcdef0123456789';
const household = (name: string): EntityRow => ({
  id: newId(),
  villageId: newId(),
  code: 'AB12CD',
  headName: name,
  phone: '0912345678',
  _clock: CLOCK,
  _clocks: {},
});
const member = (householdId: string, name: string): EntityRow => ({
  id: newId(),
  householdId,
  name,
  birthYear: 1950,
  _clock: CLOCK,
  _clocks: {},
});

describe('rows sealed ahead of their write (a first sync’s pages, sealed off the main thread)', () => {
  it('are written with the seals made ahead, sealed on disk, and read back as they were', async () => {
    const db = device();
    const homes = [household('Nguyễn Văn An'), household('Lò Văn Páo')];
    const people = homes.flatMap((h, i) => [
      member(h.id, `Người ${i}a`),
      member(h.id, `Người ${i}b`),
    ]);
    const stored = [
      entityRows(db, 'household').storedNew(homes),
      entityRows(db, 'member').storedNew(people),
    ];
    await Promise.all(stored.map((s) => sealAhead(s.table, s.rows)));
    const seal = vi.spyOn(vault, 'seal');
    await db.transaction('rw', [db.households, db.memberChunks], () =>
      Promise.all(stored.map((s) => s.add())),
    );
    expect(seal).not.toHaveBeenCalled();
    expect(await entityRows(db, 'household').all()).toEqual(expect.arrayContaining(homes));
    expect(await entityRows(db, 'member').all()).toEqual(expect.arrayContaining(people));
    const disk = JSON.stringify(await rawRows(db.name));
    for (const name of ['Nguyễn Văn An', '0912345678', 'Người 0a', 'Người 1b'])
      expect(disk).not.toContain(name);
  });

  it('a row given another field after its seal was made is sealed again by its write', async () => {
    const db = device();
    const home = household('Nguyễn Văn An');
    const stored = entityRows(db, 'household').storedNew([home]);
    await sealAhead(stored.table, stored.rows);
    home.address = 'Xóm Chùa, ngõ 4';
    await db.transaction('rw', db.households, () => stored.add());
    expect(await entityRows(db, 'household').get(home.id)).toEqual(home);
  });
});
