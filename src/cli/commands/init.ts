import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDayFirstDate } from '../../core/date-parse';
import type { GridValue } from '../../core/grid';
import type { WriteCell } from '../../sheets/workbook';
import { DEFAULT_PRESET, PRESETS } from '../../core/presets';
import { inputTabTemplates, settingsTabRows } from '../../core/template';
import { COLORS } from '../../core/colors';
import { UserError } from '../../core/user-error';
import { yearOf } from '../../core/calendar-date';
import { todayInVietnam } from '../../core/date-parse';
import { command } from '../command';
import type { Flags } from '../options';
import { onFile } from '../../xlsx/os-errors';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';
import { cliTexts } from '../texts';

function exampleCell(value: GridValue, isDate: boolean): WriteCell {
  const parsed = isDate && typeof value === 'string' ? parseDayFirstDate(value) : null;
  return parsed?.ok ? { date: parsed.date } : value;
}

export const initCommand = command({
  name: 'init',
  summary: 'Tạo bảng tính mới có ba tab Cán bộ, Đi cơ sở, Cài đặt (có danh sách chọn và dòng mẫu), như tiện ích tạo trong Google Sheets.',
  files: { shown: '<bảng-tính-mới.xlsx>', many: false },
  options: { preset: 'optional', year: 'optional', province: 'optional' },
  async run([file], flags, io) {
    const year = flags.year ?? yearOf(todayInVietnam(io.now()));
    await initWorkbook(file!, flags, year);
    io.stdout(`${cliTexts.created(file!, year)}\n`);
    return 0;
  },
});

/** Rows given dropdowns and date formats in a new workbook. */
const PREPARED_ROWS = 500;

/** `dicoso init`: a blank registration workbook with the three tabs, as the add-on's set-up makes them. */
export async function initWorkbook(file: string, flags: Flags, year: number): Promise<void> {
  if (existsSync(file)) throw new UserError(cliTexts.inputExists(file));
  const preset = PRESETS[flags.preset ?? DEFAULT_PRESET];
  const workbook = XlsxWorkbook.createEmpty();
  for (const template of inputTabTemplates(preset.policy, year)) {
    workbook.createUserTab({
      name: template.name,
      values: [template.captions],
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
    // The example row, its dates real date cells rather than text.
    workbook.appendRows(template.name, [template.example.map((value, column): WriteCell => exampleCell(value, template.dateColumns.includes(column)))]);
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
