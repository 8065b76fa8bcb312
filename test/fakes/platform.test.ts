import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet, SCOPES } from './index';

/**
 * The fakes' model of what docs/apps-script-assumptions.md lists: scopes, both deployments' time-driven triggers,
 * formulas in the spreadsheet's locale (and read through a filter), and the readings of what Google leaves open.
 */

describe('scopes: a call whose scope was not granted is refused, and recorded', () => {
  const without = (scope: string) => createAppsScriptEnvironment({ scopes: Object.values(SCOPES).filter((s) => s !== scope) });

  it.each([
    ['script.send_mail', SCOPES.mail, (e: ReturnType<typeof without>) => e.globals.MailApp.getRemainingDailyQuota(), 'MailApp.getRemainingDailyQuota'],
    ['script.scriptapp', SCOPES.triggers, (e: ReturnType<typeof without>) => e.globals.ScriptApp.getProjectTriggers(), 'ScriptApp.getProjectTriggers'],
    ['script.container.ui', SCOPES.ui, (e: ReturnType<typeof without>) => e.globals.SpreadsheetApp.getUi(), 'SpreadsheetApp.getUi'],
  ])('without %s', (_name, scope, call, method) => {
    const env = without(scope);
    expect(() => call(env)).toThrowError(`You do not have permission to call ${method}. Required permissions: ${scope}`);
    expect(env.refusals).toEqual([{ method, scopes: [scope] }]);
  });

  it('without userinfo.email the addresses read as blank strings', () => {
    const env = without(SCOPES.email);
    expect(env.globals.Session.getActiveUser().getEmail()).toBe('');
    expect(env.globals.Session.getEffectiveUser().getEmail()).toBe('');
    expect(env.refusals.map((r) => r.scopes)).toEqual([[SCOPES.email], [SCOPES.email]]);
  });

  it('the spreadsheet opens with either spreadsheets scope; opening it by id needs the full one', () => {
    const current = createAppsScriptEnvironment({ scopes: [SCOPES.spreadsheet] });
    expect(current.globals.SpreadsheetApp.getActive()).toBe(current.spreadsheet);
    expect(() => current.globals.SpreadsheetApp.openById(current.spreadsheet.id)).toThrowError(
      /Required permissions: https:\/\/www.googleapis.com\/auth\/spreadsheets$/,
    );
    const full = createAppsScriptEnvironment({ scopes: [SCOPES.spreadsheets] });
    expect(full.globals.SpreadsheetApp.openById(full.spreadsheet.id)).toBe(full.spreadsheet);
    expect(() => full.globals.SpreadsheetApp.openById('another')).toThrowError(/openById/);
  });

  it('getAuthorizationInfo says which of the asked scopes were granted', () => {
    const env = createAppsScriptEnvironment({ scopes: [SCOPES.spreadsheets], manifestScopes: [SCOPES.spreadsheets, SCOPES.mail] });
    const app = env.globals.ScriptApp;
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(String(info.getAuthorizationStatus())).toBe('REQUIRED');
    expect(info.getAuthorizedScopes()).toEqual([SCOPES.spreadsheets]);
    expect(app.getAuthorizationInfo(app.AuthMode.FULL, [SCOPES.mail]).getAuthorizedScopes()).toEqual([]);
  });
});

describe('a time-driven trigger’s execution, per deployment', () => {
  const run = (deployment: 'bound' | 'addon') => {
    const env = createAppsScriptEnvironment({ deployment, now: () => new Date(Date.UTC(2023, 10, 15, 3)) });
    env.globals.ScriptApp.newTrigger('probe').timeBased().after(60_000).create();
    const seen: unknown[] = [];
    env.triggers.advanceClock(120_000, {
      probe: () =>
        seen.push([
          env.globals.SpreadsheetApp.getActive() === env.spreadsheet,
          env.globals.LockService.getDocumentLock() !== null,
          env.globals.PropertiesService.getDocumentProperties() !== null,
        ]),
    });
    // Outside the trigger, everything is there again.
    expect(env.globals.SpreadsheetApp.getActive()).toBe(env.spreadsheet);
    return seen;
  };

  it('a bound script has its container, its lock and its properties', () => {
    expect(run('bound')).toEqual([[true, true, true]]);
  });

  it('an Editor add-on has no active spreadsheet and no document lock; its document properties are there', () => {
    expect(run('addon')).toEqual([[false, false, true]]);
  });
});

describe('formulas are read in the spreadsheet’s locale, and a filter shows their result', () => {
  const cases: [string, string, 'locale' | 'en_US' | 'none', string, boolean][] = [
    ['vi_VN, “;”', 'vi_VN', 'locale', '=AND(N("x")=0;LEFT($B2;3)="Lỗi")', true],
    ['vi_VN, “,” is a parse error', 'vi_VN', 'locale', '=AND(N("x")=0,LEFT($B2,3)="Lỗi")', false],
    ['en_US, “,”', 'en_US', 'locale', '=AND(N("x")=0,LEFT($B2,3)="Lỗi")', true],
    ['vi_VN read as en_US, “,”', 'vi_VN', 'en_US', '=AND(N("x")=0,LEFT($B2,3)="Lỗi")', true],
    ['no formula holds', 'vi_VN', 'none', '=AND(N("x")=0;LEFT($B2;3)="Lỗi")', false],
  ];
  it.each(cases)('%s', (_name, locale, formulaSyntax, formula, holds) => {
    const ss = FakeSpreadsheet.fromTabs(
      {
        T: [
          ['Tên', 'Kết quả'],
          ['A', 'Lỗi: thử'],
          ['B', 'Hợp lệ'],
        ],
      },
      { locale, timeZone: 'Asia/Ho_Chi_Minh', undocumented: { formulaSyntax } },
    );
    const env = createAppsScriptEnvironment({ spreadsheet: ss });
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('T')!;
    const filter = sheet.getRange(1, 1, 3, 2).createFilter();
    filter.setColumnFilterCriteria(2, env.globals.SpreadsheetApp.newFilterCriteria().whenFormulaSatisfied(formula).build());
    expect([sheet.isRowHiddenByFilter(1), sheet.isRowHiddenByFilter(2), sheet.isRowHiddenByFilter(3)]).toEqual([false, !holds, true]);
    expect(() => sheet.getRange(1, 1, 2, 2).createFilter()).toThrowError(/already has a filter/);
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('what Google leaves open, read the way that can fool the add-on (and the other way on demand)', () => {
  it('clear() keeps merged cells by default', () => {
    for (const clearKeepsMerges of [true, false]) {
      const ss = new FakeSpreadsheet({ undocumented: { clearKeepsMerges } });
      const sheet = createAppsScriptEnvironment({ spreadsheet: ss }).globals.SpreadsheetApp.getActive().getSheets()[0]!;
      sheet.getRange('A1:C1').merge();
      sheet.clear();
      expect(sheet.getRange('A1:C1').getMergedRanges().length).toBe(clearKeepsMerges ? 1 : 0);
    }
  });

  it('a copy of a sheet is “Copy of …”, and carries its developer metadata by default', () => {
    for (const copiesKeepMetadata of [true, false]) {
      const ss = new FakeSpreadsheet({ undocumented: { copiesKeepMetadata } });
      const app = createAppsScriptEnvironment({ spreadsheet: ss }).globals.SpreadsheetApp;
      const sheet = app.getActive().getSheets()[0]!;
      sheet.addDeveloperMetadata('k', 'v');
      const copy = sheet.copyTo(app.getActive());
      expect(copy.getName()).toBe('Copy of Sheet1');
      expect(copy.getSheetId()).not.toBe(sheet.getSheetId());
      expect(copy.getDeveloperMetadata().length).toBe(copiesKeepMetadata ? 1 : 0);
      expect(ss.duplicateAsUser('Sheet1').name).toBe('Bản sao của Sheet1');
    }
  });

  it('a rule range open at the bottom stays open by default, and grows with the sheet', () => {
    for (const openRuleRanges of [true, false]) {
      const ss = new FakeSpreadsheet({ undocumented: { openRuleRanges } });
      const app = createAppsScriptEnvironment({ spreadsheet: ss }).globals.SpreadsheetApp;
      const sheet = app.getActive().getSheets()[0]!;
      sheet.setConditionalFormatRules([
        app
          .newConditionalFormatRule()
          .whenTextStartsWith('x')
          .setBackground('#ff0000')
          .setRanges([sheet.getRange('A2:B')])
          .build(),
      ]);
      expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe(openRuleRanges ? 'A2:B' : 'A2:B1000');
    }
  });
});

describe('Sheets’ grid limits', () => {
  it('18,278 columns (ZZZ) and 10 million cells', () => {
    const env = createAppsScriptEnvironment();
    const sheet = env.globals.SpreadsheetApp.getActive().getSheets()[0]!;
    expect(() => sheet.insertColumnsAfter(26, 18_278 - 26 + 1)).toThrowError(
      'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    );
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrowError(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    sheet.insertRowsAfter(1000, 383_000);
    expect(() => env.globals.SpreadsheetApp.getActive().insertSheet('Thêm')).toThrowError(/above the limit of 10000000 cells/);
  });
});
