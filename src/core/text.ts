import { memoize } from './memo';

/**
 * Text keys for matching what people type against what the add-on expects: captions, labels, statuses, ban names.
 * Sheets filled in by hand mix NFC and NFD (text pasted from Word or macOS), accents or none, stray and
 * non-breaking spaces; a key erases those differences so that one table of expected words covers them all.
 */

// Invisible characters that arrive with pasted text; nobody can see them, so they must not make two cells differ.
const INVISIBLE = /[\u200B-\u200D\u2060]/g;
// JS `\s` already covers NBSP, the Unicode space separators, line breaks and the BOM.
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARK = /[\u0300-\u036F]/g;

/** The text with every whitespace run (NBSP, tabs, line breaks included) made one space, invisible characters removed, trimmed. */
export function collapseSpaces(s: string): string {
  return singleSpaced(s.replace(INVISIBLE, ''));
}

// Two whitespace characters in a row, or one that is not a plain space: only then is there a run to collapse.
const COLLAPSIBLE = /\s\s|[^\S ]/;

/**
 * The text with every whitespace run made one space, trimmed: "Nguyễn  Văn An" typed with two spaces, or with a
 * no-break space pasted from Word, is one name. Text without such a run comes back as the same string: a global
 * replace() would build a new one for every cell read, whether or not it changed anything (a national file's 100,000
 * trip rows held 700,000 of them, about a fifth of the check's memory).
 */
export function singleSpaced(s: string): string {
  return COLLAPSIBLE.test(s) ? s.replace(WHITESPACE_RUN, ' ').trim() : s.trim();
}

/**
 * The text without any Vietnamese diacritic: tone marks and vowel marks go (ă â → a, ê → e, ô ơ → o, ư → u),
 * đ → d. Case is kept.
 */
export function withoutDiacritics(s: string): string {
  return normalizeD(s).normalize('NFD').replace(COMBINING_MARK, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** The key for loose matching of labels: no diacritics, lowercase, single spaces, trimmed. `'  Theo  CHUYÊN đề '` → `'theo chuyen de'`. */
export const foldKey: (s: string) => string = memoize((s: string) => collapseSpaces(withoutDiacritics(s.normalize('NFC')).toLowerCase()));

/**
 * The text with the look-alike Icelandic eth (Ð U+00D0, ð U+00F0) turned into the Vietnamese đ (U+0110, U+0111):
 * some keyboards and fonts produce one for the other, and on screen they are the same letter.
 */
export function normalizeD(s: string): string {
  return s.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111');
}
