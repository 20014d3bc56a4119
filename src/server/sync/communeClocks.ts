import { randomBytes } from 'node:crypto';
import { createHlcClock, type HlcClock } from '../../domain/hlc';

/**
 * One hybrid logical clock per commune, so nothing a commune's phones send can move another
 * commune's clock. The node id is this process's own, so two server processes never issue the
 * same clock. A clock only ever receives clocks the server has already bounded (clockStamp.ts).
 */
export interface CommuneClocks {
  of(communeCode: string): HlcClock;
}

export function createCommuneClocks(
  now: () => number,
  node = `s${randomBytes(6).toString('hex')}`,
): CommuneClocks {
  const clocks = new Map<string, HlcClock>();
  return {
    of(communeCode) {
      let clock = clocks.get(communeCode);
      if (!clock) {
        clock = createHlcClock(node, now);
        clocks.set(communeCode, clock);
      }
      return clock;
    },
  };
}
