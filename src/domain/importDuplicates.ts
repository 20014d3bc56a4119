import type { ImportedHousehold } from './importRows';
import { normalizeText } from './normalize';

/** A household already in the app, as the import compares it. */
export interface KnownHousehold {
  id: string;
  headName: string;
  address: string;
  phone: string | null;
}

/**
 * The imported households that are likely already in the app: the same head's name and the same
 * address or phone, diacritics, case and spacing ignored. The leader skips or merges each one.
 * Returns, for each such imported household (by its index), the household it matches.
 */
export function likelyDuplicates(
  imported: readonly ImportedHousehold[],
  known: readonly KnownHousehold[],
): Map<number, KnownHousehold> {
  const byHead = new Map<string, KnownHousehold[]>();
  for (const k of known) {
    const head = normalizeText(k.headName);
    byHead.set(head, [...(byHead.get(head) ?? []), k]);
  }
  const found = new Map<number, KnownHousehold>();
  imported.forEach((h, i) => {
    const address = normalizeText(h.address);
    const match = byHead
      .get(normalizeText(h.headName))
      ?.find(
        (k) =>
          (address !== '' && normalizeText(k.address) === address) ||
          (h.phone !== null && k.phone === h.phone),
      );
    if (match) found.set(i, match);
  });
  return found;
}
