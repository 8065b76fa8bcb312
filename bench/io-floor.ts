/**
 * The streaming I/O floor of a `dicoso check`: reading the input file and writing the cells of the result file with
 * exceljs's own streaming reader and writer (stream.xlsx.WorkbookReader / WorkbookWriter), values and styles, and
 * nothing else (no notes, merges, rules, pictures: what those writers drop is why the command does not use them).
 * A check cannot do less I/O than this; the benchmark reports the check's time as a multiple of it.
 */
import ExcelJS from 'exceljs';

interface ReadTab {
  name: string;
  rows: { number: number; cells: { column: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[] }[];
}

async function readAll(file: string): Promise<{ tabs: ReadTab[]; cells: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const tabs: ReadTab[] = [];
  let cells = 0;
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const tab: ReadTab = { name: ws.name, rows: [] };
    for await (const row of ws) {
      const line: ReadTab['rows'][number] = { number: row.number, cells: [] };
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        line.cells.push({ column, value: cell.value, style: cell.style });
        cells++;
      });
      tab.rows.push(line);
    }
    tabs.push(tab);
  }
  return { tabs, cells };
}

async function writeAll(tabs: readonly ReadTab[], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const tab of tabs) {
    const ws = writer.addWorksheet(tab.name);
    for (const line of tab.rows) {
      const row = ws.getRow(line.number);
      for (const { column, value, style } of line.cells) {
        const cell = row.getCell(column);
        cell.value = value;
        cell.style = style;
      }
      row.commit();
    }
    ws.commit();
  }
  await writer.commit();
}

export interface IoFloor {
  readMs: number;
  writeMs: number;
  cellsRead: number;
  cellsWritten: number;
}

/** Times a streaming read of `input` and a streaming write of `output`'s cells (read beforehand, untimed) to `scratch`. */
export async function ioFloor(input: string, output: string, scratch: string): Promise<IoFloor> {
  let started = performance.now();
  const read = await readAll(input);
  const readMs = performance.now() - started;
  const result = await readAll(output);
  started = performance.now();
  await writeAll(result.tabs, scratch);
  const writeMs = performance.now() - started;
  return { readMs, writeMs, cellsRead: read.cells, cellsWritten: result.cells };
}
