import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

function setUp() {
  const rows = [
    ['BÁO CÁO', '', '', '', ''],
    ['Họ tên', 'Ngày', 'Nội dung', '', ''],
    ['An', '01/02/2024', 'Đi cơ sở', '', ''],
  ];
  const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ Mẫu: rows }) });
  const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('Mẫu')!;
  return { env, sheet };
}

describe('getDataRange().getMergedRanges()', () => {
  it('returns every merge that crosses the data range, whole, even past its edge; none that lies outside', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:E1').merge(); // inside the data range A1:C3
    sheet.getRange('C2:F2').merge(); // crosses its right edge
    sheet.getRange('B5:C6').merge(); // below it
    sheet.getRange('H1:I1').merge(); // to its right
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    // Reference: "merged cells that either are fully within the current range, or contain at least one cell in the
    // current range" — each as the whole merged range.
    expect(
      sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:E1', 'C2:F2']);
    expect(
      sheet
        .getRange('D2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['C2:F2']);
  });

  it('merged ranges read their upper-left value and display', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:E1').merge();
    const [m] = sheet.getDataRange().getMergedRanges();
    expect([m!.getValue(), m!.getDisplayValue(), m!.getNumColumns()]).toEqual(['BÁO CÁO', 'BÁO CÁO', 5]);
  });
});

describe('writing into a cell hidden by a merge', () => {
  it('the fake keeps the value (unseen) and lists it, so a test can insist nothing is hidden', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:E1').merge();
    expect(sheet.hiddenUnderMerges()).toEqual([]);
    sheet.getRange('A1:E1').setValues([['BÁO CÁO QUÝ 3', '', '', '', '']]); // blanks under the merge hide nothing
    expect(sheet.hiddenUnderMerges()).toEqual([]);
    sheet.getRange('C1').setValue('lost');
    expect(sheet.getRange('C1').getValue()).toBe('lost');
    expect(sheet.hiddenUnderMerges()).toEqual(['C1']);
    // What the user sees there is the merge: its upper-left cell.
    expect(sheet.getRange('A1:E1').getMergedRanges()[0]!.getDisplayValue()).toBe('BÁO CÁO QUÝ 3');
    // Unmerging shows it again.
    sheet.getRange('A1:E1').breakApart();
    expect(sheet.hiddenUnderMerges()).toEqual([]);
    expect(sheet.getRange('C1').getDisplayValue()).toBe('lost');
  });
});

describe('merges follow deleted columns, as they follow deleted rows', () => {
  it('shift left, or vanish with their columns', () => {
    const { sheet } = setUp();
    sheet.getRange('D1:E1').merge();
    sheet.getRange('B5:C5').merge();
    sheet.deleteColumns(2, 2);
    expect(sheet.snapshot().merges).toEqual(['B1:C1']);
  });
});
