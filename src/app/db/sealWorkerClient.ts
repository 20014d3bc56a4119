import type { SealReply, SealRequest } from './sealWorker';

/** A worker sealing batches for sealAhead.ts; ended with `stop` when the vault closes. */
export interface SealWorker {
  seal(wheres: string[], values: unknown[]): Promise<Uint8Array[]>;
  stop(reason: Error): void;
}

/**
 * Starts the worker and tells it the data key (a copy: the vault's own is cleared on close). A
 * worker that fails (it cannot start, say) refuses every batch with its error; the caller seals on
 * the main thread instead.
 */
export function startSealWorker(key: Uint8Array): SealWorker {
  const worker = new Worker(new URL('./sealWorker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(v: Uint8Array[]): void; reject(e: Error): void }>();
  let next = 0;
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<SealReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) p?.reject(new Error(reply.error));
    else p?.resolve(reply.sealed);
  };
  worker.onerror = (event) => fail(new Error(`the sealing worker failed: ${event.message}`));
  worker.postMessage({ kind: 'key', key: Uint8Array.from(key) } satisfies SealRequest);
  return {
    seal(wheres, values) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'seal', id, wheres, values } satisfies SealRequest);
      });
    },
    stop(reason) {
      worker.terminate();
      fail(reason);
    },
  };
}
