import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanNotes,
  cleanText,
  hasLetter,
  isCleanNotes,
  isCleanText,
} from '../../src/domain/cleanText';
import { hasUnstorableText } from '../../src/domain/storableText';
import { typedText } from './typedText';

describe('text as it is stored', () => {
  it.each([
    {
      name: 'a Vietnamese name stays as it is',
      typed: 'Nguyễn Thị Ánh Tuyết',
      stored: 'Nguyễn Thị Ánh Tuyết',
    },
    { name: 'Đ and Ẩ stay as they are', typed: 'Đặng Văn Ẩn', stored: 'Đặng Văn Ẩn' },
    {
      name: 'decomposed input becomes NFC (one code point per letter)',
      typed: 'Nguye\u0302\u0303n Thi\u0323 A\u0301nh',
      stored: 'Nguyễn Thị Ánh',
    },
    { name: 'spaces around are trimmed', typed: '  Lê Văn Cường  ', stored: 'Lê Văn Cường' },
    {
      name: 'tabs, doubled and no-break spaces become one space',
      typed: 'Lê\t\tVăn\u00A0 Cường',
      stored: 'Lê Văn Cường',
    },
    {
      name: 'a line break in a one-line field becomes a space',
      typed: 'Số 5\nngõ 3',
      stored: 'Số 5 ngõ 3',
    },
    { name: 'spaces only become empty', typed: '   ', stored: '' },
    {
      name: 'zero-width characters only become empty',
      typed: '\u200B\u200C\u200D\u2060\uFEFF',
      stored: '',
    },
    {
      name: 'a zero-width space inside a word is dropped',
      typed: 'Ngu\u200Byễn',
      stored: 'Nguyễn',
    },
    {
      name: 'a right-to-left override is dropped',
      typed: 'Nguyễn \u202Ena V',
      stored: 'Nguyễn na V',
    },
    {
      name: 'every bidi control is dropped',
      typed: '\u202AA\u202BB\u202CC\u202DD\u2066E\u2067F\u2068G\u2069H\u200EI\u200FJ\u061CK',
      stored: 'ABCDEFGHIJK',
    },
    {
      name: 'C0 and C1 controls are dropped',
      typed: 'A\u0000\u0007B\u001B\u007FC\u0080\u009FD',
      stored: 'ABCD',
    },
    {
      name: '99 combining marks keep 2 (after NFC)',
      typed: `a${'\u0301'.repeat(99)}`,
      stored: 'á\u0301\u0301',
    },
    {
      name: 'three marks that NFC composes stay one letter',
      typed: 'e\u0323\u0302 e\u0302\u0323',
      stored: 'ệ ệ',
    },
    { name: 'U+FFFF and U+FFFE are dropped', typed: 'Xóm\uFFFF 2\uFFFE', stored: 'Xóm 2' },
    {
      name: 'noncharacters of other planes are dropped',
      typed: 'a\u{1FFFF}b\u{10FFFE}c\uFDD0d',
      stored: 'abcd',
    },
    { name: 'an invisible Hangul filler is dropped', typed: '\u3164', stored: '' },
    { name: 'a lone surrogate is dropped', typed: 'A\uD800B\uDC00C', stored: 'ABC' },
    { name: 'an emoji (a surrogate pair) stays', typed: 'Sạp rau 🥬', stored: 'Sạp rau 🥬' },
    { name: 'a zero-width joiner between emoji is dropped', typed: '👨\u200D👩', stored: '👨👩' },
    {
      name: 'quotes and angle brackets are plain text',
      typed: "<b>O'Neil</b>",
      stored: "<b>O'Neil</b>",
    },
  ])('one line: $name', ({ typed, stored }) => {
    expect(cleanText(typed)).toBe(stored);
    expect(isCleanText(stored)).toBe(true);
  });

  it.each([
    {
      name: 'line breaks are kept',
      typed: 'Cần quay lại.\nCon trai đi làm xa.',
      stored: 'Cần quay lại.\nCon trai đi làm xa.',
    },
    { name: 'Windows and old Mac line breaks become \\n', typed: 'a\r\nb\rc', stored: 'a\nb\nc' },
    {
      name: 'Unicode line and paragraph separators become \\n',
      typed: 'a\u2028b\u2029c',
      stored: 'a\nb\nc',
    },
    { name: 'at most one empty line in a row', typed: 'a\n\n\n\n\nb', stored: 'a\n\nb' },
    {
      name: 'each line trimmed, spaces inside collapsed',
      typed: '  a   b  \n\t c  ',
      stored: 'a b\nc',
    },
    { name: 'blank lines around are trimmed', typed: '\n\n a \n\n', stored: 'a' },
    {
      name: 'bidi and zero-width characters are dropped',
      typed: 'Hẹn\u202E mai\u200B',
      stored: 'Hẹn mai',
    },
  ])('notes: $name', ({ typed, stored }) => {
    expect(cleanNotes(typed)).toBe(stored);
    expect(isCleanNotes(stored)).toBe(true);
  });

  it.each([
    { name: 'a Vietnamese name', s: 'Đặng Văn Ẩn', letter: true },
    { name: 'one letter among digits', s: 'Sạp 12', letter: true },
    { name: 'a name in another script', s: 'Хмонг', letter: true },
    { name: 'digits only', s: '0912345678', letter: false },
    { name: 'punctuation only', s: '... - ...', letter: false },
    { name: 'combining marks only', s: '\u0301\u0301', letter: false },
    { name: 'empty', s: '', letter: false },
  ])('a letter: $name', ({ s, letter }) => {
    expect(hasLetter(s)).toBe(letter);
  });

  it('is not clean when typed dirty', () => {
    expect(isCleanText(' An')).toBe(false);
    expect(isCleanText('An\u202E')).toBe(false);
    expect(isCleanText('Nguye\u0302\u0303n')).toBe(false);
    expect(isCleanText('a\nb')).toBe(false);
    expect(isCleanNotes('a\nb')).toBe(true);
  });

  it('cleans any string once and for all, into text PostgreSQL can store', () => {
    fc.assert(
      fc.property(typedText, (typed) => {
        const line = cleanText(typed);
        const notes = cleanNotes(typed);
        expect(cleanText(line)).toBe(line);
        expect(cleanNotes(notes)).toBe(notes);
        expect(line.normalize('NFC')).toBe(line);
        expect(hasUnstorableText([line, notes])).toBe(false);
        expect(line).not.toMatch(/\p{M}{3}/u);
      }),
      { numRuns: 1000 },
    );
  });
});
