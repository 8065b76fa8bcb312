import ExcelJS from 'exceljs';
import { FakeSpreadsheet } from '../fakes';
import { rawCellOf } from './exceljs-values';

/** Midnight of a calendar day in Asia/Ho_Chi_Minh (UTC+7): how Sheets hands out a date cell there. */
function vnMidnight(utcMidnight: Date): Date {
  return new Date(utcMidnight.getTime() - 7 * 3_600_000);
}

/**
 * The same workbook as a Vietnamese Google spreadsheet, as Sheets shows it after "Tệp › Nhập": values (dates as
 * midnights in Vietnam), merges, notes, fills and bold. Not counted as script calls.
 */
export function fakeFromXlsx(wb: ExcelJS.Workbook): FakeSpreadsheet {
  const tabs: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const values: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = rawCellOf(cell.value);
        if (value === '') return;
        (values[r - 1] ??= [])[c - 1] = value instanceof Date ? vnMidnight(value) : value;
      });
    });
    tabs[ws.name] = Array.from({ length: values.length }, (_, r) => Array.from({ length: values[r]?.length ?? 0 }, (_, c) => values[r]?.[c] ?? ''));
  }
  const ss = FakeSpreadsheet.fromTabs(tabs, { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
  for (const ws of wb.worksheets) {
    const sheet = ss.tab(ws.name);
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [from, to] = range.split(':') as [string, string];
      const a = ws.getCell(from);
      const b = ws.getCell(to);
      sheet.merges.push({
        row: Number(a.row),
        column: Number(a.col),
        numRows: Number(b.row) - Number(a.row) + 1,
        numColumns: Number(b.col) - Number(a.col) + 1,
      });
    }
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const fill = cell.fill;
        const note = cell.note === undefined ? '' : typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
        const argb = fill && fill.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
        if (!argb && !note && !cell.font?.bold) return;
        const stored = sheet.ensureCell(r, c);
        if (argb) stored.background = `#${argb.slice(2).toLowerCase()}`;
        if (note) stored.note = note;
        if (cell.font?.bold) stored.fontWeight = 'bold';
      });
    });
  }
  // Sheets holds at most 10 million cells: a file whose tabs would go past that at Sheets' 1,000 rows (a value in
  // Excel's last column, XFD) imports with those tabs cut to the rows they use.
  if (ss.cellCount() > 10_000_000) for (const sheet of ss.sheets) if (sheet.maxColumns > 26) sheet.maxRows = Math.max(1, sheet.rows.length);
  return ss;
}
