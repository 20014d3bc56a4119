import { describe, expect, it } from 'vitest';
import { createFairQueue } from '../../src/server/store/fairQueue';

/** Queues `tasks` (lane names) at once and returns the order they started in. */
async function startOrder(capacity: number, tasks: string[]) {
  const queue = createFairQueue(capacity);
  const started: string[] = [];
  await Promise.all(
    tasks.map((lane, i) =>
      queue.run(lane, async () => {
        started.push(`${lane}${i}`);
        await new Promise((r) => setImmediate(r));
      }),
    ),
  );
  return started;
}

describe('fair queue: turns between lanes', () => {
  it.each([
    {
      name: 'one lane keeps its order',
      tasks: ['a', 'a', 'a'],
      order: ['a0', 'a1', 'a2'],
    },
    {
      name: 'a lane with many waiting takes one turn, then the newcomer',
      tasks: ['a', 'a', 'a', 'a', 'b'],
      order: ['a0', 'b4', 'a1', 'a2', 'a3'],
    },
    {
      name: 'three lanes take turns',
      tasks: ['a', 'a', 'b', 'b', 'c'],
      order: ['a0', 'b2', 'c4', 'a1', 'b3'],
    },
  ])('$name', async ({ tasks, order }) => {
    expect(await startOrder(1, tasks)).toEqual(order);
  });

  it('runs up to its capacity at once', async () => {
    const queue = createFairQueue(2);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        queue.run('a', async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setImmediate(r));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('passes a failure to its caller and goes on with the next', async () => {
    const queue = createFairQueue(1);
    const failed = queue.run('a', () => Promise.reject(new Error('hỏng')));
    const next = queue.run('b', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('hỏng');
    await expect(next).resolves.toBe('ok');
    expect(queue.waiting().size).toBe(0);
  });

  it('never starts a task in the same tick it was queued (the server reads its sockets between)', async () => {
    const queue = createFairQueue(1);
    let started = false;
    const done = queue.run('a', async () => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });
});
