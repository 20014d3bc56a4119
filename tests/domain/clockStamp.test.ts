import { describe, expect, it } from 'vitest';
import { MAX_AHEAD_MS, stampFor, type Stamp } from '../../src/domain/clockStamp';
import { createHlcClock, decodeHlc, encodeHlc, MAX_COUNTER } from '../../src/domain/hlc';

const NOW = 1_763_800_000_000;
const HOUR = 3_600_000;
const at = (ms: number, counter = 0) => encodeHlc({ ms, counter, node: 'phone' });

describe('the server rule for a phone clock', () => {
  const cases: { name: string; clock: string; sentAt?: number; expect: Stamp }[] = [
    {
      name: 'a clock at the server time is taken as sent',
      clock: at(NOW),
      expect: { kind: 'as_sent' },
    },
    {
      name: 'a clock behind is taken as sent (it loses to newer edits)',
      clock: at(NOW - 48 * HOUR),
      expect: { kind: 'as_sent' },
    },
    {
      name: 'a few minutes ahead is taken as sent',
      clock: at(NOW + MAX_AHEAD_MS),
      expect: { kind: 'as_sent' },
    },
    {
      name: '23 h ahead on a phone that says its clock is 23 h ahead: moved back by the skew',
      clock: at(NOW + 23 * HOUR - 60_000, 7),
      sentAt: NOW + 23 * HOUR,
      expect: { kind: 'shifted', clock: at(NOW - 60_000, 7) },
    },
    {
      name: '23 h ahead with the counter near its limit, skew known: shifted, counter kept',
      clock: at(NOW + 23 * HOUR, MAX_COUNTER - 1),
      sentAt: NOW + 23 * HOUR,
      expect: { kind: 'shifted', clock: at(NOW, MAX_COUNTER - 1) },
    },
    {
      name: '23 h ahead with no skew said: the server stamps it',
      clock: at(NOW + 23 * HOUR),
      expect: { kind: 'server' },
    },
    {
      name: '23 h ahead from a phone whose clock is right now (set wrong, then fixed): the server stamps it',
      clock: at(NOW + 23 * HOUR),
      sentAt: NOW,
      expect: { kind: 'server' },
    },
    {
      name: 'a forged clock years ahead and a forged skew that does not explain it: the server stamps it',
      clock: at(NOW + 5 * 365 * 24 * HOUR),
      sentAt: NOW + 2 * HOUR,
      expect: { kind: 'server' },
    },
  ];
  it.each(cases)('$name', ({ clock, sentAt, expect: expected }) => {
    expect(stampFor(clock, NOW, sentAt)).toEqual(expected);
  });
});

describe('a clock never throws', () => {
  it('issues later and later clocks past the counter limit, carrying into the millisecond', () => {
    const clock = createHlcClock('server', () => NOW);
    expect(clock.receive(at(NOW + 1000, MAX_COUNTER - 1))).toBeNull();
    const issued = Array.from({ length: 5 }, () => clock.now());
    expect([...issued].sort()).toEqual(issued);
    expect(new Set(issued).size).toBe(5);
    expect(decodeHlc(issued.at(-1) as string)?.ms).toBeGreaterThan(NOW + 1000);
  });
  it('answers a remote clock at the counter limit without folding it, and goes on', () => {
    const clock = createHlcClock('server', () => NOW);
    clock.receive(at(NOW, MAX_COUNTER));
    expect(clock.receive(at(NOW, MAX_COUNTER))).toBe('counter_overflow');
    expect(() => clock.now()).not.toThrow();
  });
});
