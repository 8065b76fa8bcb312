import type ExcelJS from 'exceljs';
import type { RawCell } from '../../src/sheets/workbook';

/** An exceljs cell value as Sheets' getValues would give it (for tests that build or read files with exceljs). */
export function rawCellOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  // Formulas and shared formulas: the cached result; none (never calculated) reads as blank.
  if ('formula' in value || 'sharedFormula' in value) return rawCellOf(value.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) return rawCellOf(value.text as ExcelJS.CellValue);
  if ('text' in value) return rawCellOf((value as { text: ExcelJS.CellValue }).text);
  return '';
}
