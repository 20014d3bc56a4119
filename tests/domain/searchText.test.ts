import { describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../src/domain/normalize';
import {
  findByEveryWord,
  findByPhrase,
  searchList,
  searchTexts,
  type SearchEntry,
} from '../../src/domain/searchText';

const entry = (id: string, ...texts: string[]): SearchEntry => ({ id, texts: searchTexts(texts) });
const one = (texts: string[]) => searchList([{ id: 'x', texts }]);
const matchesPhrase = (q: string, texts: string[]) => findByPhrase(q, one(texts), 1).length === 1;
const matchesEveryWord = (q: string, texts: string[]) =>
  findByEveryWord(q, one(texts), 1).length === 1;

describe('search texts', () => {
  it.each([
    { name: 'a name, normalised', texts: ['Nguyễn Văn An'], has: ['nguyen van an'] },
    {
      name: 'surname with given name, for "nguyen an"',
      texts: ['Nguyễn Văn An'],
      has: ['nguyen an'],
    },
    { name: 'no pair for a two-word name', texts: ['Lê An'], has: ['le an'], not: ['le an le'] },
    { name: 'phone digits', texts: ['0912 345 678'], has: ['0912345678'] },
    { name: 'address', texts: ['Số 12, Thôn Đông'], has: ['so 12 thon dong'] },
    { name: 'empty and missing texts', texts: ['', undefined, '  '], has: [] },
  ])('$name', ({ texts, has, not }) => {
    const out = searchTexts(texts);
    expect(out).toEqual(expect.arrayContaining(has));
    for (const t of not ?? []) expect(out).not.toContain(t);
    expect(new Set(out).size).toBe(out.length);
  });
});

describe('matching a typed phrase', () => {
  const head = searchTexts(['Nguyễn Văn Đức', 'Số 12, ngõ 3, Thôn Đông', '0912 345 678']);
  it.each([
    { name: 'the whole name', q: 'nguyen van duc', ok: true },
    { name: 'a name start', q: 'nguyen va', ok: true },
    { name: 'from a later word', q: 'van duc', ok: true },
    { name: 'the given name alone', q: 'duc', ok: true },
    { name: 'surname + given name', q: 'nguyen duc', ok: true },
    { name: 'upper case and marks typed', q: 'NGUYỄN VĂN', ok: true },
    { name: 'an address phrase', q: 'ngo 3 thon dong', ok: true },
    { name: 'a phone prefix typed with spaces', q: '0912 345', ok: true },
    { name: 'inside a word is not a word start', q: 'uyen', ok: false },
    { name: 'words out of order are not a phrase', q: 'duc nguyen', ok: false },
    { name: 'a phone middle', q: '345678', ok: false },
    { name: 'another name', q: 'tran thi hoa', ok: false },
  ])('$name', ({ q, ok }) => {
    expect(matchesPhrase(normalizeQuery(q), head)).toBe(ok);
  });

  it.each([
    { name: 'words out of order', q: 'an nguyen', texts: ['Nguyễn Văn An'], ok: true },
    { name: 'a missing word', q: 'nguyen hoa', texts: ['Nguyễn Văn An'], ok: false },
    { name: 'name and place words', q: 'an dong', texts: ['Lê An', 'Thôn Đông'], ok: true },
    { name: 'word starts only', q: 'guyen an', texts: ['Nguyễn Văn An'], ok: false },
  ])('every word: $name', ({ q, texts, ok }) => {
    expect(matchesEveryWord(normalizeQuery(q), searchTexts(texts))).toBe(ok);
  });
});

describe('finding entries', () => {
  const people = searchList([
    entry('1', 'Trần Thị Hoa'),
    entry('2', 'Nguyễn Văn An'),
    entry('3', 'Nguyễn Thị Bình'),
    entry('4', 'Lê Văn An'),
    entry('5', 'Nguyễn Văn Anh'),
    entry('6', 'Nguyễn Văn An'),
  ]);
  const ids = (list: SearchEntry[]) => list.map((e) => e.id);

  it.each([
    { name: 'a shared surname, sorted by name', q: 'nguyen', out: ['3', '2', '6', '5'] },
    { name: 'a given name that starts another', q: 'an', out: ['4', '2', '6', '5'] },
    { name: 'a phrase', q: 'van an', out: ['4', '2', '6', '5'] },
    { name: 'nothing', q: 'pham', out: [] },
    { name: 'an empty query', q: '', out: [] },
  ])('by phrase: $name', ({ q, out }) => {
    expect(ids(findByPhrase(normalizeQuery(q), people, 30))).toEqual(out);
  });

  it('the same name twice: both, by id', () => {
    expect(ids(findByPhrase('nguyen van an', people, 30))).toEqual(['2', '6', '5']);
  });

  it('stops at the limit, keeping the first by name', () => {
    expect(ids(findByPhrase('nguyen', people, 2))).toEqual(['3', '2']);
  });

  it('by every word: the words in any order', () => {
    expect(ids(findByEveryWord('an van', people, 30))).toEqual(['4', '2', '6', '5']);
    expect(ids(findByEveryWord('hoa nguyen', people, 30))).toEqual([]);
  });
});
