import { memoize } from './memo';
import { calendarDateOfInstant } from './date-parse';
import { foldKey, singleSpaced } from './text';
import { CONTENT_KIND_LABELS, CONTENT_KINDS, type ContentKind, type ContentNumbering } from './vocabulary';

/**
 * The content list (danh mục nội dung) of a preset, and how a Nội dung cell is read against it.
 *
 * A preset numbers the kinds (Tây Ninh 1.1–1.5, Kiên Giang 3.1–3.5). One number is one item; Kiên Giang 06-HD §III.3.4
 * folds two kinds into one item ("… hội nghị ban chấp hành, ban thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn"), so
 * an item stands for one kind or several, and every list shows each number once.
 */

/** What the catalogue needs from a policy. */
export interface CatalogueSpec {
  numbering: ContentNumbering;
  /** The item's own wording where one number covers several kinds, by number ("3.4"). */
  itemLabels: Readonly<Record<string, string>>;
}

export interface ContentItem {
  /** "3.4"; null where the preset numbers nothing (Hà Nam). */
  number: string | null;
  label: string;
  /** The kinds this item stands for: one, or several where a preset folds them into one number. */
  kinds: readonly ContentKind[];
}

/** The items a preset offers, in its numbering's order; every kind, unnumbered, when it numbers none. */
export function contentItems(spec: CatalogueSpec): ContentItem[] {
  const numbered = CONTENT_KINDS.filter((k) => spec.numbering[k] !== undefined);
  if (numbered.length === 0) return CONTENT_KINDS.map((kind) => ({ number: null, label: CONTENT_KIND_LABELS[kind], kinds: [kind] }));
  const byNumber = new Map<string, ContentKind[]>();
  for (const kind of numbered) {
    const number = spec.numbering[kind]!;
    byNumber.set(number, [...(byNumber.get(number) ?? []), kind]);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => compareNumbers(a, b))
    .map(([number, kinds]) => ({ number, label: spec.itemLabels[number] ?? kinds.map((k) => CONTENT_KIND_LABELS[k]).join('; '), kinds }));
}

/** "3.4. Dự sinh hoạt chuyên đề …": how lists, forms and messages show an item. */
export function contentItemCaption(item: ContentItem): string {
  return item.number ? `${item.number}. ${item.label}` : item.label;
}

/** The caption of the item a kind belongs to under the spec (Kiên Giang's chi-doan shows as its 3.4 item). */
export function contentKindCaption(kind: ContentKind, spec: CatalogueSpec): string {
  const number = spec.numbering[kind];
  if (number === undefined) return CONTENT_KIND_LABELS[kind];
  return contentItemCaption(contentItems(spec).find((item) => item.number === number)!);
}

function compareNumbers(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1! - b1! || a2! - b2!;
}

// ------------------------------------------------------------------------------------------------ reading a cell

/** Words people type for a kind (folded), beside its label. One or two words alone are matched only in full. */
const KIND_SYNONYMS: Record<ContentKind, string[]> = {
  'chuyen-de': ['chuyen de', 'di chuyen de', 'theo chuyen de', 'di co so theo chuyen de'],
  'phoi-hop': ['phoi hop', 'phoi hop to chuc', 'phoi hop to chuc trien khai hoat dong tai co so', 'tham gia cung co so'],
  'kiem-tra': ['kiem tra', 'giam sat', 'kiem tra giam sat', 'di kiem tra giam sat'],
  'hoi-nghi': [
    'hoi nghi',
    'du hop',
    'du hoi nghi',
    'hoi nghi bch',
    'sinh hoat chuyen de hoi nghi',
    'du hop va sinh hoat chuyen de cua hoi nghi ban chap hanh ban thuong vu',
    'du hop sinh hoat chuyen de hoi nghi bch btv',
    'du sinh hoat chuyen de cua hoi nghi ban chap hanh ban thuong vu doan cap duoi',
  ],
  'chi-doan': ['chi doan', 'sinh hoat chi doan', 'du sinh hoat chi doan', 'tham du sinh hoat chi doan'],
  'phong-trao': ['phong trao', 'hoat dong phong trao', 'du hoat dong phong trao', 'du cac hoat dong phong trao'],
};

/** Folded text with punctuation made spaces: "phối hợp, tổ chức" and "phoi hop to chuc" are one key. */
function plain(folded: string): string {
  return singleSpaced(folded.replace(/[.,;:()"“”'’\-–—/+]+/g, ' '));
}

/** Kiên Giang 06-HD §III.2: a 3.4 row is a chi đoàn meeting when its own text says so. */
const SAYS_CHI_DOAN = /\bchi doan\b/;
const SAYS_MEETING = /\b(hoi nghi|hop|bch|btv|ban chap hanh|ban thuong vu)\b/;

/** "3.4", "3.4.", "3,4", "VD2: 1.3 Theo chuyên đề", "Mục 3.1 - Khảo sát …" (folded): the number and the rest. */
const NUMBERED = /^(?:vd\s*\d*\s*[:.)-]?\s*)?(?:muc\s*)?(\d{1,2})\s*[.,]\s*(\d{1,2})(?!\d)\s*\.?\s*[-:–—)]?\s*(.*)$/;

/** Another preset's numbering, to read a number the active preset does not use. */
export interface OtherNumbering {
  title: string;
  numbering: ContentNumbering;
}

export type ContentRead =
  | {
      ok: true;
      kind: ContentKind;
      /** The item covers several kinds and the row's own text did not say which (a bare Kiên Giang 3.4). */
      unclear: boolean;
      /** The cell used another preset's number: read by that preset's numbering, worth a warning. */
      foreign: { number: string; title: string } | null;
    }
  | { ok: false; reason: 'empty' | 'unknown' }
  | { ok: false; reason: 'unknown-number'; number: string };

/** The active preset's items and how to read a cell against them; build once per read of a tab. */
export interface ContentCatalogue {
  items: ContentItem[];
  /** Captions of the items, each number once: the choices an error message lists. */
  choices: string[];
  read(cell: unknown, detail?: string, timeZone?: string): ContentRead;
}

export function contentCatalogue(spec: CatalogueSpec, others: readonly OtherNumbering[] = []): ContentCatalogue {
  const items = contentItems(spec);
  const byNumber = new Map(items.filter((i) => i.number !== null).map((i) => [i.number!, i]));
  const labels = labelIndex(items);

  const byLabel = (text: string): readonly ContentKind[] | null => {
    const key = plain(text);
    if (key === '') return null;
    const exact = labels.get(key);
    if (exact) return exact;
    // A label followed by the trip's own words: "Kiểm tra, giám sát tại xã A". Longest known label first.
    let best: { length: number; kinds: readonly ContentKind[] } | null = null;
    for (const [label, kinds] of labels) {
      if (label.length > (best?.length ?? 0) && key.startsWith(`${label} `)) best = { length: label.length, kinds };
    }
    return best?.kinds ?? byOwnWords(key, labels, items);
  };

  const ofNumber = (number: string, rest: string, detail: string): ContentRead => {
    const item = byNumber.get(number);
    if (item) {
      // The number alone identifies the item; the words after it are the row's own (a shortened label, a remark).
      const own = `${withoutLabel(rest, item)} ${foldKey(detail)}`;
      return { ok: true, ...resolveKinds(item.kinds, own), foreign: null };
    }
    const foreign = foreignKinds(number, others);
    if (!foreign) return { ok: false, reason: 'unknown-number', number };
    // Another preset's number: the words after it, when they name a kind, say more than a number of another list.
    const named = byLabel(rest);
    const kinds = named ?? foreign.kinds;
    return { ok: true, ...resolveKinds(kinds, `${rest} ${foldKey(detail)}`), foreign: { number, title: foreign.title } };
  };

  const readCell = (cell: unknown, detail: string, timeZone: string): ContentRead => {
    if (cell === null || cell === undefined) return { ok: false, reason: 'empty' };
    if (typeof cell === 'number') return ofNumber(cell.toFixed(1), '', detail);
    // Sheets in vi_VN reads a typed "3.4" as the date 3 April; en_US as 4 March. Try both orders.
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'unknown' };
      const [, month, day] = calendarDateOfInstant(cell, timeZone).split('-').map(Number);
      const dayFirst = `${day}.${month}`;
      const monthFirst = `${month}.${day}`;
      return ofNumber(byNumber.has(dayFirst) || !byNumber.has(monthFirst) ? dayFirst : monthFirst, '', detail);
    }
    if (typeof cell !== 'string') return { ok: false, reason: 'unknown' };
    const folded = foldKey(cell);
    if (folded === '') return { ok: false, reason: 'empty' };
    const numbered = NUMBERED.exec(folded);
    if (numbered) return ofNumber(`${Number(numbered[1])}.${Number(numbered[2])}`, numbered[3] ?? '', detail);
    const kinds = byLabel(folded.replace(/^vd\s*\d*\s*[:.)-]\s*/, ''));
    if (!kinds) return { ok: false, reason: 'unknown' };
    return { ok: true, ...resolveKinds(kinds, `${withoutItemLabels(folded, items)} ${foldKey(detail)}`), foreign: null };
  };
  // A tab repeats the same few contents (and often the same details) on thousands of rows: each pair is read once.
  const readText = memoize((key: string) => {
    const at = key.indexOf('\u0000');
    return readCell(key.slice(0, at), key.slice(at + 1), 'UTC');
  });

  return {
    items,
    choices: items.map(contentItemCaption),
    read(cell, detail = '', timeZone = 'UTC') {
      return typeof cell === 'string' ? readText(`${cell}\u0000${detail}`) : readCell(cell, detail, timeZone);
    },
  };
}

/**
 * The item's own words anywhere in the text ("Đi theo chuyên đề", seed 002's wording), when they name one item only:
 * "sinh hoạt chuyên đề hội nghị" names two kinds and is left unread rather than guessed.
 */
function byOwnWords(key: string, labels: ReadonlyMap<string, readonly ContentKind[]>, items: readonly ContentItem[]): readonly ContentKind[] | null {
  const padded = ` ${key} `;
  const named = new Set<ContentKind>();
  for (const [label, kinds] of labels) if (label.includes(' ') && padded.includes(` ${label} `)) for (const k of kinds) named.add(k);
  if (named.size === 0) return null;
  const item = items.find((i) => [...named].every((k) => i.kinds.includes(k)));
  return item ? item.kinds : null;
}

/** One kind out of the kinds a number or label names, by the row's own words; unclear when they do not settle it. */
function resolveKinds(kinds: readonly ContentKind[], ownText: string): { kind: ContentKind; unclear: boolean } {
  if (kinds.length === 1) return { kind: kinds[0]!, unclear: false };
  if (kinds.includes('chi-doan') && SAYS_CHI_DOAN.test(ownText)) return { kind: 'chi-doan', unclear: false };
  const rest = kinds.filter((k) => k !== 'chi-doan');
  return { kind: rest[0] ?? kinds[0]!, unclear: !SAYS_MEETING.test(ownText) };
}

/** Folded label → kinds: every kind's label, code and synonyms, and each item's own wording. */
function labelIndex(items: readonly ContentItem[]): Map<string, readonly ContentKind[]> {
  const map = new Map<string, readonly ContentKind[]>();
  const add = (text: string, kinds: readonly ContentKind[]) => {
    const key = plain(foldKey(text));
    if (key !== '' && !map.has(key)) map.set(key, kinds);
  };
  for (const item of items) if (item.kinds.length > 1) add(item.label, item.kinds);
  for (const kind of CONTENT_KINDS) {
    add(CONTENT_KIND_LABELS[kind], [kind]);
    add(kind, [kind]);
    for (const synonym of KIND_SYNONYMS[kind]) add(synonym, [kind]);
  }
  return map;
}

/** The row's own words: the text with the item's official wording taken out (it names both kinds of 3.4). */
function withoutLabel(folded: string, item: ContentItem): string {
  const label = plain(foldKey(item.label));
  const text = plain(folded);
  return text.startsWith(label) ? text.slice(label.length) : text;
}

function withoutItemLabels(folded: string, items: readonly ContentItem[]): string {
  return items.filter((i) => i.kinds.length > 1).reduce((text, item) => withoutLabel(text, item), folded);
}

/** The kinds another preset gives this number, when exactly one other numbering (or several agreeing) uses it. */
function foreignKinds(number: string, others: readonly OtherNumbering[]): { kinds: ContentKind[]; title: string } | null {
  const found = others.map((o) => ({ title: o.title, kinds: CONTENT_KINDS.filter((k) => o.numbering[k] === number) })).filter((o) => o.kinds.length > 0);
  if (found.length === 0) return null;
  const key = (kinds: readonly ContentKind[]) => [...kinds].sort().join(',');
  if (found.some((f) => key(f.kinds) !== key(found[0]!.kinds))) return null;
  return found[0]!;
}
