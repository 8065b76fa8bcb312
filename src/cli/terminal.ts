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

/** Display width: combining marks take no column (NFD input), everything else one. */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(rows: string[][], p: Paint, boldRows: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]!) : padStart(cell, widths[c]!))).join('  ');
      return i === 0 || boldRows.has(i) ? p.bold(line) : line;
    })
    .join('\n');
}
