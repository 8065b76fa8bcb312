import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDayFirstDate } from '../core/date-parse';
import type { GridValue } from '../core/grid';
import { DEFAULT_PRESET, PRESETS } from '../core/presets';
import { inputTabTemplates, settingsTabRows } from '../core/template';
import { COLORS } from '../core/colors';
import { UserError } from '../core/user-error';
import type { CommonFlags } from './args';
import { onFile } from './os-errors';
import { XlsxWorkbook } from './xlsx-workbook';
import { cliTexts } from './texts';

/** Rows given dropdowns and date formats in a new workbook. */
const PREPARED_ROWS = 500;

/** `dicoso init`: a blank registration workbook with the three tabs, as the add-on's set-up makes them. */
export async function initWorkbook(file: string, flags: CommonFlags, year: number): Promise<void> {
  if (existsSync(file)) throw new UserError(cliTexts.inputExists(file));
  const preset = PRESETS[flags.preset ?? DEFAULT_PRESET];
  const workbook = XlsxWorkbook.createEmpty();
  for (const template of inputTabTemplates(preset.policy, year)) {
    const values: GridValue[][] = [template.captions, template.example.map((v) => v)];
    workbook.createUserTab({
      name: template.name,
      values,
      merges: [],
      styles: [
        {
          range: { row: 0, column: 0, rows: 1, columns: template.captions.length },
          style: { bold: true, background: COLORS.header, wrap: true, verticalAlignment: 'middle' },
        },
      ],
      columnWidths: template.widths,
      frozenRows: 1,
      landscape: true,
    });
    for (const list of template.lists) workbook.addListValidation(template.name, list.column + 1, 2, PREPARED_ROWS, list.values);
    for (const column of template.dateColumns) workbook.setColumnFormat(template.name, column + 1, 'dd/mm/yyyy');
    // The example's dates are real date cells, not text.
    const sheet = workbook.excel.getWorksheet(template.name)!;
    for (const column of template.dateColumns) {
      const cell = sheet.getCell(2, column + 1);
      const parsed = typeof cell.value === 'string' ? parseDayFirstDate(cell.value) : null;
      if (parsed?.ok) cell.value = new Date(`${parsed.date}T00:00:00Z`);
    }
  }
  const settingsRows = settingsTabRows(flags.province ?? preset.province, year, preset.id);
  workbook.createUserTab({
    name: 'Cài đặt',
    values: settingsRows.map((r) => [...r]),
    merges: [],
    styles: [{ range: { row: 0, column: 0, rows: 1, columns: 2 }, style: { bold: true, background: COLORS.header } }],
    columnWidths: [160, 260],
    frozenRows: 1,
    landscape: false,
  });
  const folder = path.dirname(file);
  onFile(folder, 'make-folder', () => mkdirSync(folder, { recursive: true }));
  await workbook.save(file);
}
