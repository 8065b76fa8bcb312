import ExcelJS from 'exceljs';

/**
 * exceljs drops a note whose cell holds no value and no style when it loads a file: it attaches comments only to the
 * cells it read from sheetData (WorksheetXform.reconcile). A person's note on an empty cell is still theirs, so before
 * exceljs reconciles the workbook it loaded (XLSX.reconcile, reached through a workbook's `xlsx`), every comment's cell
 * is added to its sheet's rows as an empty cell.
 */

interface CellModel {
  address: string;
  type: number;
}
interface RowModel {
  number: number;
  cells: CellModel[];
}
interface SheetModel {
  rows?: RowModel[];
}
interface LoadedModel {
  worksheets?: (SheetModel & { sheetNo: number })[];
  worksheetRels?: Record<number, { Type: string; Target: string }[] | undefined>;
  comments?: Record<string, { comments?: { ref?: string }[] } | undefined>;
}

const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const NULL_CELL = 0; // exceljs ValueType.Null

let installed = false;

export function keepNotesOnEmptyCells(): void {
  if (installed) return;
  installed = true;
  const xlsx = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { reconcile(model: LoadedModel, options: unknown): void };
  const original = xlsx.reconcile;
  xlsx.reconcile = function reconcile(model: LoadedModel, options: unknown): void {
    for (const sheet of model.worksheets ?? []) {
      for (const rel of model.worksheetRels?.[sheet.sheetNo] ?? []) {
        if (rel.Type !== COMMENTS_REL) continue;
        for (const comment of model.comments?.[rel.Target]?.comments ?? []) if (comment.ref) ensureCell(sheet, comment.ref);
      }
    }
    original.call(this, model, options);
  };
}

function ensureCell(model: SheetModel, address: string): void {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) return;
  const number = Number(match[2]);
  const rows = (model.rows ??= []);
  let row = rows.find((r) => r?.number === number);
  if (!row) {
    row = { number, cells: [] };
    rows.push(row);
    rows.sort((a, b) => (a?.number ?? 0) - (b?.number ?? 0));
  }
  if (row.cells.some((c) => c?.address === address)) return;
  row.cells.push({ address, type: NULL_CELL });
  row.cells.sort((a, b) => columnOf(a.address) - columnOf(b.address));
}

function columnOf(address: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(address)?.[0] ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
