import { useState } from 'react';
import { useDraft } from '../../db';
import { submitDraft } from './submitDraft';

/**
 * A form backed by a draft (useDraft): its value, its field errors, the errors to show (only
 * after a first try to save) and the submit handler (submitDraft: nothing saved half-valid).
 */
export function useDraftForm<T, E extends object>(
  formId: string,
  initial: T,
  validate: (value: T) => E,
  onSave: (value: T) => Promise<void>,
) {
  const draft = useDraft(formId, initial);
  const [tried, setTried] = useState(false);
  const errors = validate(draft.value);
  const submit = submitDraft({
    value: draft.value,
    errors,
    markTried: () => setTried(true),
    save: onSave,
    clearDraft: () => draft.clear(),
  });
  const none: Partial<E> = {};
  return { draft, show: tried ? errors : none, submit };
}
