import { useCallback, useEffect, useRef, useState } from 'react';
import { useUi } from '../state/ui';
import { db } from './db';
import { reportStorageError } from './storageFull';

export const DRAFT_DEBOUNCE_MS = 250;

export interface DraftState<T> {
  /** False until the saved draft (if any) has been read; render the form only after. */
  loaded: boolean;
  value: T;
  /** True when the value came back from a saved draft. */
  restored: boolean;
  set(next: T | ((prev: T) => T)): void;
  /** After a successful save: forget the draft and the dirty mark. */
  clear(): Promise<void>;
}

/**
 * A form's values, saved to db.drafts on every change (debounced) and restored after a reload, a
 * crash or an update. While a draft is unsaved the form is registered dirty, so the update prompt
 * never reloads under it.
 */
export function useDraft<T>(formId: string, initial: T): DraftState<T> {
  const [state, setState] = useState<{ loaded: boolean; value: T; restored: boolean }>({
    loaded: false,
    value: initial,
    restored: false,
  });
  const setFormDirty = useUi((s) => s.setFormDirty);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: T } | null>(null);
  const initialRef = useRef(initial);

  useEffect(() => {
    let alive = true;
    void db.drafts.get(formId).then((row) => {
      if (!alive) return;
      if (row) setFormDirty(formId, true);
      setState(
        row
          ? { loaded: true, value: row.value as T, restored: true }
          : { loaded: true, value: initialRef.current, restored: false },
      );
    });
    return () => {
      alive = false;
    };
  }, [formId, setFormDirty]);

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    // A full storage shows the alert; the form keeps its values on screen.
    void db.drafts.put({ formId, value: p.value, updatedAt: Date.now() }).catch(reportStorageError);
  }, [formId]);

  // Leaving the form (navigation, unmount) writes what is pending at once.
  useEffect(() => flush, [flush]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setState((s) => {
        const value = typeof next === 'function' ? (next as (prev: T) => T)(s.value) : (next as T);
        if (pending.current) clearTimeout(pending.current.timer);
        pending.current = { value, timer: setTimeout(flush, DRAFT_DEBOUNCE_MS) };
        return { ...s, value };
      });
      setFormDirty(formId, true);
    },
    [flush, formId, setFormDirty],
  );

  const clear = useCallback(async () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    await db.drafts.delete(formId);
    setFormDirty(formId, false);
  }, [formId, setFormDirty]);

  return { ...state, set, clear };
}
