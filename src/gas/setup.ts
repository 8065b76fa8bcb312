import { detectHeader, findTab, ROSTER_COLUMNS, TAB_NAMES, TRIP_COLUMNS, type ColumnSpec } from '../core/columns';
import { COLORS } from '../core/colors';
import { parseDayFirstDate, VIETNAM_TIME_ZONE } from '../core/date-parse';
import { banKey } from '../core/names';
import { provinceOf } from '../core/settings';
import { defaultBans, inputTabTemplates, settingsTabRows, type TabTemplate } from '../core/template';
import { storedSettings } from '../sheets/server-context';
import { dayNumber } from '../core/calendar-date';
import { DATE_FORMAT, asText, type SpreadsheetWorkbook } from './spreadsheet-workbook';
import { withDocumentLock, type GasContext } from './context';
import { texts } from './texts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const VIETNAM_LOCALE = 'vi_VN';
const SERIAL_OF_1970 = 25569;

export interface SetupResult {
  created: string[];
  validated: string[];
  skipped: string[];
}

/**
 * The locale check: a sheet in en_US reads a typed "05/06/2023" as 6 May. Asks (YES/NO) before changing anything;
 * returns the sentence for the final summary ('' when the spreadsheet was already right).
 */
export function checkLocale(ctx: GasContext, ui: GoogleAppsScript.Base.Ui): string {
  const locale = ctx.spreadsheet.getSpreadsheetLocale();
  const zone = ctx.spreadsheet.getSpreadsheetTimeZone();
  if (locale === VIETNAM_LOCALE && zone === VIETNAM_TIME_ZONE) return '';
  const answer = ui.alert(texts.localeTitle, texts.localeQuestion(locale, zone), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return texts.localeKept;
  ctx.spreadsheet.setSpreadsheetLocale(VIETNAM_LOCALE);
  ctx.spreadsheet.setSpreadsheetTimeZone(VIETNAM_TIME_ZONE);
  return texts.localeSet;
}

/**
 * "Khởi tạo bảng tính": creates the missing input tabs from core/template.ts and adds dropdowns and date checks to
 * the data rows of the existing ones. Never writes a value into an existing tab. A fixed number of calls per tab and
 * per validated column, whatever the number of rows.
 */
export function setUpSpreadsheet(ctx: GasContext): SetupResult {
  return withDocumentLock(() => {
    const { settings, policy } = storedSettings(ctx);
    const workbook = ctx.workbook;
    const names = workbook.tabNames();
    const result: SetupResult = { created: [], validated: [], skipped: [] };

    const rosterTab = findTab(names, 'roster');
    const bans = rosterTab ? bansOnRoster(workbook, rosterTab) : defaultBans(policy);
    const [roster, trips] = inputTabTemplates(policy, settings.year, bans.length ? bans : defaultBans(policy)) as [TabTemplate, TabTemplate];

    for (const [template, role, specs] of [
      [roster, 'roster', ROSTER_COLUMNS],
      [trips, 'trips', TRIP_COLUMNS],
    ] as const) {
      const existing = findTab(workbook.tabNames(), role);
      if (!existing) {
        createInputTab(workbook, template);
        result.created.push(template.name);
        continue;
      }
      const added = validateExistingTab(workbook, existing, template, specs);
      if (added === null) result.skipped.push(texts.setupNoHeader(existing));
      else if (added.length) result.validated.push(`${existing} (${added.join(', ')})`);
    }

    if (!findTab(workbook.tabNames(), 'settings')) {
      createSettingsTab(workbook, settingsTabRows(provinceOf(settings), settings.year, settings.preset));
      result.created.push(TAB_NAMES.settings);
    }
    return result;
  });
}

function bansOnRoster(workbook: SpreadsheetWorkbook, tab: string): string[] {
  const values = workbook.readTab(tab, { valuesOnly: true })?.values ?? [];
  const header = detectHeader(values, ROSTER_COLUMNS);
  const column = header?.columns.ban;
  if (!header || column === undefined) return [];
  const seen = new Map<string, string>();
  for (const row of values.slice(header.headerIndex + 1)) {
    const ban = String(row[column] ?? '').trim();
    if (ban && !seen.has(banKey(ban))) seen.set(banKey(ban), ban);
  }
  return [...seen.values()];
}

function createInputTab(workbook: SpreadsheetWorkbook, template: TabTemplate): void {
  const sheet = workbook.insertTab(template.name);
  const width = template.captions.length;
  const example = template.example.map((value, c) => {
    if (template.dateColumns.includes(c) && typeof value === 'string') {
      const parsed = parseDayFirstDate(value);
      if (parsed.ok) return dayNumber(parsed.date) + SERIAL_OF_1970;
    }
    return typeof value === 'string' ? asText(value) : value;
  });
  sheet.getRange(1, 1, 2, width).setValues([template.captions, example]);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(COLORS.header);
  header.setWrap(true);
  header.setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  template.widths.forEach((w, c) => sheet.setColumnWidth(c + 1, w));
  applyValidations(
    sheet,
    2,
    template,
    template.lists.map((l) => l.column),
    template.dateColumns,
    true,
  );
}

/**
 * Dropdowns and date checks on an existing tab, on the columns it has (found by caption), from the row under its
 * header to the bottom of the sheet, only on the cells that have none: a user's own rule or number format is never
 * replaced. Values are never touched; the rules accept anything typed (warnings only), because an existing tab holds
 * entries the dropdown does not list ("1.3", codes, unaccented labels) that the check reads correctly. Returns the
 * captions given a rule somewhere, or null when the tab has no header.
 */
function validateExistingTab(workbook: SpreadsheetWorkbook, tab: string, template: TabTemplate, specs: readonly ColumnSpec[]): string[] | null {
  const values = workbook.readTab(tab, { valuesOnly: true })?.values ?? [];
  const header = detectHeader(values, specs);
  if (!header) return null;
  const sheet = workbook.sheet(tab)!;
  const columnOf = (templateColumn: number): number | undefined => {
    const key = template.keys[templateColumn];
    return key === undefined ? undefined : (header.columns as Record<string, number | undefined>)[key];
  };
  const remap: TabTemplate = {
    ...template,
    lists: template.lists.flatMap((l) => {
      const column = columnOf(l.column);
      return column === undefined ? [] : [{ ...l, column, allowOther: true }];
    }),
    dateColumns: template.dateColumns.flatMap((c) => {
      const column = columnOf(c);
      return column === undefined ? [] : [column];
    }),
  };
  const captionOf = (column: number) => String(values[header.headerIndex]?.[column] ?? '').trim();
  const added = applyValidations(
    sheet,
    header.headerIndex + 2,
    remap,
    remap.lists.map((l) => l.column),
    remap.dateColumns,
    false,
  );
  return added.map(captionOf);
}

/**
 * One rule per column over rows firstRow…bottom. On a new tab: one builder chain and one setDataValidation per column.
 * On an existing tab (`strict` false): the column's rules and formats are read first and ours goes only where a cell
 * has none (a date format only where the format is still the default), in one write per column, none when nothing is
 * missing. Returns the 0-based columns that received something.
 */
function applyValidations(sheet: Sheet, firstRow: number, template: TabTemplate, listColumns: number[], dateColumns: number[], strict: boolean): number[] {
  const maxRows = sheet.getMaxRows();
  const rows = maxRows - firstRow + 1;
  if (rows < 1) return [];
  const added: number[] = [];
  const apply = (column: number, rule: GoogleAppsScript.Spreadsheet.DataValidation, dates: boolean) => {
    const range = sheet.getRange(firstRow, column + 1, rows, 1);
    if (strict) {
      range.setDataValidation(rule);
      if (dates) range.setNumberFormat(DATE_FORMAT);
      added.push(column);
      return;
    }
    const existing = range.getDataValidations();
    let changed = false;
    const validations = existing.map(([v]) => {
      if (v) return [v];
      changed = true;
      return [rule];
    });
    if (changed) range.setDataValidations(validations);
    if (dates) {
      let formatted = false;
      const formats = range.getNumberFormats().map(([f]) => {
        if (!isDefaultFormat(f ?? '')) return [f ?? ''];
        formatted = true;
        return [DATE_FORMAT];
      });
      if (formatted) range.setNumberFormats(formats);
      changed ||= formatted;
    }
    if (changed) added.push(column);
  };
  listColumns.forEach((column, i) => {
    const list = template.lists[i]!;
    const caption = template.captions[list.column] ?? '';
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(list.values, true)
      .setAllowInvalid(strict ? list.allowOther : true)
      .setHelpText(texts.listHelp(caption))
      .build();
    apply(column, rule, false);
  });
  for (const column of dateColumns) {
    const rule = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(!strict).setHelpText(texts.dateHelp).build();
    apply(column, rule, true);
  }
  return added;
}

/** A number format nobody chose: Sheets reports an untouched cell as "General" or "0.###############". */
function isDefaultFormat(format: string): boolean {
  return format === '' || format === 'General' || format === '0.###############';
}

function createSettingsTab(workbook: SpreadsheetWorkbook, rows: (string | number)[][]): void {
  const sheet = workbook.insertTab(TAB_NAMES.settings);
  const width = rows[0]!.length;
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.map((v) => (typeof v === 'string' ? asText(v) : v))));
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(COLORS.header);
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, 1, 220);
  sheet.setColumnWidths(2, 1, 200);
  sheet.setColumnWidths(3, 1, 420);
}
