import { describe, expect, it } from 'vitest';
import { perKeyQuota } from '../../src/server/http/quota';

/** Takes at the given times (ms) for keys; what each answered. */
function takes(max: number, windowMs: number, steps: [number, string][]) {
  let now = 0;
  const quota = perKeyQuota(max, windowMs, () => now);
  return steps.map(([at, key]) => {
    now = at;
    return quota.take(key);
  });
}

describe('a quota per key and window (account creation)', () => {
  it.each([
    {
      name: 'up to max in a window, then refused',
      steps: [
        [0, 'a'],
        [1, 'a'],
        [2, 'a'],
      ] as [number, string][],
      answers: [true, true, false],
    },
    {
      name: 'keys are counted apart',
      steps: [
        [0, 'a'],
        [1, 'a'],
        [2, 'b'],
      ] as [number, string][],
      answers: [true, true, true],
    },
    {
      name: 'a new window starts once the old one has passed',
      steps: [
        [0, 'a'],
        [1, 'a'],
        [999, 'a'],
        [1000, 'a'],
      ] as [number, string][],
      answers: [true, true, false, true],
    },
  ])('$name', ({ steps, answers }) => {
    expect(takes(2, 1000, steps)).toEqual(answers);
  });
});
