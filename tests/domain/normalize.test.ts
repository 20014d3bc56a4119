import { describe, expect, it } from 'vitest';
import { matchesAllWords, normalizeQuery, normalizeText } from '../../src/domain/normalize';

describe('Vietnamese search normalisation', () => {
  it.each([
    { name: 'strips tone and vowel marks', input: 'Nguyễn Văn A', out: 'nguyen van a' },
    { name: 'maps đ and Đ to d', input: 'Đặng Đức Đạt', out: 'dang duc dat' },
    { name: 'lowercases', input: 'TRẦN THỊ HOA', out: 'tran thi hoa' },
    { name: 'collapses and trims whitespace', input: '  Lê \t  Thị\n Mai ', out: 'le thi mai' },
    { name: 'treats punctuation as a space', input: 'Số 12, ngõ 5', out: 'so 12 ngo 5' },
    { name: 'handles precomposed and decomposed forms alike', input: 'Hu\u1ef3nh', out: 'huynh' },
    { name: 'decomposed input', input: 'Huy\u0300nh', out: 'huynh' },
    { name: 'horn and breve vowels', input: 'Phượng Ơn Ắt', out: 'phuong on at' },
    { name: 'empty stays empty', input: '   ', out: '' },
  ])('$name', ({ input, out }) => {
    expect(normalizeText(input)).toBe(out);
  });

  it.each([
    { name: 'a name typed without marks', query: 'nguyen van a', out: 'nguyen van a' },
    { name: 'a phone with spaces becomes its digits', query: '091 234 5678', out: '0912345678' },
    { name: 'a phone with dots', query: '0912.345.678', out: '0912345678' },
  ])('query: $name', ({ query, out }) => {
    expect(normalizeQuery(query)).toBe(out);
  });

  it.each([
    { name: 'full name without marks', q: 'nguyen van a', texts: ['Nguyễn Văn An'], ok: true },
    { name: 'words out of order', q: 'an nguyen', texts: ['Nguyễn Văn An'], ok: true },
    { name: 'd for đ', q: 'duc', texts: ['Đặng Đức'], ok: true },
    { name: 'a missing word', q: 'nguyen hoa', texts: ['Nguyễn Văn An'], ok: false },
    {
      name: 'name in one text, place in another',
      q: 'an dong',
      texts: ['Lê An', 'Thôn Đông'],
      ok: true,
    },
    { name: 'phone prefix', q: '0912', texts: ['Lê An', '0912345678'], ok: true },
  ])('matches: $name', ({ q, texts, ok }) => {
    expect(matchesAllWords(normalizeQuery(q), texts)).toBe(ok);
  });
});
