import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function setUp() {
  const env = createAppsScriptEnvironment({
    spreadsheet: FakeSpreadsheet.fromTabs({ 'Đi cơ sở': [['Họ tên', 'Ngày đi']], 'Cán bộ': [['Họ tên']] }),
  });
  const app = env.globals.SpreadsheetApp;
  const ss = app.getActive();
  const trips = ss.getSheetByName('Đi cơ sở')!;
  const roster = ss.getSheetByName('Cán bộ')!;
  return { env, app, ss, trips, roster };
}

describe('Range.addDeveloperMetadata: only a whole row or column, written as one', () => {
  const refused: [string, (s: ReturnType<typeof setUp>) => unknown][] = [
    ['a block (B2:D4)', ({ trips }) => trips.getRange('B2:D4')],
    ['part of a row (B6:D6)', ({ trips }) => trips.getRange('B6:D6')],
    ['part of a column (F2:F5)', ({ trips }) => trips.getRange('F2:F5')],
    ['a single cell', ({ trips }) => trips.getRange('A1')],
    ['two whole columns (S:T)', ({ trips }) => trips.getRange('S:T')],
    ['two whole rows (2:3)', ({ trips }) => trips.getRange('2:3')],
    ['a column open only at the bottom (S2:S)', ({ trips }) => trips.getRange('S2:S')],
    // An Apps Script project reports this form refused although it covers the whole row; see FakeRange.isWholeColumn.
    ['the same cells as S:S, made from numbers', ({ trips }) => trips.getRange(1, 19, trips.getMaxRows(), 1)],
    ['the same cells as 3:3, made from numbers', ({ trips }) => trips.getRange(3, 1, 1, trips.getMaxColumns())],
  ];
  it.each(refused)('refuses %s with Google’s message', (_name, range) => {
    const s = setUp();
    const r = range(s) as ReturnType<typeof s.trips.getRange>;
    expect(() => r.addDeveloperMetadata('dicoso.status')).toThrowError(ARBITRARY);
    try {
      r.addDeveloperMetadata('dicoso.status');
    } catch (e) {
      expect(String(e)).toBe(`Exception: ${ARBITRARY}`);
    }
    expect(s.ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });

  it('accepts S:S and 3:3 and returns the range for chaining', () => {
    const { trips } = setUp();
    const column = trips.getRange('S:S');
    expect(column.addDeveloperMetadata('dicoso.status', 'v1')).toBe(column);
    const row = trips.getRange('3:3');
    expect(row.addDeveloperMetadata('dicoso.row')).toBe(row);
    expect(trips.snapshot().developerMetadata).toEqual([
      { key: 'dicoso.status', value: 'v1', visibility: 'DOCUMENT', location: 'column S' },
      { key: 'dicoso.row', value: null, visibility: 'DOCUMENT', location: 'row 3' },
    ]);
  });

  it('whole-row and whole-column ranges read back as Sheets writes them', () => {
    const { trips } = setUp();
    const cases: [string, string, boolean[]][] = [
      // A1 given, A1 read back, [startRow, endRow, startColumn, endColumn] bounded (gas-fakes, live-tested)
      ['D:F', 'D:F', [false, false, true, true]],
      ['5:7', '5:7', [true, true, false, false]],
      ['B2:D5', 'B2:D5', [true, true, true, true]],
      ['A2:C', 'A2:C', [true, false, true, true]],
      ['S:S', 'S:S', [false, false, true, true]],
    ];
    for (const [given, back, bounds] of cases) {
      const r = trips.getRange(given);
      expect(r.getA1Notation()).toBe(back);
      expect([r.isStartRowBounded(), r.isEndRowBounded(), r.isStartColumnBounded(), r.isEndColumnBounded()]).toEqual(bounds);
    }
    expect(trips.getRange('D:F').getNumRows()).toBe(trips.getMaxRows());
  });
});

describe('addDeveloperMetadata overloads are told apart by type', () => {
  it('key; key, value; key, visibility; key, value, visibility', () => {
    const { app, ss, trips } = setUp();
    const V = app.DeveloperMetadataVisibility;
    ss.addDeveloperMetadata('a');
    ss.addDeveloperMetadata('b', 'PROJECT'); // a string is a value, even one that spells an enum name
    ss.addDeveloperMetadata('c', V.PROJECT);
    trips.addDeveloperMetadata('d', 'giá trị', V.PROJECT);
    expect(ss.metadataSnapshot()).toEqual([
      { key: 'a', value: null, visibility: 'DOCUMENT', location: 'spreadsheet', tab: null },
      { key: 'b', value: 'PROJECT', visibility: 'DOCUMENT', location: 'spreadsheet', tab: null },
      { key: 'c', value: null, visibility: 'PROJECT', location: 'spreadsheet', tab: null },
      { key: 'd', value: 'giá trị', visibility: 'PROJECT', location: 'sheet', tab: 'Đi cơ sở' },
    ]);
  });

  it('anything else is a signature error; an empty key is refused', () => {
    const { ss, trips } = setUp();
    expect(() => ss.addDeveloperMetadata('k', 5 as never)).toThrowError(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Spreadsheet.addDeveloperMetadata.",
    );
    expect(() => trips.addDeveloperMetadata(7 as never)).toThrowError(/don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata/);
    expect(() => trips.getRange('S:S').addDeveloperMetadata('k', 'v', 'PROJECT' as never)).toThrowError(/method signature/);
    expect(() => trips.addDeveloperMetadata('')).toThrowError('Invalid argument: key');
  });
});

describe('getDeveloperMetadata: only what is associated with that very object', () => {
  it('spreadsheet, sheet, column and row each see their own', () => {
    const { ss, trips, roster } = setUp();
    ss.addDeveloperMetadata('file');
    trips.addDeveloperMetadata('tab');
    trips.getRange('S:S').addDeveloperMetadata('status');
    trips.getRange('4:4').addDeveloperMetadata('row');
    roster.addDeveloperMetadata('other tab');
    const keys = (list: { getKey(): string }[]) => list.map((m) => m.getKey());
    expect(keys(ss.getDeveloperMetadata())).toEqual(['file']);
    expect(keys(trips.getDeveloperMetadata())).toEqual(['tab']);
    expect(keys(trips.getRange('S:S').getDeveloperMetadata())).toEqual(['status']);
    expect(keys(trips.getRange('4:4').getDeveloperMetadata())).toEqual(['row']);
    // A cell of the column, a wider range, or the same cells made from numbers see nothing.
    expect(trips.getRange('S7').getDeveloperMetadata()).toEqual([]);
    expect(trips.getRange('R:S').getDeveloperMetadata()).toEqual([]);
    expect(trips.getRange(1, 19, trips.getMaxRows(), 1).getDeveloperMetadata()).toEqual([]);
  });
});

describe('finders search the documented scopes', () => {
  function withEverything() {
    const s = setUp();
    s.ss.addDeveloperMetadata('file', 'f');
    s.trips.addDeveloperMetadata('tab', 'generated');
    s.trips.getRange('S:S').addDeveloperMetadata('status', 'v1');
    s.trips.getRange('3:3').addDeveloperMetadata('row', 'r3');
    s.roster.getRange('C:C').addDeveloperMetadata('status', 'v1');
    return s;
  }
  const keysOf = (list: { getKey(): string; getValue(): string | null }[]) => list.map((m) => `${m.getKey()}=${m.getValue()}`);

  it('the spreadsheet’s finds everything; a sheet’s finds the sheet, its rows and its columns', () => {
    const { ss, trips, roster } = withEverything();
    expect(keysOf(ss.createDeveloperMetadataFinder().find())).toEqual(['file=f', 'tab=generated', 'status=v1', 'row=r3', 'status=v1']);
    expect(keysOf(trips.createDeveloperMetadataFinder().find())).toEqual(['tab=generated', 'status=v1', 'row=r3']);
    expect(keysOf(roster.createDeveloperMetadataFinder().find())).toEqual(['status=v1']);
  });

  it('a range’s finds what it wholly contains: row 3 is in 1:5 but not in A1:D5', () => {
    const { trips } = withEverything();
    expect(keysOf(trips.getRange('1:5').createDeveloperMetadataFinder().find())).toEqual(['row=r3']);
    expect(keysOf(trips.getRange('A1:D5').createDeveloperMetadataFinder().find())).toEqual([]);
    expect(keysOf(trips.getRange('R:T').createDeveloperMetadataFinder().find())).toEqual(['status=v1']);
    expect(keysOf(trips.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find())).toEqual(['row=r3']);
    expect(keysOf(trips.getRange('S9').createDeveloperMetadataFinder().onIntersectingLocations().find())).toEqual(['status=v1']);
  });

  it('filters combine; onIntersectingLocations is for ranges only', () => {
    const { app, ss, trips } = withEverything();
    const T = app.DeveloperMetadataLocationType;
    const found = ss.createDeveloperMetadataFinder().withKey('status').withLocationType(T.COLUMN).find();
    expect(found.map((m) => m.getLocation().getColumn()!.getSheet().getName())).toEqual(['Đi cơ sở', 'Cán bộ']);
    expect(trips.createDeveloperMetadataFinder().withKey('status').withValue('v2').find()).toEqual([]);
    const id = found[1]!.getId();
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withId(id)
        .find()
        .map((m) => m.getId()),
    ).toEqual([id]);
    expect(ss.createDeveloperMetadataFinder().withVisibility(app.DeveloperMetadataVisibility.PROJECT).find()).toEqual([]);
    expect(() => trips.createDeveloperMetadataFinder().onIntersectingLocations()).toThrowError(/not modelled/);
    expect(() => ss.createDeveloperMetadataFinder().withLocationType('COLUMN' as never)).toThrowError(/method signature/);
  });
});

describe('DeveloperMetadata and its location', () => {
  it('reads, changes and removes', () => {
    const { app, trips } = setUp();
    trips.getRange('S:S').addDeveloperMetadata('status');
    const [m] = trips.createDeveloperMetadataFinder().find();
    expect(Number.isInteger(m!.getId()) && m!.getId() > 0).toBe(true);
    expect(m!.getKey()).toBe('status');
    expect(m!.getValue()).toBeNull();
    expect(m!.getVisibility()).toBe(app.DeveloperMetadataVisibility.DOCUMENT);
    m!.setKey('dicoso.status').setValue('v2');
    const [again] = trips.getRange('S:S').getDeveloperMetadata();
    expect([again!.getKey(), again!.getValue(), again!.getId()]).toEqual(['dicoso.status', 'v2', m!.getId()]);
    again!.remove();
    expect(trips.getRange('S:S').getDeveloperMetadata()).toEqual([]);
    expect(() => m!.getKey()).toThrowError(/was removed/);
  });

  it('ids are unique across the file', () => {
    const { ss, trips } = setUp();
    for (let i = 0; i < 50; i++) trips.getRange(`${i + 1}:${i + 1}`).addDeveloperMetadata('r');
    const ids = ss
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getId());
    expect(new Set(ids).size).toBe(50);
  });

  it('each location getter answers only for its own type, as the reference says', () => {
    const { app, ss, trips } = setUp();
    const T = app.DeveloperMetadataLocationType;
    ss.addDeveloperMetadata('file');
    trips.addDeveloperMetadata('tab');
    trips.getRange('S:S').addDeveloperMetadata('column');
    trips.getRange('2:2').addDeveloperMetadata('row');
    const [file, tab, column, row] = ss
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getLocation());
    expect(file!.getLocationType()).toBe(T.SPREADSHEET);
    expect(file!.getSpreadsheet()).toBe(ss);
    expect([file!.getSheet(), file!.getColumn(), file!.getRow()]).toEqual([null, null, null]);
    expect(tab!.getLocationType()).toBe(T.SHEET);
    expect(tab!.getSheet()).toBe(trips);
    expect(column!.getLocationType()).toBe(T.COLUMN);
    expect(column!.getColumn()!.getA1Notation()).toBe('S:S');
    expect(column!.getSheet()).toBeNull(); // not SHEET: use getColumn().getSheet()
    expect(column!.getColumn()!.getSheet()).toBe(trips);
    expect(row!.getLocationType()).toBe(T.ROW);
    expect(row!.getRow()!.getA1Notation()).toBe('2:2');
    expect(row!.getColumn()).toBeNull();
  });

  it('enum members are objects that print as their names, not strings', () => {
    const { app, trips } = setUp();
    trips.getRange('S:S').addDeveloperMetadata('status');
    const type = trips.createDeveloperMetadataFinder().find()[0]!.getLocation().getLocationType();
    expect(type).toBe(app.DeveloperMetadataLocationType.COLUMN);
    expect(type).not.toBe('COLUMN');
    expect(String(type)).toBe('COLUMN');
    expect(JSON.stringify({ type })).toBe('{"type":"COLUMN"}');
  });

  it('moves to a whole column, a row, a sheet or the spreadsheet, and refuses anything else', () => {
    const { ss, trips, roster } = setUp();
    trips.getRange('S:S').addDeveloperMetadata('status');
    const [m] = ss.createDeveloperMetadataFinder().find();
    m!.moveToColumn(trips.getRange('T:T'));
    expect(trips.snapshot().developerMetadata[0]!.location).toBe('column T');
    expect(() => m!.moveToColumn(trips.getRange('T1:T10'))).toThrowError('The range must represent a single column.');
    expect(() => m!.moveToRow(trips.getRange('A2:B2'))).toThrowError('The range must represent a single row.');
    m!.moveToRow(trips.getRange('2:2'));
    expect(trips.snapshot().developerMetadata[0]!.location).toBe('row 2');
    m!.moveToSheet(roster);
    expect(roster.snapshot().developerMetadata[0]!.location).toBe('sheet');
    m!.moveToSpreadsheet();
    expect(ss.metadataSnapshot()[0]!.location).toBe('spreadsheet');
  });
});

describe('metadata stays with its column or row and dies with it', () => {
  const columnCases: [string, (s: ReturnType<typeof setUp>) => void, string | null][] = [
    ['insertColumnBefore(19) pushes it right', ({ trips }) => trips.insertColumnBefore(19), 'column T'],
    ['insertColumnsBefore(1, 3)', ({ trips }) => trips.insertColumnsBefore(1, 3), 'column V'],
    ['insertColumns(5, 2)', ({ trips }) => trips.insertColumns(5, 2), 'column U'],
    ['insertColumnAfter(18)', ({ trips }) => trips.insertColumnAfter(18), 'column T'],
    ['insertColumnsAfter(19, 4) leaves it', ({ trips }) => trips.insertColumnsAfter(19, 4), 'column S'],
    ['deleteColumn(2) pulls it left', ({ trips }) => trips.deleteColumn(2), 'column R'],
    ['deleteColumns(20, 3) leaves it', ({ trips }) => trips.deleteColumns(20, 3), 'column S'],
    ['deleteColumns(18, 2) deletes it with column S', ({ trips }) => trips.deleteColumns(18, 2), null],
    ['a person inserting two columns before it', ({ trips }) => trips.insertColumnsAsUser(3, 2), 'column U'],
    ['a person deleting column S', ({ trips }) => trips.deleteColumnsAsUser(19), null],
  ];
  it.each(columnCases)('%s', (_name, act, location) => {
    const s = setUp();
    s.trips.getRange('S:S').addDeveloperMetadata('dicoso.status');
    act(s);
    const found = s.trips.createDeveloperMetadataFinder().withKey('dicoso.status').find();
    expect(found.map((m) => `column ${m.getLocation().getColumn()!.getA1Notation().split(':')[0]}`)).toEqual(location ? [location] : []);
    expect(s.trips.snapshot().developerMetadata.map((m) => m.location)).toEqual(location ? [location] : []);
  });

  const rowCases: [string, (s: ReturnType<typeof setUp>) => void, string | null][] = [
    ['insertRowBefore(5)', ({ trips }) => trips.insertRowBefore(5), 'row 6'],
    ['insertRowsAfter(1, 2)', ({ trips }) => trips.insertRowsAfter(1, 2), 'row 7'],
    ['insertRows(6)', ({ trips }) => trips.insertRows(6), 'row 5'],
    ['deleteRow(2)', ({ trips }) => trips.deleteRow(2), 'row 4'],
    ['deleteRows(5, 2)', ({ trips }) => trips.deleteRows(5, 2), null],
    ['a person inserting a row above it', ({ trips }) => trips.insertRowsAsUser(1), 'row 6'],
    ['a person deleting it', ({ trips }) => trips.deleteRowsAsUser(5), null],
  ];
  it.each(rowCases)('%s', (_name, act, location) => {
    const s = setUp();
    s.trips.getRange('5:5').addDeveloperMetadata('row');
    act(s);
    expect(s.trips.snapshot().developerMetadata.map((m) => m.location)).toEqual(location ? [location] : []);
  });

  it('metadata of another sheet does not move', () => {
    const { trips, roster } = setUp();
    roster.getRange('C:C').addDeveloperMetadata('status');
    trips.insertColumnsBefore(1, 2);
    expect(roster.snapshot().developerMetadata[0]!.location).toBe('column C');
  });

  it('deleting a sheet deletes its metadata; the spreadsheet’s stays', () => {
    const { ss, trips } = setUp();
    ss.addDeveloperMetadata('file');
    trips.addDeveloperMetadata('tab');
    trips.getRange('S:S').addDeveloperMetadata('status');
    ss.deleteSheet(trips);
    expect(ss.metadataSnapshot().map((m) => m.key)).toEqual(['file']);
  });
});

describe('calls are counted like every other Spreadsheet call; a person’s actions are not', () => {
  it('counts', () => {
    const { env, trips } = setUp();
    env.calls.reset();
    trips.getRange('S:S').addDeveloperMetadata('status');
    const finder = trips.createDeveloperMetadataFinder().withKey('status');
    const [m] = finder.find();
    m!.getLocation().getColumn();
    expect(env.calls.byMethod()).toEqual({
      'DeveloperMetadata.getLocation': 1,
      'DeveloperMetadataFinder.find': 1,
      'DeveloperMetadataFinder.withKey': 1,
      'DeveloperMetadataLocation.getColumn': 1,
      'Range.addDeveloperMetadata': 1,
      'Sheet.createDeveloperMetadataFinder': 1,
      'Sheet.getRange': 1,
    });
    expect(env.calls.spreadsheet()).toBe(7);
    env.calls.reset();
    trips.insertColumnsAsUser(1);
    trips.deleteColumnsAsUser(1);
    trips.snapshot();
    expect(env.calls.total()).toBe(0);
  });
});
