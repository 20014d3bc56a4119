import type { FormEvent } from 'react';
import { isValid } from '../../../domain/fieldRules';
import { StorageFullError } from '../../db';

/**
 * The submit handler every draft-backed form shares: show the field errors, save only when the
 * form is valid (nothing saved half-valid), then drop the draft. A save refused because the
 * phone's storage is full keeps the form as typed (the alert says why).
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
    try {
      await opts.save(opts.value);
    } catch (error) {
      // The storage-full alert is already shown; the form and its draft stay for a retry.
      if (error instanceof StorageFullError) return;
      throw error;
    }
    await opts.clearDraft();
  };
}
