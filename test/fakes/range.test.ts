import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

function freshSheet(options: { locale?: string; timeZone?: string } = {}) {
  const env = createAppsScriptEnvironment(options);
  const ss = env.globals.SpreadsheetApp.getActive();
  return { env, ss, sheet: ss.getActiveSheet() };
}

describe('Sheet.getRange refuses what Google refuses, with its words', () => {
  const cases: [string, () => unknown, string][] = [
    ['row 0', () => freshSheet().sheet.getRange(0, 1), 'The starting row of the range is too small.'],
    ['column 0', () => freshSheet().sheet.getRange(1, 0), 'The starting column of the range is too small.'],
    ['zero rows', () => freshSheet().sheet.getRange(1, 1, 0, 1), 'The number of rows in the range must be at least 1.'],
    ['zero columns', () => freshSheet().sheet.getRange(1, 1, 1, 0), 'The number of columns in the range must be at least 1.'],
    ['past row 1000 of a new sheet', () => freshSheet().sheet.getRange(1000, 1, 2, 1), 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['past column Z', () => freshSheet().sheet.getRange('A1:AA1'), 'The coordinates of the range are outside the dimensions of the sheet.'],
    ['nonsense A1', () => freshSheet().sheet.getRange('hello world'), 'Range not found'],
    ['unknown tab', () => freshSheet().ss.getRange("'Không có'!A1"), 'Range not found'],
  ];
  it.each(cases)('%s', (_name, call, message) => {
    expect(call).toThrowError(message);
    try {
      call();
    } catch (e) {
      expect((e as Error).message).toBe(message);
      expect(String(e)).toBe(`Exception: ${message}`);
    }
  });
});

describe('setValues checks the shape of the data first', () => {
  const cases: [string, unknown[][], string][] = [
    ['too few rows', [[1, 2]], 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.'],
    [
      'too many rows',
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      'The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.',
    ],
    ['a short row', [[1, 2], [3]], 'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.'],
    [
      'a long row',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    ],
  ];
  it.each(cases)('%s', (_name, data, message) => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues(data)).toThrowError(message);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('the same rule for backgrounds, notes and font weights', () => {
    const { sheet } = freshSheet();
    const range = sheet.getRange(1, 1, 2, 1);
    expect(() => range.setBackgrounds([['#ff0000']])).toThrowError(/The data has 1 but the range has 2/);
    expect(() =>
      range.setNotes([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toThrowError(/number of columns/);
    expect(() => range.setFontWeights([['bold']])).toThrowError(/number of rows/);
  });

  it('a non-array is a signature error', () => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange(1, 1).setValues('x' as never)).toThrowError(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });
});

describe('what a written value becomes (en_US sheet)', () => {
  const may6 = new Date('2023-05-06T04:00:00Z'); // midnight in New York
  const cases: [string, unknown, unknown, string][] = [
    // name, written, read back with getValue, formula
    ['text stays text', 'Nguyễn Văn A', 'Nguyễn Văn A', ''],
    ['= makes a formula, value unknown', '=SUM(A1:A3)', '', '=SUM(A1:A3)'],
    ["' forces text and is dropped", "'=not a formula", '=not a formula', ''],
    ["' keeps leading zeros", "'0912345678", '0912345678', ''],
    ['digits become a number (leading zeros lost)', '0912345678', 912345678, ''],
    ['a decimal string becomes a number', '1.5', 1.5, ''],
    ['TRUE becomes a boolean', 'true', true, ''],
    ['a month-first date string becomes a Date', '05/06/2023', may6, ''],
    ['an ISO date string becomes a Date', '2023-05-06', may6, ''],
    ['an impossible date stays text', '31/02/2023', '31/02/2023', ''],
    ['a dash-led word becomes a broken formula', '-abc', '#ERROR!', '=-abc'],
    ['numbers stay numbers', 42, 42, ''],
    ['booleans stay booleans', false, false, ''],
    ['null empties the cell', null, '', ''],
  ];
  it.each(cases)('%s', (_name, written, read, formula) => {
    const { sheet } = freshSheet();
    const cell = sheet.getRange('B2');
    cell.setValue(written);
    expect(cell.getValue()).toEqual(read);
    expect(cell.getFormula()).toBe(formula);
  });

  it('a cell formatted as plain text (@) keeps the string exactly', () => {
    const { sheet } = freshSheet();
    const cell = sheet.getRange('A1').setNumberFormat('@');
    for (const s of ['0912345678', '=1+1', '05/06/2023', '-abc']) {
      cell.setValue(s);
      expect(cell.getValue()).toBe(s);
      expect(cell.getFormula()).toBe('');
    }
  });

  it('Dates go in and come out as new Date objects', () => {
    const { sheet } = freshSheet();
    const d = new Date('2024-01-15T05:00:00Z');
    sheet.getRange('A1').setValue(d);
    const a = sheet.getRange('A1').getValue() as Date;
    const b = sheet.getRange('A1').getValue() as Date;
    expect(a).toEqual(d);
    expect(a).not.toBe(d);
    expect(a).not.toBe(b);
    a.setFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(d.getTime());
  });

  it('empty cells read as empty strings', () => {
    const { sheet } = freshSheet();
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });
});

describe('an empty sheet', () => {
  it('is 1000 × 26, getLastRow/getLastColumn are 0 and the data range is A1', () => {
    const { sheet } = freshSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
  });

  it('grows only by insertRowsAfter / insertColumnsAfter', () => {
    const { sheet } = freshSheet();
    expect(() => sheet.getRange(1001, 1)).toThrowError(/outside the dimensions/);
    sheet.insertRowsAfter(1000, 5);
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange(1005, 28).getA1Notation()).toBe('AB1005');
    expect(() => sheet.insertRowsAfter(0, 1)).toThrowError('Those rows are out of bounds.');
  });

  it('formats alone do not move getLastRow', () => {
    const { sheet } = freshSheet();
    sheet.getRange('C10').setBackground('#ff0000').setNote('ghi chú');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C10').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([10, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C10');
  });
});

describe('formats read back the way Sheets reports them', () => {
  it('backgrounds are lowercase hex and null resets to white', () => {
    const { sheet } = freshSheet();
    const r = sheet.getRange('A1:B1');
    r.setBackgrounds([['#FF0000', null]]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    r.setBackground(null);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });

  it('font weights, notes, wraps, number formats', () => {
    const { sheet } = freshSheet();
    const r = sheet.getRange('A1:B1');
    r.setFontWeights([['bold', null]])
      .setNotes([['n', null]])
      .setWraps([[true, false]])
      .setNumberFormat('0.00');
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(r.getNotes()).toEqual([['n', '']]);
    expect(r.getWraps()).toEqual([[true, false]]);
    expect(r.getNumberFormats()).toEqual([['0.00', '0.00']]);
    expect(() => r.setFontWeight('heavy' as never)).toThrowError(/Invalid argument/);
  });

  it('display values follow the number format and the locale', () => {
    const env = createAppsScriptEnvironment({
      spreadsheet: FakeSpreadsheet.fromTabs({ T: [[new Date('2023-05-06T04:00:00Z'), 1234.5, 0.25, true]] }),
    });
    const r = env.spreadsheet.tab('T').getRange('A1:D1');
    expect(r.getDisplayValues()).toEqual([['5/6/2023', '1234.5', '0.25', 'TRUE']]);
    r.setNumberFormats([['dd/MM/yyyy', '#,##0.00', '0%', '@']]);
    expect(r.getDisplayValues()).toEqual([['06/05/2023', '1,234.50', '25%', 'TRUE']]);
    env.spreadsheet.setSpreadsheetLocale('vi_VN');
    expect(r.getDisplayValues()).toEqual([['06/05/2023', '1.234,50', '25%', 'TRUE']]);
  });
});

describe('merges', () => {
  it('keep the upper-left value, and partial overlaps are refused', () => {
    const { sheet } = freshSheet();
    sheet.getRange('A1:C1').setValues([['Tiêu đề', 'x', 'y']]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Tiêu đề', '', '']]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('D1').isPartOfMerge()).toBe(false);
    expect(() => sheet.getRange('B1:D1').merge()).toThrowError('You must select all cells in a merged range to merge or unmerge them.');
    expect(() => sheet.getRange('A1:B1').breakApart()).toThrowError(/merged range/);
    sheet.getRange('A1:D2').breakApart();
    expect(sheet.getRange('A1:D2').getMergedRanges()).toEqual([]);
  });
});

describe('data validation', () => {
  it('records the rule as built', () => {
    const { env, sheet } = freshSheet();
    const rule = env.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Có', 'Không'], true)
      .setAllowInvalid(false)
      .setHelpText('Chọn Có hoặc Không')
      .build();
    sheet.getRange('A2:A3').setDataValidation(rule);
    const got = sheet.getRange('A2:A3').getDataValidations();
    expect(got[0]?.[0]?.getCriteriaType()).toBe(env.globals.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got[1]?.[0]?.getCriteriaValues()).toEqual([['Có', 'Không'], true]);
    expect(got[0]?.[0]?.getAllowInvalid()).toBe(false);
    expect(got[0]?.[0]?.getHelpText()).toBe('Chọn Có hoặc Không');
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    sheet.getRange('A2:A3').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
  });
});
