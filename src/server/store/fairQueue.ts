/**
 * Runs tasks at most `capacity` at a time, taking turns between lanes (one lane a commune, or an
 * address before login): a lane with a hundred tasks waiting gets one turn, then every other lane
 * waiting gets one, so one commune's load never delays another's by more than a turn each.
 * Within a lane, tasks run in the order they came.
 *
 * Tasks start from `defer` (a macrotask: setImmediate), never straight from the one before: PGlite
 * answers through promises alone, so one request's statements would otherwise follow each other
 * without the server ever reading the requests of other clients waiting on their sockets.
 */
export interface FairQueue {
  run<T>(lane: string, task: () => Promise<T>): Promise<T>;
  /** Tasks waiting for a turn, by lane (for tests and the operations log). */
  waiting(): Map<string, number>;
}

export function createFairQueue(
  capacity: number,
  defer: (fn: () => void) => void = setImmediate,
): FairQueue {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be ≥ 1');
  // Lanes with waiting tasks, in turn order: the lane served goes to the back.
  const lanes = new Map<string, (() => void)[]>();
  let running = 0;
  let scheduled = false;

  function dispatch() {
    scheduled = false;
    while (running < capacity && lanes.size > 0) {
      const [lane, queue] = lanes.entries().next().value as [string, (() => void)[]];
      lanes.delete(lane);
      const start = queue.shift();
      if (queue.length > 0) lanes.set(lane, queue);
      running++;
      start?.();
    }
  }
  function schedule() {
    if (scheduled || lanes.size === 0 || running >= capacity) return;
    scheduled = true;
    defer(dispatch);
  }

  return {
    run(lane, task) {
      return new Promise((resolve, reject) => {
        const start = () => {
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              running--;
              schedule();
            });
        };
        const queue = lanes.get(lane);
        if (queue) queue.push(start);
        else lanes.set(lane, [start]);
        schedule();
      });
    },
    waiting: () => new Map([...lanes].map(([lane, queue]) => [lane, queue.length])),
  };
}
