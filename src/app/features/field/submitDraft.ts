import type { FormEvent } from 'react';
import { isValid } from '../../../domain/validation';

/**
 * The submit handler every draft-backed form shares: show the field errors, save only when the
 * form is valid (nothing saved half-valid), then drop the draft.
 */
export function submitDraft<T>(opts: {
  value: T;
  errors: object;
  markTried: () => void;
  save: (value: T) => Promise<void>;
  clearDraft: () => Promise<void>;
}) {
  return async (e: FormEvent) => {
    e.preventDefault();
    opts.markTried();
    if (!isValid(opts.errors)) return;
    await opts.save(opts.value);
    await opts.clearDraft();
  };
}
