/**
 * Our notes share cells with the user's own. Each of our lines starts with a marker, so a later run can replace
 * exactly what it wrote and keep every word the user put there.
 */
export const NOTE_MARKER = '[1+2] ';

export function userPartOf(note: string): string {
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
