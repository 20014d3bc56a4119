import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  isQuotaError,
  onStorageFull,
  reportStorageError,
  rethrowStorageError,
  StorageFullError,
} from '../../src/app/db/storageFull';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  const cases: [string, unknown, boolean][] = [
    ['the browser’s own QuotaExceededError', quota, true],
    ['Dexie’s AbortError with the quota error inside', new Dexie.AbortError('r', quota), true],
    ['Dexie’s own QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    ['an error caused by it', new Error('save failed', { cause: quota }), true],
    ['our StorageFullError', new StorageFullError(quota), true],
    ['a plain AbortError', new Dexie.AbortError('user cancelled'), false],
    ['a constraint error', new Dexie.ConstraintError('key exists'), false],
    ['not an error', 'QuotaExceededError', false],
    ['nothing', undefined, false],
  ];
  it.each(cases)('%s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('telling the UI', () => {
  it('a save refused for space becomes StorageFullError and shows the alert', () => {
    let told = 0;
    const off = onStorageFull(() => told++);
    expect(() => rethrowStorageError(new Dexie.AbortError('r', quota))).toThrow(StorageFullError);
    off();
    expect(told).toBe(1);
  });

  it('a background write refused for space is told and swallowed; other errors still throw', () => {
    let told = 0;
    const off = onStorageFull(() => told++);
    expect(() => reportStorageError(new Dexie.AbortError('r', quota))).not.toThrow();
    const other = new Dexie.ConstraintError('key exists');
    expect(() => reportStorageError(other)).toThrow(other);
    off();
    expect(told).toBe(1);
  });
});
