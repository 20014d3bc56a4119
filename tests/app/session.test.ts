import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { logout } from '../../src/app/session/actions';
import { LOGIN_NOTICE_KEY, wipeDevice } from '../../src/app/session/deviceData';
import { checkLock, LOCK_AFTER_MS, lockDue } from '../../src/app/session/lock';
import { checkPin, checkPinLimited, hashPin, pinMatches, savePin } from '../../src/app/session/pin';
import { SESSION_KEY } from '../../src/app/session/types';
import { isVaultLocked, vault } from '../../src/app/db/vault';

afterEach(async () => {
  await wipeDevice();
});

describe('the PIN', () => {
  it.each([
    ['the same PIN', '1234', '1234', true],
    ['another PIN', '1234', '4321', false],
    ['a six-digit PIN', '908172', '908172', true],
    ['a prefix of the PIN', '908172', '9081', false],
  ])('%s → %s', async (_name, set, tried, ok) => {
    expect(await pinMatches(tried, await hashPin(set, 1000))).toBe(ok);
  });

  it('keeps only a salted hash: the same PIN twice gives two different records', async () => {
    const a = await hashPin('2468', 1000);
    const b = await hashPin('2468', 1000);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('2468');
  });

  it.each(['123', '1234567', '12a4'])('refuses %s (4–6 digits only)', async (pin) => {
    await expect(hashPin(pin)).rejects.toThrow();
  });

  it.each(['2468', '123456', '000000', '168168'])(
    'sets no new PIN the rules refuse (%s), and keeps the one set',
    async (pin) => {
      await savePin('250913');
      await expect(savePin(pin)).rejects.toThrow();
      expect(await checkPin('250913')).toBe(true);
    },
  );

  it('guessing: after 5 wrong PINs each wrong one makes the user wait longer, and the right PIN resets it', async () => {
    await savePin('250913');
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 4; i++)
      expect(await checkPinLimited('0000', t0)).toMatchObject({ ok: false, wait: 0 });
    expect(await checkPinLimited('0000', t0)).toMatchObject({
      ok: false,
      wait: 0,
      attemptsLeft: 0,
    });
    expect(await checkPinLimited('1111', t0)).toMatchObject({ ok: false, wait: 30_000 });
    // While waiting even the right PIN is not tried.
    expect(await checkPinLimited('250913', t0 + 10_000)).toMatchObject({ ok: false });
    expect(await checkPinLimited('1111', t0 + 31_000)).toMatchObject({ ok: false, wait: 60_000 });
    expect(await checkPinLimited('250913', t0 + 92_000)).toEqual({ ok: true });
    expect(await checkPinLimited('0000', t0 + 93_000)).toMatchObject({
      ok: false,
      wait: 0,
      attemptsLeft: 4,
    });
    // About ten PBKDF2 PIN hashes: ~0.9 s alone.
  }, 30_000);
});

describe('the lock', () => {
  it.each([
    ['never hidden', null, 0, false],
    ['hidden 9 minutes', 0, 9 * 60_000, false],
    ['hidden exactly 10 minutes', 0, LOCK_AFTER_MS, true],
    ['hidden an hour', 0, 3_600_000, true],
  ])('%s → locked %s', (_name, hiddenAt, now, due) => {
    expect(lockDue(hiddenAt, now)).toBe(due);
  });

  it('locks after 10 minutes in the background only when a PIN is set; the lock drops the data key', async () => {
    await db.meta.put({ key: 'hiddenAt', value: 0 });
    await checkLock(LOCK_AFTER_MS + 1);
    expect(vault.isOpen()).toBe(true);
    await savePin('607182');
    await db.households.put({ id: 'h1', _clocks: {}, headName: 'Nguyễn Văn An' });
    await db.meta.put({ key: 'hiddenAt', value: 0 });
    await checkLock(LOCK_AFTER_MS + 1);
    expect(vault.isOpen()).toBe(false);
    // Locked, the page itself cannot read the household, nor write one.
    const read = await db.households.get('h1').catch((e: unknown) => e);
    expect(isVaultLocked(read)).toBe(true);
    const write = await db.households.put({ id: 'h2', _clocks: {} }).catch((e: unknown) => e);
    expect(isVaultLocked(write)).toBe(true);
    expect(await checkPin('250913')).toBe(false);
    expect(vault.isOpen()).toBe(false);
    expect(await checkPin('607182')).toBe(true);
    expect((await db.households.get('h1'))?.headName).toBe('Nguyễn Văn An');
    expect(await db.households.get('h2')).toBeUndefined();
  });
});

describe('the device data', () => {
  it('a wipe clears every table, the session included, and leaves only the notice', async () => {
    await db.meta.put({ key: SESSION_KEY, value: { token: 't' } });
    await db.drafts.put({ formId: 'f', value: {}, updatedAt: 1 });
    await db.households.put({ id: 'h1', _clocks: {} });
    await wipeDevice('Thiết bị này đã bị thu hồi quyền truy cập.');
    for (const table of db.tables) {
      const expected = table.name === 'meta' ? 1 : 0;
      expect(await table.count(), table.name).toBe(expected);
    }
    expect((await db.meta.get(LOGIN_NOTICE_KEY))?.value).toContain('thu hồi');
  });

  it('refuses to log out while changes wait in the outbox, and keeps them', async () => {
    await db.meta.put({ key: SESSION_KEY, value: { token: 't' } });
    await db.outbox.add({
      opId: 'o1',
      entity: 'household',
      id: 'h1',
      fields: {},
      clock: '0',
      createdAt: 1,
    });
    const result = await logout();
    expect(result).toEqual({ ok: false, reason: 'unsynced', count: 1 });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.get(SESSION_KEY)).toBeDefined();
  });
});
