import { generateHouseholdCode } from '../../../domain/householdCode';
import { households, writeAll } from '../../db';

const cryptoRandom = (n: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b % 32);

export type CodeLookup =
  | { kind: 'household'; id: string }
  | { kind: 'unassigned'; code: string }
  /** Several households wear it (written before the server refused a second): never pick one. */
  | { kind: 'several'; code: string; households: { id: string; headName: string }[] };

/** Which household wears this code on its door, if any (deleted households do not count). */
export async function resolveHouseholdCode(code: string): Promise<CodeLookup> {
  const live = (await households.withCode(code)).filter((r) => r.deleted !== true);
  if (live.length === 0) return { kind: 'unassigned', code };
  if (live.length === 1) return { kind: 'household', id: (live[0] as { id: string }).id };
  return {
    kind: 'several',
    code,
    households: live
      .map((h) => ({ id: h.id, headName: String(h.headName ?? '') }))
      .sort((a, b) => a.headName.localeCompare(b.headName, 'vi')),
  };
}

/** New codes for this commune that no household on this device uses yet. */
export async function freshCodes(communeCode: string, count: number): Promise<string[]> {
  const taken = new Set(await households.codes());
  const out: string[] = [];
  while (out.length < count) {
    const code = generateHouseholdCode(communeCode, cryptoRandom);
    if (!taken.has(code)) {
      taken.add(code);
      out.push(code);
    }
  }
  return out;
}

/** Gives every household of the village that has no sticker code one, in one user action. */
export async function assignMissingCodes(communeCode: string, villageId: string): Promise<number> {
  const missing = (await households.inVillages([villageId])).filter(
    (h) => !h.code && h.deleted !== true,
  );
  if (missing.length === 0) return 0;
  const codes = await freshCodes(communeCode, missing.length);
  await writeAll(
    missing.map((h, i) => ({ entity: 'household' as const, id: h.id, fields: { code: codes[i] } })),
  );
  return missing.length;
}
