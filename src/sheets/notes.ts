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

/**
 * The approval trail: one line per decision the approval page wrote (its date, what, whose account), on the row's
 * trail cell. It starts with the same invisible separator but a tag of its own, so the check, which replaces only the
 * lines that start with NOTE_MARKER, keeps it as it keeps the person's own lines, and so does "Xóa đánh dấu": the
 * trail stays with the decision it records. A line a person types starting "[1+2 duyệt] " has no separator: not ours.
 */
export const TRAIL_MARKER = '\u2063[1+2 duyệt] ';

/** The note with a trail line added after its kept lines (the person's and the trail's), before the check's lines. */
export function withTrailLine(note: string, line: string): string {
  const lines = note === '' ? [] : note.split('\n');
  const kept = lines.filter((l) => !l.startsWith(NOTE_MARKER));
  const checks = lines.filter((l) => l.startsWith(NOTE_MARKER));
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return [...kept, TRAIL_MARKER + line, ...checks].join('\n');
}

/** The trail's lines of a note, without their marker, oldest first. */
export function trailOf(note: string): string[] {
  return note
    .split('\n')
    .filter((l) => l.startsWith(TRAIL_MARKER))
    .map((l) => l.slice(TRAIL_MARKER.length));
}
