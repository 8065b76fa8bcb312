import { maxOf } from '../core/arrays';
import { singleSpaced } from '../core/text';

/** Terminal output: colours only on a TTY-like stream and never when NO_COLOR is set (no-color.org). */
export interface Paint {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  grey(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), grey: wrap(90, 39) };
}

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
/** East Asian wide letters and emoji take two terminal columns. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Extended_Pictographic}/u;
/** Controls and format characters (zero-width joiner, …) that stand alone take none. */
const INVISIBLE = /^[\p{Cc}\p{Cf}]+$/u;

function clusterWidth(cluster: string): number {
  if (INVISIBLE.test(cluster)) return 0;
  return WIDE.test(cluster) ? 2 : 1;
}

/** Terminal columns a text takes: one per letter with its marks (NFC or NFD alike), two for a wide letter or emoji. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(s)) width += clusterWidth(segment);
  return width;
}

/**
 * A cell's text on one line and at most `width` columns: line breaks become spaces, and a longer text ends in "…"
 * (cut between letters, never inside one).
 */
export function shorten(s: string, width: number): string {
  const line = singleSpaced(s);
  if (displayWidth(line) <= width) return line;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(line)) {
    const w = clusterWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Widest a table cell may be before it is shortened: a long Ban name must not push the numbers off the screen. */
export const MAX_CELL_WIDTH = 40;

/** A plain text table: first column left-aligned, the others right-aligned; long cells shortened with "…". */
export function table(rows: string[][], p: Paint, boldRows: ReadonlySet<number> = new Set(), maxCellWidth = MAX_CELL_WIDTH): string {
  const cells = rows.map((r) => r.map((cell) => shorten(cell, maxCellWidth)));
  const widths = cells[0]!.map((_, c) => maxOf(cells.map((r) => displayWidth(r[c] ?? ''))));
  return cells
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!))).join('  ');
      return i === 0 || boldRows.has(i) ? p.bold(line) : line;
    })
    .join('\n');
}
