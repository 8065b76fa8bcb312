/**
 * Matching the names typed on trip rows to the roster.
 *
 * A name is typed by many people on many machines: NFC or NFD, any case, doubled spaces, and the tone mark placed
 * in the old style (Hoà, Thuỷ) or the new one (Hòa, Thủy). Those are the same person. Everything else that
 * changes letters (Thủy / Thúy, Hòa / Hoa, Đức / Duc) is a different name, and becomes a suggestion at most:
 * a roster of 4,000 has real people who differ by one accent.
 */
import { memoize } from './memo';
import { collapseSpaces, foldKey, normalizeD } from './text';

// Vietnamese tones, numbered as in the usual teaching order: sắc, huyền, hỏi, ngã, nặng.
const TONE_DIGIT: ReadonlyMap<string, string> = new Map([
  ['\u0301', '1'],
  ['\u0300', '2'],
  ['\u0309', '3'],
  ['\u0303', '4'],
  ['\u0323', '5'],
]);

/**
 * The key under which a person's name is matched: equal for the same name however it was typed
 * (NFC/NFD, case, spaces, old or new tone placement), different when any letter, vowel mark or tone differs.
 */
export const nameKey: (name: string) => string = memoize((name: string) => collapseSpaces(name).split(' ').filter(Boolean).map(syllableKey).join(' '));

/**
 * A syllable's letters with the tone mark taken off and written after them as a digit ("thủy", "thuỷ" → "thuy3").
 * Where the mark sat is exactly what old and new spelling disagree on, so it is dropped; vowel marks (ă â ê ô ơ ư)
 * and đ stay, because they change the name.
 */
function syllableKey(syllable: string): string {
  let letters = '';
  const tones: string[] = [];
  for (const ch of normalizeD(syllable).normalize('NFD').toLowerCase()) {
    const tone = TONE_DIGIT.get(ch);
    if (tone === undefined) letters += ch;
    else tones.push(tone);
  }
  return letters.normalize('NFC') + tones.sort().join('');
}

const OFFICE = /^(?:vp|van phong)(?: tinh doan)?$/;

/**
 * The key under which ban names are compared: 'Ban Tuyên giáo' = 'tuyên giáo', 'VP' = 'Văn phòng' =
 * 'Văn phòng Tỉnh đoàn', 'Tổ chức – Kiểm tra' = 'Tổ chức-Kiểm tra'.
 */
export function banKey(ban: string): string {
  const key = foldKey(ban)
    .replace(/\s*[-\u2012-\u2015]\s*/g, '-')
    .replace(/^ban /, '');
  return OFFICE.test(key) ? 'van phong' : key;
}

export type NameMatch = { kind: 'found'; index: number } | { kind: 'ambiguous'; indexes: number[] } | { kind: 'unknown'; suggestion: string | null };

export interface RosterName {
  name: string;
  ban: string;
}

/** The roster's names, indexed once for matching every trip row. Build it with createNameIndex. */
export type { NameIndex };

class NameIndex {
  readonly #names: readonly string[];
  readonly #banKeys: readonly string[];
  readonly #indexesByKey = new Map<string, number[]>();
  /** Roster positions by folded name, for names typed with no diacritics at all ("Nguyen Thi Thuy"). */
  readonly #indexesByFolded = new Map<string, number[]>();
  /** Each distinct folded name once, with its first roster position: the candidates for a suggestion. */
  readonly #foldedNames: { folded: string; letters: Uint8Array; index: number }[] = [];
  readonly #suggestionCache = new Map<string, string | null>();

  constructor(entries: readonly RosterName[]) {
    this.#names = entries.map((e) => e.name);
    this.#banKeys = entries.map((e) => banKey(e.ban));
    const seenFolded = new Set<string>();
    entries.forEach((entry, index) => {
      const key = nameKey(entry.name);
      if (key === '') return;
      const indexes = this.#indexesByKey.get(key);
      if (indexes === undefined) this.#indexesByKey.set(key, [index]);
      else indexes.push(index);
      const folded = foldKey(entry.name);
      const sameFolded = this.#indexesByFolded.get(folded);
      if (sameFolded === undefined) this.#indexesByFolded.set(folded, [index]);
      else sameFolded.push(index);
      if (!seenFolded.has(folded)) {
        seenFolded.add(folded);
        this.#foldedNames.push({ folded, letters: letterCounts(folded), index });
      }
    });
  }

  match(name: string, ban: string | undefined): NameMatch {
    const found = this.#matchAsTyped(name, ban);
    // "Đ/c Nguyễn Văn Hùng", "Đồng chí …": the form of address is not part of the name (kept as typed in the sheet).
    const bare = withoutFormOfAddress(name);
    if (found.kind === 'unknown' && bare !== name) {
      const again = this.#matchAsTyped(bare, ban);
      return again.kind === 'unknown' ? found : again;
    }
    return found;
  }

  #matchAsTyped(name: string, ban: string | undefined): NameMatch {
    // A name typed without any diacritics (a phone keyboard, an old font) names whoever it folds to; when that is
    // several people (Thủy and Thúy both fold to "thuy"), the Ban decides as for namesakes.
    const folded = foldKey(name);
    const indexes = this.#indexesByKey.get(nameKey(name)) ?? (isUnaccented(name, folded) ? this.#indexesByFolded.get(folded) : undefined);
    if (indexes === undefined) return { kind: 'unknown', suggestion: this.#suggestion(folded) };
    if (indexes.length === 1) return { kind: 'found', index: indexes[0]! };
    const tripBan = ban === undefined ? '' : banKey(ban);
    const sameBan = tripBan === '' ? [] : indexes.filter((i) => this.#banKeys[i] === tripBan);
    if (sameBan.length === 1) return { kind: 'found', index: sameBan[0]! };
    return { kind: 'ambiguous', indexes: sameBan.length > 1 ? sameBan : [...indexes] };
  }

  #suggestion(folded: string): string | null {
    if (folded === '') return null;
    let suggestion = this.#suggestionCache.get(folded);
    if (suggestion === undefined) {
      suggestion = this.#closestName(folded);
      this.#suggestionCache.set(folded, suggestion);
    }
    return suggestion;
  }

  /** The roster name nearest to `folded`, within max(2, 25 % of its length) edits; the earlier on the roster wins a tie. */
  #closestName(folded: string): string | null {
    let limit = Math.max(2, Math.floor(folded.length / 4));
    let best: number | null = null;
    const letters = letterCounts(folded);
    for (const candidate of this.#foldedNames) {
      if (Math.abs(folded.length - candidate.folded.length) > limit) continue;
      if (editDistanceLowerBound(letters, candidate.letters) > limit) continue;
      const distance = editDistanceWithin(folded, candidate.folded, limit);
      if (distance <= limit) {
        best = candidate.index;
        if (distance === 0) break;
        // Only a strictly closer name can replace this one, since ties go to roster order.
        limit = distance - 1;
      }
    }
    return best === null ? null : this.#names[best]!;
  }
}

/** "Đ/c", "đ/c", "Đ.c", "Đồng chí", "đồng chí" before a name (any case, with or without accents). */
const FORM_OF_ADDRESS = /^\s*(?:[đd]\s*[/.]\s*c\b\.?|[đd][ồôo]ng\s+ch[íi])\s*[:.,]?\s+/iu;

/** The name without a form of address in front of it; the name itself when it has none. */
export function withoutFormOfAddress(name: string): string {
  const normalized = normalizeD(name.normalize('NFC'));
  const m = FORM_OF_ADDRESS.exec(normalized);
  return m ? normalized.slice(m[0].length) : name;
}

/** Indexes the roster's names (and bans, to tell namesakes apart) for matchName. */
export function createNameIndex(entries: readonly RosterName[]): NameIndex {
  return new NameIndex(entries);
}

/**
 * The roster row a trip's name refers to. A name found once is found, whatever ban the trip gives (comparing bans is
 * the caller's check). A name found several times is settled by the trip's ban when exactly one namesake has it;
 * otherwise it is ambiguous, listing the namesakes in that ban, or all of them when the ban matches none.
 * An unknown name comes with the closest roster name as a suggestion, or null.
 */
function isUnaccented(name: string, folded: string): boolean {
  return collapseSpaces(name.normalize('NFC')).toLowerCase() === folded;
}

export function matchName(index: NameIndex, name: string, ban?: string): NameMatch {
  return index.match(name, ban);
}

const LETTER_BINS = 32;

/** How many times each letter occurs (a–z, space, digits; anything else shares a few bins). */
function letterCounts(folded: string): Uint8Array {
  const counts = new Uint8Array(LETTER_BINS);
  for (let i = 0; i < folded.length; i++) {
    const bin = letterBin(folded.charCodeAt(i));
    counts[bin] = Math.min(255, counts[bin]! + 1);
  }
  return counts;
}

function letterBin(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code === 32) return 26;
  if (code >= 48 && code <= 57) return 27;
  return 28 + (code % 4);
}

/**
 * A cheap bound under the edit distance: one edit adds a letter, removes one, or swaps one for another, so it can
 * settle at most one surplus and one shortage of letter counts. Most of a 4,000-name roster is ruled out by it alone.
 */
function editDistanceLowerBound(a: Uint8Array, b: Uint8Array): number {
  let surplus = 0;
  let shortage = 0;
  for (let bin = 0; bin < LETTER_BINS; bin++) {
    const difference = a[bin]! - b[bin]!;
    if (difference > 0) surplus += difference;
    else shortage -= difference;
  }
  return Math.max(surplus, shortage);
}

let previousRow = new Uint32Array(64);
let currentRow = new Uint32Array(64);

/**
 * Levenshtein distance between a and b when it is at most `limit`; otherwise some number above `limit`.
 * Only the diagonal band of width 2·limit + 1 can hold such a path, so only it is computed.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  const tooFar = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return tooFar;
  if (previousRow.length <= b.length + 1) {
    previousRow = new Uint32Array(b.length + 2);
    currentRow = new Uint32Array(b.length + 2);
  }
  let prev = previousRow;
  let curr = currentRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j <= limit ? j : tooFar;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const lo = Math.max(1, i - limit);
    const hi = Math.min(b.length, i + limit);
    curr[lo - 1] = lo === 1 && i <= limit ? i : tooFar;
    let rowMin = curr[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const substitution = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, prev[j]! + 1, curr[j - 1]! + 1);
      curr[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (hi < b.length) curr[hi + 1] = tooFar;
    // Every later row is at least this row's minimum, so the limit is already out of reach.
    if (rowMin > limit) return tooFar;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[b.length]!, tooFar);
}
