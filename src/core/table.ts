import { detectHeader, HEADER_SEARCH_ROWS, type ColumnSpec, type HeaderMatch } from './columns';
import type { IssueCode, PlacedIssue } from './issues';
import { messages } from './messages';
import { foldKey, singleSpaced } from './text';

/** A tab as read: its name and its values from A1 (any cell type a spreadsheet hands over). */
export interface TableInput {
  tab: string;
  values: readonly (readonly unknown[])[];
}

/** A located header plus helpers to read a data row by column key and to place issues on cells. */
export interface Table<K extends string> {
  tab: string;
  header: HeaderMatch<K>;
  /** The caption the user wrote for each found column (used in messages and issues). */
  captions: Partial<Record<K, string>>;
  /** 0-based index in values of the first data row. */
  firstDataIndex: number;
}

export type TableResult<K extends string> = { ok: true; table: Table<K> } | { ok: false; issue: PlacedIssue };

export function locateTable<K extends string>(input: TableInput, specs: readonly ColumnSpec<K>[]): TableResult<K> {
  const header = detectHeader(input.values, specs);
  const required = specs.filter((s) => s.required);
  if (!header) {
    return {
      ok: false,
      issue: issue(
        input.tab,
        1,
        required[0]?.caption ?? '',
        null,
        'error',
        'missing-column',
        messages.noHeader(
          input.tab,
          required.map((s) => s.caption),
          HEADER_SEARCH_ROWS,
        ),
      ),
    };
  }
  if (header.missing.length > 0) {
    return {
      ok: false,
      issue: issue(
        input.tab,
        header.headerIndex + 1,
        header.missing.map((s) => s.caption).join(', '),
        null,
        'error',
        'missing-column',
        messages.missingColumns(input.tab, header.missing, standInCaption(specs, header.missing), HEADER_SEARCH_ROWS),
      ),
    };
  }
  const captions: Partial<Record<K, string>> = {};
  const headerRow = input.values[header.headerIndex] ?? [];
  for (const spec of specs) {
    const c = header.columns[spec.key];
    if (c !== undefined) captions[spec.key] = String(headerRow[c] ?? spec.caption).trim();
  }
  return { ok: true, table: { tab: input.tab, header, captions, firstDataIndex: header.headerIndex + 1 } };
}

/** The caption of the column that could replace the missing ones (Thời gian cụ thể for Từ ngày/Đến ngày), if any. */
function standInCaption<K extends string>(specs: readonly ColumnSpec<K>[], missing: readonly ColumnSpec<K>[]): string | null {
  const key = missing.find((s) => s.satisfiedBy)?.satisfiedBy;
  return specs.find((s) => s.key === key)?.caption ?? null;
}

export function cellOf<K extends string>(table: Table<K>, row: readonly unknown[], key: K): unknown {
  const c = table.header.columns[key];
  return c === undefined ? undefined : row[c];
}

export function textOf<K extends string>(table: Table<K>, row: readonly unknown[], key: K): string {
  const value = cellOf(table, row, key);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return singleSpaced(value);
  return String(value);
}

/** A row with nothing in the table's own columns: a stray value far to the right does not make it a data row. */
export function isBlankTableRow<K extends string>(table: Table<K>, row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  for (const c of Object.values(table.header.columns) as number[]) if (!isBlankRow([row[c]])) return false;
  return true;
}

/**
 * A Ban's heading inside the table (“I | BAN TUYÊN GIÁO”), as provinces lay out mẫu 2 and 3: one text merged across
 * the row's columns (so every column shows it), or a Roman-numbered STT with one text beside it. Not a data row.
 */
export function isSectionHeading<K extends string>(table: Table<K>, row: readonly unknown[]): boolean {
  const stt = (table.header.columns as Record<string, number | undefined>)['stt'];
  const texts: string[] = [];
  for (const c of Object.values(table.header.columns) as number[]) {
    if (c === stt) continue;
    const cell = row[c];
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) continue;
    if (typeof cell !== 'string') return false;
    texts.push(cell.trim());
  }
  if (texts.length === 0) return false;
  if (texts.length >= 2) return texts.every((t) => t === texts[0]);
  const number = stt === undefined ? '' : String(row[stt] ?? '').trim();
  return /^[IVXL]+\.?$/.test(number);
}

/**
 * An example row, marked as the seed forms mark theirs ("VD1: 1.1 …"): STT "VD", "VD1", "Ví dụ". The template of
 * `dicoso init` and the add-on's set-up writes its example so; it is shown, never counted.
 */
export function isExampleRow<K extends string>(table: Table<K>, row: readonly unknown[]): boolean {
  const stt = (table.header.columns as Record<string, number | undefined>)['stt'];
  if (stt === undefined) return false;
  return /^(vd|vi du)\s*\d*\s*[:.)]?$/.test(foldKey(String(row[stt] ?? '')));
}

export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

export function issue(
  tab: string,
  row: number,
  column: string,
  columnNumber: number | null,
  level: 'error' | 'warning',
  code: IssueCode,
  message: string,
): PlacedIssue {
  return { tab, row, column, columnNumber, level, code, message };
}

/** An issue on a data cell of a located table. `index` is the 0-based index in values. */
export function cellIssue<K extends string>(table: Table<K>, index: number, key: K, level: 'error' | 'warning', code: IssueCode, message: string): PlacedIssue {
  const c = table.header.columns[key];
  return issue(table.tab, index + 1, table.captions[key] ?? String(key), c === undefined ? null : c + 1, level, code, message);
}
