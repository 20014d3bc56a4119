/**
 * Text as it is stored: what a person typed, minus what no one types on purpose. The app cleans
 * every text field before writing it (so the phone's copy is what the server holds); the server
 * refuses a pushed field that is not already clean (fieldRules.ts), and changes nothing itself.
 *
 * - NFC: "Nguyễn" typed as `e` + U+0302 + U+0303 is stored as the one letter `ễ`.
 * - Removed: C0/C1 control characters (tab and line breaks count as whitespace); bidi controls
 *   U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069; zero-width U+200B–U+200D, U+2060,
 *   U+FEFF; invisible format characters U+180E, U+2061–U+2064, U+206A–U+206F, U+FFF9–U+FFFB;
 *   Hangul fillers U+115F, U+1160, U+3164, U+FFA0 (invisible "letters"); noncharacters
 *   U+FDD0–U+FDEF and U+xFFFE, U+xFFFF of every plane; lone UTF-16 surrogates.
 * - At most 2 combining marks (\p{M}) in a row after NFC; the rest of a run is dropped.
 * - One-line text: every whitespace run becomes one space, then trimmed. Notes (multi-line) keep
 *   line breaks as `\n` (at most one empty line in a row), each line collapsed and trimmed.
 *
 * The removed characters are listed one by one, not by Unicode category, so that a phone and a
 * server on different Unicode versions agree on what is clean.
 */

const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => plane.toString(16))
  .map((p) => `\\u{${p}fffe}\\u{${p}ffff}`)
  .join('');

const REMOVED = new RegExp(
  [
    '[',
    '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F', // C0, DEL, C1 (not \t \n \v \f \r NEL)
    '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069', // bidi controls
    '\\u200B-\\u200D\\u2060\\uFEFF', // zero-width
    '\\u180E\\u2061-\\u2064\\u206A-\\u206F\\uFFF9-\\uFFFB', // other invisible format characters
    '\\u115F\\u1160\\u3164\\uFFA0', // Hangul fillers
    '\\uFDD0-\\uFDEF',
    NONCHARACTERS,
    '\\uD800-\\uDFFF', // with the u flag: only a surrogate that is not half of a pair
    ']',
  ].join(''),
  'gu',
);
const MARK_RUN = /(\p{M}{2})\p{M}+/gu;
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/gu;
const WHITESPACE = /[\s\u0085]+/gu;
const INLINE_WHITESPACE = /[^\S\n]+/gu;
const LETTER = /\p{L}/u;

function visible(s: string): string {
  return s.replace(REMOVED, '').normalize('NFC').replace(MARK_RUN, '$1');
}

/** One-line text (a name, an address): clean, whitespace runs as one space, trimmed. */
export function cleanText(s: string): string {
  return visible(s).replace(WHITESPACE, ' ').trim();
}

/** Multi-line text (a visit's notes): clean, line breaks kept as `\n`, lines trimmed. */
export function cleanNotes(s: string): string {
  return visible(s)
    .replace(LINE_BREAK, '\n')
    .replace(INLINE_WHITESPACE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True when `s` is stored exactly as it is (cleanText changes nothing). */
export function isCleanText(s: string): boolean {
  return cleanText(s) === s;
}

/** True when the notes `s` are stored exactly as they are (cleanNotes changes nothing). */
export function isCleanNotes(s: string): boolean {
  return cleanNotes(s) === s;
}

/** A name must hold at least one letter of some script ("Đặng Văn Ẩn", not "..." or "123"). */
export function hasLetter(s: string): boolean {
  return LETTER.test(s);
}
