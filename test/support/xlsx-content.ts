import ExcelJS from 'exceljs';
import { keepNotesOnEmptyCells } from './exceljs-notes';

/**
 * Everything a person sees in an .xlsx, as plain data to compare two files: per tab its cells (value, formula,
 * rich text, hyperlink, style, note), merges, column widths and formats, row heights and visibility, frozen panes,
 * page set-up, dropdowns, conditional formats, pictures and tables; and the workbook's tabs in order and its
 * defined names. Two files with equal content are the same workbook to Excel, whatever their XML's order or style
 * numbering.
 */

export async function loadForContent(file: string): Promise<ExcelJS.Workbook> {
  keepNotesOnEmptyCells();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteText = (note: ExcelJS.Comment | string | undefined): string =>
  note === undefined ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');

/** A style with the numbering exceljs gives on load left out: only what the style says. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export function sheetContent(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  const rows: Record<number, unknown> = {};
  const stored = (
    ws as unknown as {
      _rows: ({ _cells: (ExcelJS.Cell | undefined)[]; height?: number; hidden?: boolean; outlineLevel?: number; style?: object } | undefined)[];
    }
  )._rows;
  stored.forEach((row, r) => {
    if (!row) return;
    if (row.height || row.hidden || row.outlineLevel || (row.style && Object.keys(row.style).length)) {
      rows[r + 1] = plain({
        height: row.height,
        hidden: row.hidden || undefined,
        outlineLevel: row.outlineLevel || undefined,
        style: row.style && Object.keys(row.style).length ? row.style : undefined,
      });
    }
    row._cells.forEach((cell) => {
      if (!cell) return;
      const model = cell.model as unknown as Record<string, unknown>;
      const content: Record<string, unknown> = {};
      for (const key of ['type', 'value', 'formula', 'sharedFormula', 'result', 'hyperlink', 'text', 'error']) {
        if (model[key] !== undefined) content[key] = model[key];
      }
      if (cell.type === ExcelJS.ValueType.Merge) content.master = cell.master.address;
      const view = { ...(plain(content) as object), style: plain(cell.style ?? {}), note: noteText(cell.note) };
      // An empty cell with no format and no note is no different from none.
      if (JSON.stringify(view) === JSON.stringify({ type: 0, style: {}, note: '' })) return;
      cells[cell.address] = view;
    });
  });
  const model = ws.model as unknown as Record<string, unknown>;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    merges: [...(model.merges as string[])].sort(),
    cols: plain(model.cols),
    views: plain(model.views),
    pageSetup: plain(model.pageSetup),
    properties: plain(model.properties),
    autoFilter: plain(model.autoFilter),
    validations: plain((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    conditionalFormats: plain((ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings),
    images: ws.getImages().map((i) => {
      const range = i.range as unknown as { tl: { nativeRow: number; nativeCol: number }; br?: { nativeRow: number; nativeCol: number }; editAs?: string };
      const at = (a?: { nativeRow: number; nativeCol: number }) => a && [a.nativeRow, a.nativeCol];
      return { imageId: i.imageId, tl: at(range.tl), br: at(range.br), editAs: range.editAs };
    }),
    tables: plain(Object.values((ws as unknown as { tables: Record<string, { model: unknown }> }).tables).map((t) => t.model)),
  };
}

export function workbookContent(wb: ExcelJS.Workbook): Record<string, unknown> {
  return {
    tabs: wb.worksheets.map((ws) => ws.name),
    definedNames: plain(wb.definedNames.model),
    media: wb.model.media.map((m) => ({ type: m.type, extension: m.extension, size: (m.buffer as unknown as Buffer | undefined)?.length })),
    sheets: wb.worksheets.map(sheetContent),
  };
}

/** The first differences between two contents, as "path: a ≠ b" lines (empty when equal). */
export function contentDifferences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) === !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const key of keys) contentDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`, out, limit);
    return out;
  }
  out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`);
  return out;
}
