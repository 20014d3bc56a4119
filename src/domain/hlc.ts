/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter that orders events
 * within one millisecond or behind a skewed clock, and the node id as the deterministic tie-break.
 *
 * Encoded as a fixed-width string, so comparing two clocks is comparing two strings:
 *   "<ms base36, 9 chars>-<counter base36, 4 chars>-<node id>"
 */
export type Hlc = string;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

const MS_WIDTH = 9;
const COUNTER_WIDTH = 4;
export const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
/** The largest millisecond the 9-character field holds. */
const MAX_MS = 36 ** MS_WIDTH - 1;
/** A remote clock further ahead of ours than this is refused rather than dragging ours forward. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;
const NODE_PATTERN = /^[0-9a-z]{1,32}$/;
const HLC_PATTERN = /^[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-z]{1,32}$/;

export function encodeHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${ms.toString(36).padStart(MS_WIDTH, '0')}-${counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

export function decodeHlc(hlc: Hlc): HlcParts | null {
  if (!HLC_PATTERN.test(hlc)) return null;
  const [ms, counter, node] = hlc.split('-') as [string, string, string];
  return { ms: parseInt(ms, 36), counter: parseInt(counter, 36), node };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: Hlc | undefined, b: Hlc | undefined): Hlc | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

export type HlcError = 'clock_drift' | 'counter_overflow' | 'bad_clock';

export interface HlcClock {
  /** A new timestamp for a local event, later than every timestamp seen so far. */
  now(): Hlc;
  /** Folds in a timestamp received from another node, so our next events sort after it. */
  receive(remote: Hlc): HlcError | null;
  readonly node: string;
}

export function createHlcClock(node: string, wallClock: () => number, last?: Hlc): HlcClock {
  if (!NODE_PATTERN.test(node)) throw new Error(`invalid clock node id: ${node}`);
  let state: HlcParts = (last && decodeHlc(last)) || { ms: 0, counter: 0, node };
  state = { ...state, node };

  // A counter past its width carries into the millisecond, so the clock never throws and never
  // repeats: at worst it runs a millisecond ahead of the wall.
  const advance = (ms: number, counter: number): Hlc => {
    state =
      counter > MAX_COUNTER
        ? { ms: Math.min(ms + 1, MAX_MS), counter: 0, node }
        : { ms, counter, node };
    return encodeHlc(state);
  };

  return {
    node,
    now() {
      const wall = Math.floor(wallClock());
      if (wall > state.ms) return advance(wall, 0);
      return advance(state.ms, state.counter + 1);
    },
    receive(remote) {
      const r = decodeHlc(remote);
      if (!r) return 'bad_clock';
      const wall = Math.floor(wallClock());
      if (r.ms - wall > MAX_DRIFT_MS) return 'clock_drift';
      const ms = Math.max(wall, state.ms, r.ms);
      let counter: number;
      if (ms === state.ms && ms === r.ms) counter = Math.max(state.counter, r.counter) + 1;
      else if (ms === state.ms) counter = state.counter + 1;
      else if (ms === r.ms) counter = r.counter + 1;
      else counter = 0;
      if (counter > MAX_COUNTER) return 'counter_overflow';
      advance(ms, counter);
      return null;
    },
  };
}
