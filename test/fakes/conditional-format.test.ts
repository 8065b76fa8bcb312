import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

/** Row 1 headers; column S (19) holds the add-on's status; rows 2… the data. */
function setUp(status: string[] = ['OK', 'Lỗi: thiếu ngày', 'lỗi: trùng', '', 'Cảnh báo: quá hạn']) {
  const header = Array.from({ length: 19 }, (_, c) => (c === 18 ? 'Kết quả kiểm tra' : `Cột ${c + 1}`));
  const rows = status.map((s, r) => Array.from({ length: 19 }, (_, c) => (c === 18 ? s : c === 0 ? `Cán bộ ${r + 1}` : '')));
  const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ 'Đi cơ sở': [header, ...rows], Khác: [] }) });
  const app = env.globals.SpreadsheetApp;
  const ss = app.getActive();
  const sheet = ss.getSheetByName('Đi cơ sở')!;
  return { env, app, ss, sheet, other: ss.getSheetByName('Khác')! };
}

const RED = '#f4cccc';
const YELLOW = '#fff2cc';

function statusRules(s: ReturnType<typeof setUp>, range = 'A2:S') {
  const { app, sheet } = s;
  const target = sheet.getRange(range);
  const errors = app
    .newConditionalFormatRule()
    .whenFormulaSatisfied('=AND(N("dicoso:error")=0,LEFT($S2,4)="Lỗi:")')
    .setBackground('#F4CCCC')
    .setBold(true)
    .setRanges([target])
    .build();
  const warnings = app.newConditionalFormatRule().whenFormulaSatisfied('=LEFT($S2,9)="Cảnh báo:"').setBackground(YELLOW).setRanges([target]).build();
  sheet.setConditionalFormatRules([errors, warnings]);
  return { errors, warnings };
}

describe('building a rule: Google’s refusals', () => {
  it('no condition, no range, ranges on two sheets', () => {
    const { app, sheet, other } = setUp();
    expect(() =>
      app
        .newConditionalFormatRule()
        .setBackground(RED)
        .setRanges([sheet.getRange('A2:S10')])
        .build(),
    ).toThrowError(/must have a condition/);
    expect(() => app.newConditionalFormatRule().whenTextEqualTo('x').build()).toThrowError('The conditional format rule must contain at least one range.');
    expect(() => app.newConditionalFormatRule().whenTextEqualTo('x').setRanges([]).build()).toThrowError(/at least one range/);
    expect(() => app.newConditionalFormatRule().setRanges([sheet.getRange('A1'), other.getRange('A1')])).toThrowError(
      'All the ranges of a conditional format rule must be on the same sheet.',
    );
    expect(() => app.newConditionalFormatRule().setRanges('A1:B2' as never)).toThrowError(/method signature/);
    expect(() => app.newConditionalFormatRule().whenFormulaSatisfied(5 as never)).toThrowError(
      "The parameters (number) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied.",
    );
  });

  it('setting a rule on the wrong sheet, or one whose formula reads another sheet', () => {
    const { app, sheet, other } = setUp();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A2:A9')])
      .build();
    expect(() => other.setConditionalFormatRules([rule])).toThrowError('The conditional format rule applies to ranges on a different sheet.');
    const crossSheet = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied("=COUNTIF('Khác'!A:A,$A2)>0")
      .setRanges([sheet.getRange('A2:S')])
      .build();
    expect(() => sheet.setConditionalFormatRules([crossSheet])).toThrowError('Conditional format rule cannot reference a different sheet.');
    expect(() => sheet.setConditionalFormatRules([{}] as never)).toThrowError(/method signature for SpreadsheetApp.Sheet.setConditionalFormatRules/);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });
});

describe('rules read back as built', () => {
  it('criteria, values, format, ranges', () => {
    const s = setUp();
    statusRules(s);
    const [errors, warnings] = s.sheet.getConditionalFormatRules();
    const c = errors!.getBooleanCondition()!;
    expect(c.getCriteriaType()).toBe(s.app.BooleanCriteria.CUSTOM_FORMULA);
    expect(String(c.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(c.getCriteriaValues()).toEqual(['=AND(N("dicoso:error")=0,LEFT($S2,4)="Lỗi:")']);
    expect(c.getBackground()).toBe(RED);
    expect((c as unknown as { getBackgroundObject(): { asRgbColor(): { asHexString(): string } } }).getBackgroundObject().asRgbColor().asHexString()).toBe(RED);
    expect([c.getBold(), c.getItalic(), c.getFontColor(), c.getUnderline()]).toEqual([true, null, null, null]);
    expect(errors!.getGradientCondition()).toBeNull();
    expect(errors!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:S']);
    expect(warnings!.getBooleanCondition()!.getBold()).toBeNull();
  });

  it('text criteria and the other when… methods record their type and values', () => {
    const { app, sheet } = setUp();
    const r = [sheet.getRange('S2:S')];
    const cases: [ReturnType<typeof app.newConditionalFormatRule>, string, unknown[]][] = [
      [app.newConditionalFormatRule().whenTextStartsWith('Lỗi:'), 'TEXT_STARTS_WITH', ['Lỗi:']],
      [app.newConditionalFormatRule().whenTextEqualTo('OK'), 'TEXT_EQUAL_TO', ['OK']],
      [app.newConditionalFormatRule().whenTextContains('hạn'), 'TEXT_CONTAINS', ['hạn']],
      [app.newConditionalFormatRule().whenCellEmpty(), 'CELL_EMPTY', []],
      [app.newConditionalFormatRule().whenNumberBetween(1, 10), 'NUMBER_BETWEEN', [1, 10]],
      [app.newConditionalFormatRule().withCriteria(app.BooleanCriteria.TEXT_ENDS_WITH, ['!']), 'TEXT_ENDS_WITH', ['!']],
    ];
    for (const [builder, criteria, values] of cases) {
      const rule = builder.setRanges(r).build();
      expect([String(rule.getBooleanCondition()!.getCriteriaType()), rule.getBooleanCondition()!.getCriteriaValues()]).toEqual([criteria, values]);
    }
  });

  it('rules are values: copies change nothing already built or set', () => {
    const s = setUp();
    const { errors } = statusRules(s);
    const changed = errors
      .copy()
      .setBackground('#000000')
      .setRanges([s.sheet.getRange('B2:B')])
      .build();
    expect(errors.getBooleanCondition()!.getBackground()).toBe(RED);
    expect(changed.getBooleanCondition()!.getBold()).toBe(true);
    expect(changed.getRanges()[0]!.getA1Notation()).toBe('B2:B');
    const read = s.sheet.getConditionalFormatRules();
    expect(read[0]).not.toBe(s.sheet.getConditionalFormatRules()[0]);
    expect(s.sheet.snapshot().conditionalFormats[0]!.background).toBe(RED);
  });

  it('setConditionalFormatRules replaces them all; clearConditionalFormatRules empties', () => {
    const s = setUp();
    statusRules(s);
    const only = s.app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([s.sheet.getRange('A2:A')])
      .build();
    s.sheet.setConditionalFormatRules([only]);
    expect(s.sheet.snapshot().conditionalFormats).toEqual([
      { criteria: 'CELL_EMPTY', values: [], ranges: ['A2:A'], background: '#eeeeee', fontColor: null, bold: null, italic: null },
    ]);
    s.sheet.clearConditionalFormatRules();
    expect(s.sheet.getConditionalFormatRules()).toEqual([]);
  });
});

describe('what colour the user sees', () => {
  it('each row takes the first rule that holds, over the whole row, relative to the first range', () => {
    const s = setUp();
    statusRules(s);
    const seen = (a1: string) => s.sheet.effectiveFormat(a1);
    expect(seen('A2')).toEqual({ background: '#ffffff', fontColor: '#000000', bold: false, italic: false, rule: null }); // OK
    expect(seen('K3')).toEqual({ background: RED, fontColor: '#000000', bold: true, italic: false, rule: 0 }); // Lỗi: …
    expect(seen('S4').background).toBe(RED); // "lỗi:" — Sheets' = ignores case
    expect(seen('C5').background).toBe('#ffffff'); // empty status
    expect(seen('A6')).toMatchObject({ background: YELLOW, bold: false, rule: 1 });
    expect(seen('T3').background).toBe('#ffffff'); // outside the rule's columns
    expect(seen('K1').background).toBe('#ffffff'); // header row is outside A2:S
    expect(s.sheet.effectiveBackgrounds('R2:S3')).toEqual([
      ['#ffffff', '#ffffff'],
      [RED, RED],
    ]);
  });

  it('the order of the rules is their priority', () => {
    const s = setUp(['Lỗi: và Cảnh báo:']);
    const { app, sheet } = s;
    const range = [sheet.getRange('A2:S')];
    const any = app.newConditionalFormatRule().whenFormulaSatisfied('=$S2<>""').setBackground('#cccccc').setRanges(range);
    const err = app.newConditionalFormatRule().whenFormulaSatisfied('=LEFT($S2,4)="Lỗi:"').setBackground(RED).setRanges(range).build();
    sheet.setConditionalFormatRules([err]);
    expect(sheet.effectiveFormat('B2').background).toBe(RED);
    sheet.setConditionalFormatRules([err, any.build()]);
    expect(sheet.effectiveFormat('B2').background).toBe(RED);
    // =$S2<>"" is not a shape the fake evaluates; it says so instead of guessing.
    sheet.setConditionalFormatRules([any.build(), err]);
    expect(() => sheet.effectiveFormat('B2')).toThrowError(/cannot evaluate the conditional-format formula =\$S2<>""/);
  });

  it('a relative column reference moves with the cell; $ pins it', () => {
    const s = setUp(['x']);
    const { app, sheet } = s;
    sheet.getRange('A2:C2').setValues([['a', 'b', 'c']]);
    const rule = (formula: string) =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(RED)
        .setRanges([sheet.getRange('A2:C2')])
        .build();
    sheet.setConditionalFormatRules([rule('=A2="b"')]);
    expect(sheet.effectiveBackgrounds('A2:C2')).toEqual([['#ffffff', RED, '#ffffff']]);
    sheet.setConditionalFormatRules([rule('=$A2="a"')]);
    expect(sheet.effectiveBackgrounds('A2:C2')).toEqual([[RED, RED, RED]]);
  });

  it('a formula without its = is text, never TRUE; text criteria compare without case', () => {
    const s = setUp();
    const { app, sheet } = s;
    const noEquals = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('LEFT($S2,4)="Lỗi:"')
      .setBackground(RED)
      .setRanges([sheet.getRange('A2:S')])
      .build();
    sheet.setConditionalFormatRules([noEquals]);
    expect(sheet.effectiveFormat('A3').background).toBe('#ffffff');
    const starts = app
      .newConditionalFormatRule()
      .whenTextStartsWith('LỖI:')
      .setItalic(true)
      .setRanges([sheet.getRange('S2:S')])
      .build();
    sheet.setConditionalFormatRules([starts]);
    expect([sheet.effectiveFormat('S3').italic, sheet.effectiveFormat('S4').italic, sheet.effectiveFormat('S2').italic]).toEqual([true, true, false]);
  });

  it('a cell under a merge shows the merge’s upper-left cell', () => {
    const s = setUp();
    statusRules(s);
    s.sheet.getRange('A3:B3').merge();
    expect(s.sheet.effectiveFormat('B3').background).toBe(RED);
  });
});

describe('rules follow inserted and deleted columns and rows', () => {
  const cases: [string, (s: ReturnType<typeof setUp>) => void, string[], string][] = [
    // name, action, ranges after, formula after
    ['a column inserted before the range shifts it', ({ sheet }) => sheet.insertColumnBefore(1), ['B2:T'], '=AND(N("dicoso:error")=0,LEFT($T2,4)="Lỗi:")'],
    ['a column inserted inside grows it', ({ sheet }) => sheet.insertColumnsAfter(10, 2), ['A2:U'], '=AND(N("dicoso:error")=0,LEFT($U2,4)="Lỗi:")'],
    ['a column inserted right after it leaves it', ({ sheet }) => sheet.insertColumnAfter(19), ['A2:S'], '=AND(N("dicoso:error")=0,LEFT($S2,4)="Lỗi:")'],
    ['a person inserting a column inside', ({ sheet }) => sheet.insertColumnsAsUser(5), ['A2:T'], '=AND(N("dicoso:error")=0,LEFT($T2,4)="Lỗi:")'],
    ['deleted columns inside shrink it', ({ sheet }) => sheet.deleteColumns(3, 2), ['A2:Q'], '=AND(N("dicoso:error")=0,LEFT($Q2,4)="Lỗi:")'],
    ['deleting the status column breaks the formula', ({ sheet }) => sheet.deleteColumn(19), ['A2:R'], '=AND(N("dicoso:error")=0,LEFT(#REF!,4)="Lỗi:")'],
    ['a row inserted above shifts the rows and the formula', ({ sheet }) => sheet.insertRowBefore(1), ['A3:S'], '=AND(N("dicoso:error")=0,LEFT($S3,4)="Lỗi:")'],
    ['deleting the first data row keeps the rule as it was', ({ sheet }) => sheet.deleteRow(2), ['A2:S'], '=AND(N("dicoso:error")=0,LEFT($S2,4)="Lỗi:")'],
  ];
  it.each(cases)('%s', (_name, act, ranges, formula) => {
    const s = setUp();
    statusRules(s);
    act(s);
    const [errors] = s.sheet.getConditionalFormatRules();
    expect(errors!.getRanges().map((r) => r.getA1Notation())).toEqual(ranges);
    expect(errors!.getBooleanCondition()!.getCriteriaValues()).toEqual([formula]);
  });

  it('after a column is inserted before the status, the user still sees the same rows coloured', () => {
    const s = setUp();
    statusRules(s);
    const before = s.sheet.effectiveBackgrounds('A2:A6');
    s.sheet.insertColumnsAsUser(2, 3);
    expect(s.sheet.effectiveBackgrounds('A2:A6')).toEqual(before);
    expect(s.sheet.effectiveFormat('V3').background).toBe(RED); // the status, now in V
    s.sheet.deleteColumnsAsUser(22);
    expect(s.sheet.effectiveBackgrounds('A2:A6')).toEqual([['#ffffff'], ['#ffffff'], ['#ffffff'], ['#ffffff'], ['#ffffff']]);
  });

  it('a person deleting the first data row leaves the other rows coloured as before', () => {
    const s = setUp();
    statusRules(s);
    const before = s.sheet.effectiveBackgrounds('A3:A6');
    s.sheet.deleteRowsAsUser(2);
    expect(s.sheet.effectiveBackgrounds('A2:A5')).toEqual(before);
  });

  it('a rule whose every column is deleted disappears', () => {
    const { app, sheet } = setUp();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('C2:D9')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.deleteColumns(2, 3);
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('a range open at the bottom keeps covering rows added at the end; a closed one does not', () => {
    const { app, sheet } = setUp();
    const open = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A2:B')])
      .build();
    const closed = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange(2, 1, sheet.getMaxRows() - 1, 2)])
      .build();
    sheet.setConditionalFormatRules([open, closed]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 10);
    const [o, c] = sheet.getConditionalFormatRules();
    expect(o!.getRanges()[0]!.getLastRow()).toBe(sheet.getMaxRows());
    expect(c!.getRanges()[0]!.getLastRow()).toBe(sheet.getMaxRows() - 10);
  });
});

describe('calls are counted; the helpers are not', () => {
  it('counts builder, rule, condition and sheet calls as Spreadsheet calls', () => {
    const s = setUp();
    s.env.calls.reset();
    statusRules(s);
    expect(s.env.calls.count('ConditionalFormatRuleBuilder.')).toBe(9);
    expect(s.env.calls.count('SpreadsheetApp.newConditionalFormatRule')).toBe(2);
    expect(s.env.calls.count('Sheet.setConditionalFormatRules')).toBe(1);
    expect(s.env.calls.spreadsheet()).toBe(s.env.calls.total());
    s.env.calls.reset();
    s.sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!.getBackground();
    expect(s.env.calls.byMethod()).toEqual({
      'BooleanCondition.getBackground': 1,
      'ConditionalFormatRule.getBooleanCondition': 1,
      'Sheet.getConditionalFormatRules': 1,
    });
    s.env.calls.reset();
    s.sheet.effectiveBackgrounds('A1:S6');
    s.sheet.snapshot();
    expect(s.env.calls.total()).toBe(0);
  });
});
