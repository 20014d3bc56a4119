/**
 * Household sticker codes: 7 random characters from Crockford's alphabet (no I, L, O or U, so
 * nothing reads as another character), plus one check character (Luhn mod 32) computed over the
 * commune code and the 7 characters. Luhn mod N catches every single mistyped or misread
 * character and nearly every swap of two neighbours; because the commune code is inside the check,
 * a code of another commune fails it too. Printed and read aloud as "K7M2-QX4B".
 * 32^7 ≈ 34 billion codes: a commune of 20,000 households stays far from a collision, and a
 * collision is refused at registration (the code is already assigned).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CODE_ALPHABET.length; // 32
export const CODE_BODY_LENGTH = 7;
export const CODE_LENGTH = CODE_BODY_LENGTH + 1;

const valueOf = (c: string): number => CODE_ALPHABET.indexOf(c);

/** Luhn mod N sum; `doubleLast` doubles the rightmost character (computing a check) or not (verifying). */
function luhnSum(chars: string, doubleLast: boolean): number {
  let factor = doubleLast ? 2 : 1;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const addend = factor * valueOf(chars[i] as string);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / N) + (addend % N);
  }
  return sum;
}

/** Luhn mod N check character over the given characters (all from CODE_ALPHABET or digits). */
export function checkCharacter(chars: string): string {
  return CODE_ALPHABET[(N - (luhnSum(chars, true) % N)) % N] as string;
}

function isValidLuhn(chars: string): boolean {
  return luhnSum(chars, false) % N === 0;
}

/** A new code for a household of `communeCode`; `random` returns integers in [0, 32). */
export function generateHouseholdCode(
  communeCode: string,
  random: (n: number) => number[],
): string {
  const body = random(CODE_BODY_LENGTH)
    .map((v) => CODE_ALPHABET[((v % N) + N) % N])
    .join('');
  return body + checkCharacter(communeCode + body);
}

/** "K7M2QX4B" → "K7M2-QX4B", as printed and read aloud. */
export function formatHouseholdCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CodeError = 'code_empty' | 'code_length' | 'code_characters' | 'code_check';

/**
 * Normalises what a person typed or a camera read ("k7m2 qx4b", "K7M2-QX4B") and verifies the
 * check character for this commune. Letters people confuse are mapped (O→0, I/L→1).
 */
export function parseHouseholdCode(
  input: string,
  communeCode: string,
): { ok: true; code: string } | { ok: false; error: CodeError } {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length === 0) return { ok: false, error: 'code_empty' };
  if (cleaned.length !== CODE_LENGTH) return { ok: false, error: 'code_length' };
  if (![...cleaned].every((c) => valueOf(c) >= 0)) return { ok: false, error: 'code_characters' };
  if (!isValidLuhn(communeCode + cleaned)) return { ok: false, error: 'code_check' };
  return { ok: true, code: cleaned };
}

/**
 * A code as the app issues it for this commune: 8 characters of the alphabet, its check character
 * right. What the server accepts on a household; a typed code is normalised first (parseHouseholdCode).
 */
export function isIssuedCode(code: string, communeCode: string): boolean {
  const parsed = parseHouseholdCode(code, communeCode);
  return parsed.ok && parsed.code === code;
}
