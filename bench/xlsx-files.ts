/**
 * The benchmark workbooks as .xlsx files, for the CLI: the generated tabs written the way a person's file holds
 * them (shared strings, date cells shown dd/mm/yyyy, a bold header row). Written with exceljs's streaming writer so
 * that making a 300,000-trip file costs seconds, not the thing being measured.
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../src/sheets/workbook';

/** The generator hands out Sheets-style midnights in Vietnam (UTC+7); an .xlsx date cell is a UTC midnight. */
const ZONE_OFFSET_MS = 7 * 3_600_000;

export async function writeTabsXlsx(tabs: Record<string, RawCell[][]>, file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const [name, rows] of Object.entries(tabs)) {
    const ws = writer.addWorksheet(name);
    rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((value, c) => {
        if (value === '' || value === null) return;
        const cell = row.getCell(c + 1);
        if (value instanceof Date) {
          cell.value = new Date(value.getTime() + ZONE_OFFSET_MS);
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = value;
        if (r === 0) cell.font = { bold: true };
      });
      row.commit();
    });
    ws.commit();
  }
  await writer.commit();
}
