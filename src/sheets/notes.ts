/**
 * Our notes share cells with the user's own. Each of our lines starts with a marker no person types: an invisible
 * separator (U+2063) before the visible "[1+2] " tag. A later run replaces exactly what it wrote, and a line a user
 * began with "[1+2] " themselves stays theirs.
 */
export const NOTE_MARKER = '\u2063[1+2] ';

export function hasOurLines(note: string): boolean {
  return note.includes(NOTE_MARKER);
}

export function userPartOf(note: string): string {
  if (!hasOurLines(note)) return note;
  return note
    .split('\n')
    .filter((line) => !line.startsWith(NOTE_MARKER))
    .join('\n')
    .trimEnd();
}

/** The note a cell should hold: the user's part, then our lines (none when the cell is clean). */
export function mergedNote(existing: string, ours: readonly string[]): string {
  const user = userPartOf(existing);
  const mine = ours.map((line) => NOTE_MARKER + line).join('\n');
  if (!user) return mine;
  if (!mine) return user;
  return `${user}\n${mine}`;
}
