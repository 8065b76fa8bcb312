import { parseCell } from '../a1';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { stringItemText } from './shared-strings';

/**
 * The notes of a sheet, from its comments part (ECMA-376 Part 1 §18.7): each note's text, whether written as plain
 * `<text><t>` (Google Sheets, openpyxl, POI, Excel's stand-in for a threaded comment) or as rich runs (Excel).
 */

export interface NoteRead {
  row: number;
  column: number;
  text: string;
}

export function readComments(bytes: Buffer | null): NoteRead[] {
  const out: NoteRead[] = [];
  if (!bytes) return out;
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if ((kind !== Token.Open && kind !== Token.Empty) || !reader.is(NS.main, 'comment')) continue;
    const at = parseCell(reader.attr('ref') ?? '');
    const text = commentText(reader);
    if (at) out.push({ ...at, text });
  }
  return out;
}

/** The text of the `<comment>` the reader is on; the reader ends on its end tag. */
function commentText(reader: XmlReader): string {
  if (reader.cursor.kind === Token.Empty) return '';
  const level = reader.level;
  let text = '';
  for (let kind = reader.next(); !(kind === Token.Close && reader.level === level); kind = reader.next()) {
    if (kind === Token.End) break;
    if (kind !== Token.Open) continue;
    if (reader.is(NS.main, 'text')) text += stringItemText(reader);
    else reader.skip();
  }
  return text;
}
