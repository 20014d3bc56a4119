import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  createHlcClock,
  decodeHlc,
  encodeHlc,
  MAX_DRIFT_MS,
} from '../../src/domain/hlc';

describe('hybrid logical clock', () => {
  const cases: { name: string; run: () => void }[] = [
    {
      name: 'encoding sorts like the clock it encodes',
      run: () => {
        const a = encodeHlc({ ms: 1_700_000_000_000, counter: 35, node: 'a' });
        const b = encodeHlc({ ms: 1_700_000_000_000, counter: 36, node: 'a' });
        const c = encodeHlc({ ms: 1_700_000_000_001, counter: 0, node: 'a' });
        expect([c, b, a].sort()).toEqual([a, b, c]);
        expect(decodeHlc(b)).toEqual({ ms: 1_700_000_000_000, counter: 36, node: 'a' });
      },
    },
    {
      name: 'same millisecond: the counter orders events',
      run: () => {
        const clock = createHlcClock('dev1', () => 1000);
        const t1 = clock.now();
        const t2 = clock.now();
        expect(compareHlc(t1, t2)).toBe(-1);
      },
    },
    {
      name: 'wall clock goes backwards: time never does',
      run: () => {
        let wall = 5000;
        const clock = createHlcClock('dev1', () => wall);
        const t1 = clock.now();
        wall = 1000;
        expect(compareHlc(clock.now(), t1)).toBe(1);
      },
    },
    {
      name: 'clock skew: a device behind receives a later clock and sorts after it',
      run: () => {
        const ahead = createHlcClock('fast', () => 10_000);
        const behind = createHlcClock('slow', () => 1_000);
        const remote = ahead.now();
        expect(behind.receive(remote)).toBeNull();
        expect(compareHlc(behind.now(), remote)).toBe(1);
      },
    },
    {
      name: 'same time on two devices: the node id breaks the tie deterministically',
      run: () => {
        const a = createHlcClock('aaa', () => 1000).now();
        const b = createHlcClock('bbb', () => 1000).now();
        expect(compareHlc(a, b)).toBe(-1);
      },
    },
    {
      name: 'a remote clock a day or more ahead is refused',
      run: () => {
        const clock = createHlcClock('dev1', () => 1000);
        const far = encodeHlc({ ms: 1000 + MAX_DRIFT_MS + 1, counter: 0, node: 'x' });
        expect(clock.receive(far)).toBe('clock_drift');
        expect(clock.receive('garbage')).toBe('bad_clock');
      },
    },
    {
      name: 'resumes after the last clock it issued (app restart)',
      run: () => {
        const first = createHlcClock('dev1', () => 1000);
        first.now();
        const last = first.now();
        const restarted = createHlcClock('dev1', () => 500, last);
        expect(compareHlc(restarted.now(), last)).toBe(1);
      },
    },
  ];
  it.each(cases)('$name', ({ run }) => run());
});
