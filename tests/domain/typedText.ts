import fc from 'fast-check';

/** Characters that cleaning must handle, among which a form's input is drawn. */
const TRICKY = [
  ...['a', 'E', 'ễ', 'Đ', '1', '.', '🥬'],
  ...[' ', '\t', '\n', '\r', '\u000B', '\u0085', '\u00A0', '\u2028', '\u3000'],
  ...['\u0301', '\u0302', '\u0323', '\u0344', '\u034F'],
  ...['\u0000', '\u001B', '\u007F', '\u009F'],
  ...['\u061C', '\u200E', '\u202E', '\u2066', '\u2069'],
  ...['\u200B', '\u200D', '\u2060', '\uFEFF', '\u3164'],
  ...['\uFDD0', '\uFFFE', '\uFFFF', '\u{10FFFF}', '\uD800', '\uDC00'],
];

/** What someone might type or paste: tricky characters mixed with any code point. */
export const typedText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...TRICKY),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
