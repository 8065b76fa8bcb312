import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

describe('typeText: the locale decides what a typed date means', () => {
  const cases: [string, string, string, string, unknown][] = [
    // name, locale, zone, typed, read back
    ['en_US reads month first', 'en_US', 'America/New_York', '05/06/2023', new Date('2023-05-06T04:00:00Z')],
    ['vi_VN reads day first', 'vi_VN', 'Asia/Ho_Chi_Minh', '05/06/2023', new Date('2023-06-04T17:00:00Z')],
    ['en_US: a day over 12 in front is text', 'en_US', 'America/New_York', '25/12/2023', '25/12/2023'],
    ['vi_VN: the same is Christmas', 'vi_VN', 'Asia/Ho_Chi_Minh', '25/12/2023', new Date('2023-12-24T17:00:00Z')],
    ['vi_VN: a decimal comma', 'vi_VN', 'Asia/Ho_Chi_Minh', '1,5', 1.5],
    ['plain words stay text', 'vi_VN', 'Asia/Ho_Chi_Minh', 'Đi cơ sở', 'Đi cơ sở'],
    ['an apostrophe keeps a date as text', 'en_US', 'America/New_York', "'05/06/2023", '05/06/2023'],
  ];
  it.each(cases)('%s', (_name, locale, timeZone, typed, expected) => {
    const ss = FakeSpreadsheet.fromTabs({ 'Cán bộ': [['Ngày']] }, { locale, timeZone });
    ss.typeText("'Cán bộ'!A2", typed);
    expect(ss.tab('Cán bộ').getRange('A2').getValue()).toEqual(expected);
  });

  it('is not counted as a script call', () => {
    const env = createAppsScriptEnvironment();
    env.spreadsheet.typeText('A1', 'x');
    expect(env.calls.total()).toBe(0);
  });
});

describe('tabs', () => {
  it('insertSheet refuses a duplicate name (case-insensitively) with Google’s message', () => {
    const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ 'Cán bộ': [] }) });
    const ss = env.globals.SpreadsheetApp.getActive();
    expect(() => ss.insertSheet('Cán bộ')).toThrowError('A sheet with the name "Cán bộ" already exists. Please enter another name.');
    expect(() => ss.insertSheet('CÁN BỘ')).toThrowError(/already exists/);
    const mau2 = ss.insertSheet('Mẫu 2', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Mẫu 2', 'Cán bộ']);
    expect(ss.getActiveSheet()).toBe(mau2);
    expect(mau2.getIndex()).toBe(1);
    expect(() => mau2.setName('Cán bộ')).toThrowError(/already exists/);
  });

  it('the last tab cannot be deleted', () => {
    const env = createAppsScriptEnvironment();
    const ss = env.globals.SpreadsheetApp.getActive();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrowError("You can't remove all the sheets in a document.");
    const extra = ss.insertSheet();
    expect(extra.getName()).toBe('Sheet2');
    ss.deleteSheet(extra);
    expect(ss.getSheetByName('Sheet2')).toBeNull();
  });

  it('fromTabs seeds values as stored (no parsing) and sizes the grid', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`Cán bộ ${i}`, '05/06/2023', i]);
    const ss = FakeSpreadsheet.fromTabs({ 'Cán bộ': rows });
    const sheet = ss.tab('Cán bộ');
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getRange('B1').getValue()).toBe('05/06/2023');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C1500');
  });

  it('snapshot shows values, notes, formats, validations, merges, frozen rows and protections', () => {
    const env = createAppsScriptEnvironment({
      spreadsheet: FakeSpreadsheet.fromTabs({
        T: [
          ['a', 'b'],
          [1, 2],
        ],
      }),
    });
    const sheet = env.spreadsheet.tab('T');
    sheet.getRange('A1:B1').merge().setBackground('#EEEEEE').setFontWeight('bold');
    sheet.getRange('B2').setNote('Thiếu ngày');
    sheet.setFrozenRows(1);
    sheet.protect().setDescription('Bảng do dicoso tạo').setWarningOnly(true);
    const snap = sheet.snapshot();
    expect(snap.values).toEqual([
      ['a', ''],
      [1, 2],
    ]);
    expect(snap.notes).toEqual([
      ['', ''],
      ['', 'Thiếu ngày'],
    ]);
    expect(snap.backgrounds[0]).toEqual(['#eeeeee', '#eeeeee']);
    expect(snap.fontWeights).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
    ]);
    expect(snap.merges).toEqual(['A1:B1']);
    expect(snap.frozenRows).toBe(1);
    expect(snap.protections).toEqual([{ type: 'SHEET', description: 'Bảng do dicoso tạo', warningOnly: true, range: null }]);
    expect(sheet.getProtections(env.globals.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    sheet.getProtections(env.globals.SpreadsheetApp.ProtectionType.SHEET)[0]!.remove();
    expect(sheet.snapshot().protections).toEqual([]);
  });

  it('records toasts', () => {
    const env = createAppsScriptEnvironment();
    env.globals.SpreadsheetApp.getActive().toast('Đã kiểm tra 120 dòng', 'dicoso', 5);
    expect(env.spreadsheet.toasts).toEqual([{ message: 'Đã kiểm tra 120 dòng', title: 'dicoso', timeoutSeconds: 5 }]);
  });
});
