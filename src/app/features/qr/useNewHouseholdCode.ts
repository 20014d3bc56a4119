import { useEffect, useState } from 'react';
import { parseHouseholdCode } from '../../../domain/householdCode';
import { freshCodes, resolveHouseholdCode } from './householdCodes';
import type { QR_MESSAGES } from './messages';

export type NewCode =
  | { kind: 'loading' }
  | { kind: 'ready'; code: string; fromSticker: boolean }
  | { kind: 'refused'; error: keyof typeof QR_MESSAGES; householdId?: string };

/**
 * The sticker code a new household will wear: the pre-printed one in `?ma=` when it is valid and
 * free, otherwise a fresh one. A taken or mistyped code is refused, never reassigned.
 */
export function useNewHouseholdCode(communeCode: string | undefined, search: string): NewCode {
  const [state, setState] = useState<NewCode>({ kind: 'loading' });
  useEffect(() => {
    if (!communeCode) return;
    let live = true;
    const wanted = new URLSearchParams(search).get('ma');
    void (async () => {
      let next: NewCode;
      if (wanted === null) {
        const [code] = await freshCodes(communeCode, 1);
        next = { kind: 'ready', code: code as string, fromSticker: false };
      } else {
        const parsed = parseHouseholdCode(wanted, communeCode);
        if (!parsed.ok) next = { kind: 'refused', error: parsed.error };
        else {
          const found = await resolveHouseholdCode(parsed.code);
          next =
            found.kind === 'household'
              ? { kind: 'refused', error: 'code_taken', householdId: found.id }
              : found.kind === 'several'
                ? { kind: 'refused', error: 'code_taken', householdId: found.households[0]?.id }
                : { kind: 'ready', code: parsed.code, fromSticker: true };
        }
      }
      if (live) setState(next);
    })();
    return () => {
      live = false;
    };
  }, [communeCode, search]);
  return state;
}
