import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from '../../src/domain/ids';

const counterBytes = () => {
  let n = 0;
  return (len: number) => Uint8Array.from({ length: len }, () => n++ % 256);
};

describe('uuidv7', () => {
  it.each([
    { name: 'is a valid version-7 UUID', ms: 1_700_000_000_000 },
    { name: 'epoch zero', ms: 0 },
  ])('$name', ({ ms }) => {
    const id = uuidv7(ms, counterBytes());
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('sorts by creation time across milliseconds', () => {
    const rand = counterBytes();
    const ids = [3, 1, 2].map((ms) => uuidv7(1_700_000_000_000 + ms, rand));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('two devices in the same millisecond do not collide', () => {
    const a = uuidv7(1000, () => new Uint8Array(10).fill(1));
    const b = uuidv7(1000, () => new Uint8Array(10).fill(2));
    expect(a).not.toBe(b);
  });
});
