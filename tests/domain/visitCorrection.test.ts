import { describe, expect, it } from 'vitest';
import { validCorrection } from '../../src/domain/visitCorrection';

const visit = { householdId: 'h1', at: 1, tasks: ['cai_vneid'], correctsId: 'v0' };

describe('a correction names a visit of the same household', () => {
  it.each([
    ['a visit of the same household', { householdId: 'h1' }, true],
    ['a visit of another household', { householdId: 'h2' }, false],
    ['no stored visit', undefined, false],
    ['a deleted visit', { householdId: 'h1', deleted: true }, false],
  ] as const)('%s', (_name, corrected, ok) => {
    expect(validCorrection(visit, corrected)).toBe(ok);
  });

  it('refuses a correction that names no household of its own', () => {
    expect(validCorrection({ correctsId: 'v0' }, { householdId: undefined })).toBe(false);
  });
});
