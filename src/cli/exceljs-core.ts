import type ExcelJS from 'exceljs';
import WorkbookClass from 'exceljs/lib/doc/workbook.js';
import enums from 'exceljs/lib/doc/enums.js';

/**
 * exceljs's Workbook and value types without the rest of its index: `import 'exceljs'` also loads its streaming
 * reader and writer (unzipper, archiver, tmp …), a third of the command's start-up, which the command never uses.
 */
export const Workbook = WorkbookClass as unknown as typeof ExcelJS.Workbook;
export const ValueType = enums.ValueType as unknown as typeof ExcelJS.ValueType;
