import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';

/** What the workbook part says (ECMA-376 Part 1 §18.2.27): its sheets in order, its defined names, its date system. */

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The workbook's relationship to the sheet's part. */
  relId: string;
  /** `state` hidden or veryHidden. */
  hidden: boolean;
}

export interface DefinedNameEntry {
  name: string;
  /** Index of the sheet the name belongs to, or null for a workbook-wide name. */
  localSheetId: number | null;
  /** The formula, decoded. */
  formula: string;
}

export interface WorkbookEntries {
  sheets: SheetEntry[];
  names: DefinedNameEntry[];
  /** `workbookPr date1904`: serial 0 is 1 January 1904 (§18.2.28). */
  date1904: boolean;
}

export function readWorkbookPart(bytes: Buffer): WorkbookEntries {
  const out: WorkbookEntries = { sheets: [], names: [], date1904: false };
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (reader.is(NS.main, 'sheet')) {
      const state = reader.attr('state');
      out.sheets.push({
        name: reader.attr('name') ?? '',
        sheetId: Number(reader.attr('sheetId') ?? 0),
        relId: reader.attrNs(NS.relationships, 'id') ?? '',
        hidden: state === 'hidden' || state === 'veryHidden',
      });
    } else if (reader.is(NS.main, 'definedName')) {
      const local = reader.attr('localSheetId');
      const name = reader.attr('name') ?? '';
      out.names.push({ name, localSheetId: local === undefined ? null : Number(local), formula: reader.text() });
    } else if (reader.is(NS.main, 'workbookPr')) {
      const value = reader.attr('date1904');
      out.date1904 = value === '1' || value === 'true';
    }
  }
  return out;
}
