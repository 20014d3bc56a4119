import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  checkCharacter,
  formatHouseholdCode,
  generateHouseholdCode,
  parseHouseholdCode,
} from '../../src/domain/householdCode';
import { householdLink, parseHouseholdPath, parseHouseholdQr } from '../../src/domain/qrLink';

const COMMUNE = '25093';
const seq = (start: number) => (n: number) =>
  Array.from({ length: n }, (_, i) => (start * 7 + i * 13) % 32);
const codes = Array.from({ length: 40 }, (_, i) => generateHouseholdCode(COMMUNE, seq(i)));

describe('household codes', () => {
  it('are 8 characters of the unambiguous alphabet and verify for their commune', () => {
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
      expect(parseHouseholdCode(code, COMMUNE)).toEqual({ ok: true, code });
    }
  });

  it('catch every single-character error (every position, every substitute)', () => {
    let tried = 0;
    for (const code of codes) {
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          const wrong = code.slice(0, i) + c + code.slice(i + 1);
          expect(parseHouseholdCode(wrong, COMMUNE)).toEqual({ ok: false, error: 'code_check' });
          tried++;
        }
      }
    }
    expect(tried).toBe(codes.length * CODE_LENGTH * 31);
    // Every single-character substitute of every code checked: ~0.8 s alone.
  }, 30_000);

  it.each([
    { name: 'empty', input: '  ', error: 'code_empty' },
    { name: 'too short', input: 'K7M2', error: 'code_length' },
    { name: 'too long', input: 'K7M2QX4BB', error: 'code_length' },
    { name: 'a character outside the alphabet', input: 'K7M2QX4U', error: 'code_characters' },
  ])('refuse $name', ({ input, error }) => {
    expect(parseHouseholdCode(input, COMMUNE)).toEqual({ ok: false, error });
  });

  it('accept what people type: lower case, spaces, a dash, O for 0 and I or L for 1', () => {
    const code = codes.find((c) => c.includes('0') && c.includes('1')) ?? codes[0]!;
    const typed = formatHouseholdCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseHouseholdCode(` ${typed} `, COMMUNE)).toEqual({ ok: true, code });
  });

  it('fail the check in another commune', () => {
    const failing = codes.filter((c) => !parseHouseholdCode(c, '26734').ok);
    expect(failing.length).toBeGreaterThan(codes.length * 0.9);
  });

  it('check character is deterministic', () => {
    expect(checkCharacter(`${COMMUNE}ABCDEFG`)).toBe(checkCharacter(`${COMMUNE}ABCDEFG`));
  });
});

describe('household QR links', () => {
  const origin = 'https://tungnha.example.vn';
  const code = codes[3]!;
  const ctx = { origin, communeCode: COMMUNE };

  it('round-trip: the link printed on a sticker opens that household', () => {
    const link = householdLink(origin, COMMUNE, code);
    expect(link).toBe(`${origin}/h/${COMMUNE}/${code}`);
    expect(parseHouseholdQr(link, ctx)).toEqual({ ok: true, communeCode: COMMUNE, code });
    expect(parseHouseholdPath(`/h/${COMMUNE}/${code}`, COMMUNE)).toEqual({
      ok: true,
      communeCode: COMMUNE,
      code,
    });
  });

  it.each([
    { name: 'garbage text', text: '%%%garbage', error: 'qr_not_ours' },
    { name: 'empty', text: '', error: 'qr_empty' },
    {
      name: 'a payment QR of another app',
      text: '00020101021238570010A000000727',
      error: 'qr_not_ours',
    },
    {
      name: 'a link to another site',
      text: `https://evil.example.com/h/${COMMUNE}/${code}`,
      error: 'qr_not_ours',
    },
    { name: 'our site, another path', text: `${origin}/dang-nhap`, error: 'qr_not_ours' },
    {
      name: 'a code of another commune',
      text: `${origin}/h/26734/${code}`,
      error: 'qr_other_commune',
    },
    {
      name: 'a code with a wrong check character',
      text: `${origin}/h/${COMMUNE}/${code.slice(0, 7)}${code[7] === 'A' ? 'B' : 'A'}`,
      error: 'code_check',
    },
  ])('refuse $name', ({ text, error }) => {
    expect(parseHouseholdQr(text, ctx)).toEqual({ ok: false, error });
  });
});
