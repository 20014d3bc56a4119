import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { entityRows } from '../../src/app/db/entityRows';
import { sealLeftovers } from '../../src/app/db/sealer';
import { vault } from '../../src/app/db/vault';
import { wipeDevice } from '../../src/app/session/deviceData';
import { checkPin, hashPin, hasPin, pinMustChange, savePin } from '../../src/app/session/pin';
import { PinSetupScreen } from '../../src/app/features/auth/PinScreens';
import { useSealing } from '../../src/app/state/sealing';
import { SealingNotice } from '../../src/app/ui/SealingNotice';
import { putRaw, rawRows } from '../support/rawIdb';

/** What IndexedDB itself holds, store by store (a copy of the profile). */
async function rawText(): Promise<string> {
  return Object.values(await rawRows(db.name))
    .map((rows) => JSON.stringify(rows))
    .join('\n');
}

/** Writes rows past Dexie, as the version before sealing left them. */
const putOld = (store: string, rows: object[]) => putRaw(db.name, store, rows);

afterEach(async () => {
  await wipeDevice();
});

describe('a phone of the version before sealing', () => {
  it('its first unlock with the old PIN seals everything, with progress, and loses nothing', async () => {
    await db.open();
    db.close();
    const households = Array.from({ length: 1200 }, (_, i) => ({
      id: `h${String(i).padStart(4, '0')}`,
      villageId: 'v1',
      code: `C${i}`,
      headName: `Nguyễn Văn Cũ ${i}`,
      phone: '0912000111',
      _clocks: {},
    }));
    await putOld('households', households);
    await putOld('memberChunks', [
      {
        id: 'c1',
        ids: ['m1'],
        hh: ['h0000'],
        rows: [{ id: 'm1', householdId: 'h0000', name: 'Trần Thị Cũ', _clocks: {} }],
      },
    ]);
    await putOld('outbox', [
      {
        opId: 'o1',
        entity: 'household',
        id: 'h0001',
        fields: { headName: 'Nguyễn Văn Cũ 1' },
        clock: '1',
        createdAt: 1,
      },
    ]);
    await putOld('drafts', [
      { formId: 'ho/moi', value: { headName: 'Lê Thị Nháp' }, updatedAt: 1 },
    ]);
    await putOld('meta', [
      { key: 'pin', value: await hashPin('2468', 1000) },
      { key: 'session', value: { token: 'cũ', user: { displayName: 'Cán bộ Cũ' } } },
    ]);
    vault.close();
    await db.open();
    expect(await rawText()).toContain('Nguyễn Văn Cũ 17');

    const seen: number[] = [];
    const stop = useSealing.subscribe((s) => s.progress && seen.push(s.progress.done));
    expect(await hasPin()).toBe(true);
    expect(await checkPin('1357')).toBe(false);
    expect(vault.isOpen()).toBe(false);
    expect(await checkPin('2468')).toBe(true);
    await sealLeftovers();
    stop();

    const raw = await rawText();
    for (const text of ['Nguyễn Văn Cũ', 'Trần Thị Cũ', 'Lê Thị Nháp', 'Cán bộ Cũ', '0912000111'])
      expect(raw, text).not.toContain(text);
    // Nothing lost: the same records, the unsent change, the draft; the PIN's hash is gone.
    expect(await db.households.count()).toBe(1200);
    expect((await entityRows(db, 'household').get('h0017'))?.headName).toBe('Nguyễn Văn Cũ 17');
    expect((await entityRows(db, 'member').get('m1'))?.name).toBe('Trần Thị Cũ');
    expect((await db.outbox.toArray()).map((o) => o.opId)).toEqual(['o1']);
    expect((await db.drafts.get('ho/moi'))?.value).toEqual({ headName: 'Lê Thị Nháp' });
    expect(await db.meta.get('pin')).toBeUndefined();
    // Progress went up in pages to the whole, and the next unlock has nothing left to do.
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.max(...seen)).toBe(seen.at(-1));
    expect(useSealing.getState().progress).toBeNull();
    vault.close();
    expect(await checkPin('2468')).toBe(true);
    const again: number[] = [];
    const stop2 = useSealing.subscribe((s) => s.progress && again.push(s.progress.done));
    await sealLeftovers();
    stop2();
    expect(again).toEqual([]);
    // Its four-digit PIN must be replaced by one of six; then only the new one opens the data.
    expect(await pinMustChange()).toBe(true);
    await savePin('250913');
    expect(await pinMustChange()).toBe(false);
    vault.close();
    expect(await checkPin('2468')).toBe(false);
    expect(await checkPin('250913')).toBe(true);
    expect((await entityRows(db, 'household').get('h0017'))?.headName).toBe('Nguyễn Văn Cũ 17');
  }, 30_000);

  it('a six-digit PIN the rules accept is kept: no change asked', async () => {
    await db.meta.put({ key: 'pin', value: await hashPin('607182', 1000) });
    vault.close();
    expect(await checkPin('607182')).toBe(true);
    expect(await pinMustChange()).toBe(false);
  });
});

describe('the screen that asks for a new PIN', () => {
  it('says in Vietnamese why the old one must go', () => {
    render(<PinSetupScreen renewing />);
    expect(screen.getByRole('heading').textContent).toBe('Đổi mã PIN');
    expect(document.body.textContent).toContain('Mã PIN đang dùng quá ngắn hoặc dễ đoán');
  });
});

describe('the sealing banner', () => {
  it('says in Vietnamese how far it has gone, and that work goes on', () => {
    useSealing.getState().report({ done: 12_500, total: 20_000 });
    render(<SealingNotice />);
    const text = screen.getByTestId('sealing').textContent;
    expect(text).toContain('Đang mã hóa dữ liệu trên máy: 12.500/20.000 bản ghi (62%)');
    expect(text).toContain('Vẫn có thể làm việc bình thường');
    useSealing.getState().report(null);
  });
});
