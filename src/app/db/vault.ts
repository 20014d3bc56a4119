/**
 * The data key of the device, held in memory only while the app is unlocked (session/keyring.ts
 * unwraps it with the PIN, or after "Quên mã PIN?" with the account's recovery secret). Without it
 * no sealed row can be read or written (sealedRows.ts): a reload, a lock or a wipe drops it.
 */
import type * as RowCipher from './rowCipher';
import { startSealWorker, type SealWorker } from './sealWorkerClient';

let key: Uint8Array | null = null;
/** The row cipher's code: loaded with the first opening, not with the first screen (its JS budget). */
let cipher: typeof RowCipher | null = null;
const listeners = new Set<(open: boolean) => void>();
/** Seals batches off the main thread (sealAhead.ts): started with the first, ended on close. */
let worker: SealWorker | null = null;

/** Thrown by a read or write of sealed data while the vault is closed. */
export class VaultLockedError extends Error {
  override name = 'VaultLockedError';
  constructor() {
    super('the device data is locked');
  }
}

/** Whether `e` (or the error a Dexie error wraps) is a closed vault's refusal. */
export function isVaultLocked(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof VaultLockedError || (cur as { name?: unknown }).name === 'VaultLockedError')
      return true;
    cur = (cur as { inner?: unknown }).inner;
  }
  return false;
}

function announce() {
  for (const l of listeners) l(key !== null);
}

export const vault = {
  /** Opens the vault with a 32-byte data key (a copy is kept; the caller's may be cleared). */
  async open(dataKey: Uint8Array): Promise<void> {
    if (dataKey.length !== 32) throw new Error('a data key has 32 bytes');
    const copy = Uint8Array.from(dataKey);
    cipher ??= await import('./rowCipher');
    worker?.stop(new VaultLockedError());
    worker = null;
    key?.fill(0);
    key = copy;
    announce();
  },
  /** Drops the key: every sealed row is unreadable until the vault opens again. */
  close() {
    if (!key) return;
    worker?.stop(new VaultLockedError());
    worker = null;
    key.fill(0);
    key = null;
    announce();
  },
  isOpen: () => key !== null,
  /** The key, or a VaultLockedError. */
  key(): Uint8Array {
    if (!key) throw new VaultLockedError();
    return key;
  },
  /** Seals a value under the key (rowCipher.ts), or a VaultLockedError. */
  seal(where: string, value: unknown): Uint8Array {
    if (!key || !cipher) throw new VaultLockedError();
    return cipher.seal(key, where, value);
  },
  /**
   * Seals values in a batch, off the main thread where a worker can run (in order: batches are
   * answered in the order asked). Refused with a VaultLockedError if the vault closes meanwhile.
   */
  async sealMany(wheres: string[], values: unknown[]): Promise<Uint8Array[]> {
    if (!key || !cipher) throw new VaultLockedError();
    if (typeof Worker === 'function') {
      worker ??= startSealWorker(key);
      const sealed = await worker.seal(wheres, values).catch((err: unknown) => {
        if (isVaultLocked(err)) throw err;
        return null; // the worker failed: sealed here below
      });
      if (sealed) return sealed;
    }
    return values.map((v, i) => vault.seal(wheres[i]!, v));
  },
  /** Opens what `seal` made, or a VaultLockedError; a wrong key or altered byte throws. */
  unseal(where: string, bytes: Uint8Array): unknown {
    if (!key || !cipher) throw new VaultLockedError();
    return cipher.open(key, where, bytes);
  },
  /** Calls back on every opening and closing; returns the function that stops listening. */
  subscribe(listener: (open: boolean) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
