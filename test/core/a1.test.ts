import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellRef, columnLetter, columnNumber, gridRangeOf, parseCell, parseRange, rangeRef } from '../../src/core/a1';
import { gridRangeOfA1 } from '../../src/gas/spreadsheet-workbook';
import { parseCell as parseWorksheetCell, parseRange as parseWorksheetRange } from '../../src/xlsx/a1';

// A1 references are read and written in one place (src/core/a1.ts); each adapter only adds its grid's limits.
describe('A1 references', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
    [16_384, 'XFD'],
    [18_278, 'ZZZ'],
  ])('column %i is %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
    expect(columnNumber(letters.toLowerCase())).toBe(column);
  });

  it('letters and numbers are each other’s inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18_278 }), (column) => columnNumber(columnLetter(column)) === column),
      { seed: 23, numRuns: 200 },
    );
  });

  it.each<[string, { row: number; column: number } | null]>([
    ['B3', { row: 3, column: 2 }],
    ['$B$3', { row: 3, column: 2 }],
    [' ab12 ', { row: 12, column: 28 }],
    ['A0', null],
    ['B', null],
    ['3', null],
    ['ABCD1', null],
    ['B3:C4', null],
    ['Tab!B3', null],
  ])('the cell %j', (ref, cell) => {
    expect(parseCell(ref)).toEqual(cell);
  });

  it('a range is read corner to corner whichever way it is written, and written back short', () => {
    expect(parseRange('C4:A1')).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange('B2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange('B2:')).toBeNull();
    expect(rangeRef({ top: 1, left: 1, bottom: 4, right: 3 })).toBe('A1:C4');
    expect(rangeRef({ top: 2, left: 2, bottom: 2, right: 2 })).toBe('B2');
    expect(cellRef(1_048_576, 16_384)).toBe('XFD1048576');
    expect(gridRangeOf({ top: 3, left: 2, bottom: 5, right: 4 })).toEqual({ row: 2, column: 1, rows: 3, columns: 3 });
  });

  it('a worksheet of .xlsx stops at XFD1048576; Sheets’ A1 notation goes further (up to ZZZ, 10 million cells)', () => {
    expect(parseWorksheetCell('XFD1048576')).toEqual({ row: 1_048_576, column: 16_384 });
    expect(parseWorksheetCell('XFE1')).toBeNull();
    expect(parseWorksheetCell('A1048577')).toBeNull();
    expect(parseWorksheetRange('A1:XFE2')).toBeNull();
    expect(parseCell('ZZZ2000000')).toEqual({ row: 2_000_000, column: 18_278 });
  });

  it.each([
    ['C7', { row: 6, column: 2, rows: 1, columns: 1 }],
    ['B3:D5', { row: 2, column: 1, rows: 3, columns: 3 }],
    ["'Đi cơ sở'!$A$1:$B$2", { row: 0, column: 0, rows: 2, columns: 2 }],
  ])('a merged range as Sheets names it, %s', (a1, range) => {
    expect(gridRangeOfA1(a1)).toEqual(range);
  });

  it('anything else from Sheets is a bug to report, not a range to guess', () => {
    expect(() => gridRangeOfA1('A:A')).toThrow("Not a cell reference: 'A:A'");
  });
});
