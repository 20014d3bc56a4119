import { afterEach, describe, expect, it } from 'vitest';
import { TungNhaDb } from '../../src/app/db/db';
import { entityRows } from '../../src/app/db/entityRows';
import { catchUp } from '../../src/app/db/indexer';
import { metaKey, metaOf } from '../../src/app/db/meta';
import { newId, writeAll } from '../../src/app/db/mutate';
import { searchField } from '../../src/app/db/search';
import { isVaultLocked, vault } from '../../src/app/db/vault';
import { putRaw, rawRows } from '../support/rawIdb';

/** Every string a row holds, at any depth; the sealed bytes decoded as UTF-8 too. */
function textOf(value: unknown): string {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value)
    .map(([k, v]) => `${k}=${textOf(v)}`)
    .join(' ');
}

const PERSONAL = ['Nguyễn Văn An', '0912345678', 'Xóm Chùa, ngõ 4', 'Trần Thị Bình', 'Bà nội ốm'];
const opened: TungNhaDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete();
  }
});

async function villageOnDevice() {
  const db = new TungNhaDb(`sealed-${Math.random()}`);
  opened.push(db);
  const villageId = newId();
  const household = newId();
  const member = newId();
  const now = () => Date.parse('2026-12-01T08:00:00Z');
  await writeAll(
    [
      {
        entity: 'household',
        id: household,
        fields: {
          villageId,
          code: 'AB12CD',
          headName: PERSONAL[0],
          phone: PERSONAL[1],
          address: PERSONAL[2],
        },
      },
      {
        entity: 'member',
        id: member,
        fields: { householdId: household, villageId, name: PERSONAL[3], birthYear: 1950 },
      },
      {
        entity: 'visit',
        id: newId(),
        fields: { householdId: household, villageId, at: now(), notes: PERSONAL[4] },
      },
    ],
    db,
    now,
  );
  await db.drafts.put({ formId: 'ho/moi', value: { headName: PERSONAL[0] }, updatedAt: 1 });
  await catchUp(db); // the search entries and the dashboard's summaries
  return { db, villageId, household, member };
}

describe('rows sealed on the device', () => {
  it('IndexedDB holds none of the personal strings: records, chunks, outbox, drafts, search entries and summaries', async () => {
    const { db, villageId, household } = await villageOnDevice();
    const raw = await rawRows(db.name);
    const all = textOf(raw);
    for (const text of PERSONAL) expect(all, text).not.toContain(text);
    // …while the screens read them as before (the search finds her without diacritics).
    expect(await entityRows(db, 'household').get(household)).toMatchObject({
      headName: PERSONAL[0],
      phone: PERSONAL[1],
    });
    const found = await searchField(db, 'tran thi binh');
    expect(found.members.map((m) => m.name)).toEqual([PERSONAL[3]]);
    // What stays in clear: the keys the indexes need, and nothing else of a record.
    const [row] = raw.households as Record<string, unknown>[];
    expect(Object.keys(row ?? {}).sort()).toEqual(['_sealed', 'code', 'id', 'villageId']);
    expect(row).toMatchObject({ id: household, villageId, code: 'AB12CD' });
    const [chunk] = raw.memberChunks as Record<string, unknown>[];
    expect(Object.keys(chunk ?? {}).sort()).toEqual(['_sealed', 'hh', 'id', 'ids']);
    expect(raw.outbox?.length).toBe(3);
    for (const op of raw.outbox as Record<string, unknown>[])
      expect(Object.keys(op).sort()).toEqual(['_sealed', 'entity', 'id', 'opId', 'seq']);
  });

  it('locked, nothing reads or writes; the right key opens the same rows again', async () => {
    const { db, household } = await villageOnDevice();
    const key = Uint8Array.from(vault.key());
    vault.close();
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => 'read',
        (e: unknown) => isVaultLocked(e),
      );
    expect(await refused(entityRows(db, 'household').get(household))).toBe(true);
    expect(await refused(searchField(db, 'an'))).toBe(true);
    expect(await refused(db.drafts.toArray())).toBe(true);
    expect(await refused(db.households.put({ id: newId(), _clocks: {}, headName: 'X' }))).toBe(
      true,
    );
    expect(await db.households.count()).toBe(1);
    await vault.open(key);
    expect((await entityRows(db, 'household').get(household))?.headName).toBe(PERSONAL[0]);
  });

  it('another key opens nothing', async () => {
    const { db, household } = await villageOnDevice();
    vault.close();
    await vault.open(crypto.getRandomValues(new Uint8Array(32)));
    await expect(entityRows(db, 'household').get(household)).rejects.toThrow();
  });

  it('a sealed value copied onto another row does not open there', async () => {
    const { db, household } = await villageOnDevice();
    const [row] = (await rawRows(db.name)).households as Record<string, unknown>[];
    const other = newId();
    db.close();
    // Written past the middleware: the attacker's raw copy under another id.
    await putRaw(db.name, 'households', [{ ...row, id: other }]);
    await db.open();
    expect((await db.households.get(household))?.headName).toBe(PERSONAL[0]);
    await expect(db.households.get(other)).rejects.toThrow();
  });

  it('a field kept without a value (its clock still counts) comes back as it was', async () => {
    const db = new TungNhaDb(`sealed-${Math.random()}`);
    opened.push(db);
    const row = { id: 'h', _clocks: { a: '1' }, headName: undefined, tags: [undefined, 'x'] };
    await db.households.put(row);
    const back = await db.households.get('h');
    expect(back).toEqual(row);
    expect(Object.keys(back ?? {})).toContain('headName');
  });

  it('rows of an earlier version, written in clear, read as they are', async () => {
    const { db } = await villageOnDevice();
    const id = newId();
    db.close();
    await putRaw(db.name, 'households', [
      { id, villageId: 'v', headName: 'Lê Văn Cũ', _clocks: {} },
    ]);
    await db.open();
    expect((await db.households.get(id))?.headName).toBe('Lê Văn Cũ');
  });

  it('meta: values named clear are readable while locked, the others are sealed', async () => {
    const db = new TungNhaDb(`sealed-${Math.random()}`);
    opened.push(db);
    const meta = metaOf(db);
    const NOTICE = metaKey<string>('test.notice', undefined, { clear: true });
    const SECRET = metaKey<string>('test.secret');
    await meta.put(NOTICE, 'Hãy đăng nhập lại.');
    await meta.put(SECRET, PERSONAL[1]);
    expect(textOf(await rawRows(db.name))).not.toContain(PERSONAL[1]);
    const key = Uint8Array.from(vault.key());
    vault.close();
    expect(await meta.get(NOTICE)).toBe('Hãy đăng nhập lại.');
    expect(await meta.has(SECRET)).toBe(true);
    await expect(meta.get(SECRET)).rejects.toThrow();
    await vault.open(key);
    expect(await meta.get(SECRET)).toBe(PERSONAL[1]);
  });
});
