import { seal } from './rowCipher';

/**
 * Seals rows off the main thread (sealAhead.ts): told the data key once, then asked for batches of
 * (where, value), it answers with their seals, their buffers handed over rather than copied. The
 * page ends the worker when the vault closes, and the key goes with it.
 */
export type SealRequest =
  | { kind: 'key'; key: Uint8Array }
  | { kind: 'seal'; id: number; wheres: string[]; values: unknown[] };
export type SealReply = { id: number; sealed: Uint8Array[] } | { id: number; error: string };

let key: Uint8Array | null = null;

self.onmessage = (event: MessageEvent<SealRequest>) => {
  const msg = event.data;
  if (msg.kind === 'key') {
    key = msg.key;
    return;
  }
  try {
    if (!key) throw new Error('no data key');
    const k = key;
    const sealed = msg.values.map((v, i) => seal(k, msg.wheres[i]!, v));
    self.postMessage({ id: msg.id, sealed } satisfies SealReply, {
      transfer: sealed.map((b) => b.buffer),
    });
  } catch (err) {
    self.postMessage({ id: msg.id, error: String(err) } satisfies SealReply);
  }
};
