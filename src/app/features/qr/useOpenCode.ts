import { useCallback, useState } from 'react';
import { parseHouseholdCode } from '../../../domain/householdCode';
import { parseHouseholdQr, type QrError } from '../../../domain/qrLink';
import { href, navigate } from '../../platform/router';
import { resolveHouseholdCode, type CodeLookup } from './householdCodes';

export type OpenState =
  | { kind: 'idle' }
  | { kind: 'error'; error: QrError }
  | { kind: 'unassigned'; code: string }
  | Extract<CodeLookup, { kind: 'several' }>;

/**
 * Turns a decoded QR text or a typed code into "open that household", or an offer to register a
 * new one with an unassigned code, or a Vietnamese error — never a change to data.
 */
export function useOpenCode(communeCode: string | undefined) {
  const [state, setState] = useState<OpenState>({ kind: 'idle' });

  const openCode = useCallback(async (code: string) => {
    const found = await resolveHouseholdCode(code);
    if (found.kind === 'household') {
      performance.mark?.('tn:household-requested');
      navigate(href('/ho/:id', { id: found.id }));
    } else {
      setState(found);
    }
  }, []);

  const openScanned = useCallback(
    async (text: string) => {
      if (!communeCode) return;
      performance.mark?.('tn:qr-decoded');
      const parsed = parseHouseholdQr(text, { origin: window.location.origin, communeCode });
      if (!parsed.ok) return setState({ kind: 'error', error: parsed.error });
      await openCode(parsed.code);
    },
    [communeCode, openCode],
  );

  const openTyped = useCallback(
    async (text: string) => {
      if (!communeCode) return;
      const parsed = parseHouseholdCode(text, communeCode);
      if (!parsed.ok) return setState({ kind: 'error', error: parsed.error });
      await openCode(parsed.code);
    },
    [communeCode, openCode],
  );

  return { state, openScanned, openTyped, reset: () => setState({ kind: 'idle' }) };
}
