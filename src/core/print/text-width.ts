/**
 * How wide a text prints, to know how many lines a wrapped cell takes. Widths are Times New Roman's (the forms' font,
 * Nghị định 30/2020/NĐ-CP), read from Liberation Serif 2, which is metric-compatible with it: the same advance for
 * every character, Vietnamese letters included. Other fonts (a workbook's Calibri or Arial, or what a machine
 * without them draws instead) are counted wider, never narrower, so a row is never estimated too short.
 */

/** Advance widths of U+0020…U+007E in thousandths of an em: regular, bold, italic. */
const ASCII_WIDTHS = {
  regular: [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564,
    444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333,
    469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200,
    480, 541,
  ],
  bold: [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570,
    500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333,
    581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220,
    394, 520,
  ],
  italic: [
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675,
    500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389,
    422, 500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275,
    400, 541,
  ],
} as const;

/** Characters outside ASCII that the forms print, by their widest face. */
const OTHER_WIDTHS: Record<string, number> = { đ: 556, Đ: 722, '“': 556, '”': 556, '‘': 333, '’': 333, '–': 500, '—': 1000, '…': 1000, '•': 350 };
/** The horn of ơ and ư (U+031B) widens its letter: Liberation Serif's ơ is 529–554 against o's 500–500. */
const HORN_EXTRA = 60;
/** A character none of the above covers (CJK, symbols): a whole em. */
const UNKNOWN_WIDTH = 1000;
/** How much wider than Times New Roman another font is counted (DejaVu Sans, a common stand-in, is about this). */
const OTHER_FONT_FACTOR = 1.3;

export interface TextFont {
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** Absent = the workbook's default font, counted as another font. */
  family?: string;
}

/**
 * Fonts whose widths are known relative to Times New Roman's, counted 10 % wider than they measure on Vietnamese
 * text (a result of the checker, names, places; advance widths of the fonts' files): Calibri, Excel's default since
 * 2007, as Carlito, metric-compatible with it, is as wide as Times (0.995); Arial, as Liberation Sans, 1.10.
 */
const KNOWN_FONTS: readonly [RegExp, number][] = [
  [/^(times new roman|liberation serif|tinos)$/i, 1],
  [/^(calibri|carlito)$/i, 1.1],
  [/^(arial|liberation sans|arimo|helvetica)$/i, 1.2],
];

/** The width of one line of `text` in points. */
export function textWidth(text: string, font: TextFont): number {
  return widthIn(text, faceOf(font), font.size, familyFactor(font));
}

type Face = readonly number[];

function faceOf(font: TextFont): Face {
  return font.bold ? ASCII_WIDTHS.bold : font.italic ? ASCII_WIDTHS.italic : ASCII_WIDTHS.regular;
}

function familyFactor(font: TextFont): number {
  const family = font.family;
  return family === undefined ? OTHER_FONT_FACTOR : (KNOWN_FONTS.find(([name]) => name.test(family))?.[1] ?? OTHER_FONT_FACTOR);
}

function widthIn(text: string, face: Face, size: number, factor: number): number {
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) thousandths += face[code - 0x20]!;
    else thousandths += otherWidth(ch, face);
  }
  return (thousandths / 1000) * size * factor;
}

/**
 * Each face's widths of the characters outside ASCII met so far. A form of a national file measures millions of
 * Vietnamese letters, a few hundred distinct ones; decomposing each (NFD) every time was a sixth of a check.
 */
const otherWidths = new WeakMap<Face, Map<string, number>>();

function otherWidth(ch: string, face: Face): number {
  let known = otherWidths.get(face);
  if (!known) otherWidths.set(face, (known = new Map()));
  let width = known.get(ch);
  if (width === undefined) known.set(ch, (width = measuredOtherWidth(ch, face)));
  return width;
}

function measuredOtherWidth(ch: string, face: Face): number {
  const known = OTHER_WIDTHS[ch];
  if (known !== undefined) return known;
  // A Vietnamese letter is its base letter with marks above or below (NFD), as wide as the base but for the horn.
  const parts = ch.normalize('NFD');
  const base = parts.charCodeAt(0);
  if (parts.length > 1 && base >= 0x20 && base <= 0x7e) return face[base - 0x20]! + (parts.includes('\u031b') ? HORN_EXTRA : 0);
  if (/\p{M}/u.test(ch)) return 0;
  return UNKNOWN_WIDTH;
}

/**
 * How many lines `text` takes in a cell `width` points wide that wraps, broken at spaces as Excel, LibreOffice and
 * Sheets break them (a word longer than a line is cut where it overflows); each "\n" starts a line.
 */
export function wrappedLines(text: string, width: number, font: TextFont): number {
  const face = faceOf(font);
  const factor = familyFactor(font);
  const widthOf = (t: string) => widthIn(t, face, font.size, factor);
  const space = widthOf(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    if (widthOf(paragraph) <= width) continue;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let w = widthOf(word);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= width) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the line runs on over as many lines as it fills.
      while (w > width) {
        lines++;
        w -= width;
      }
      used = w;
    }
  }
  return lines;
}
