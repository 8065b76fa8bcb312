import { columnLetter } from './a1';
import type { FakeContext } from './context';
import { type DimensionChange, shiftLine } from './dimension';
import { DeveloperMetadataLocationTypeEnum, DeveloperMetadataVisibilityEnum, enumName } from './enums';
import { fakeUsageError, gasError, MESSAGES } from './errors';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

type Api = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type LocationApi = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type FinderApi = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type LocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

type Implemented =
  | 'getId'
  | 'getKey'
  | 'getLocation'
  | 'getValue'
  | 'getVisibility'
  | 'moveToColumn'
  | 'moveToRow'
  | 'moveToSheet'
  | 'moveToSpreadsheet'
  | 'remove'
  | 'setKey'
  | 'setValue'
  | 'setVisibility';
type LocationImplemented = 'getColumn' | 'getLocationType' | 'getRow' | 'getSheet' | 'getSpreadsheet';
type FinderImplemented = 'find' | 'onIntersectingLocations' | 'withId' | 'withKey' | 'withLocationType' | 'withValue' | 'withVisibility';

export type LocationTypeName = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
export type VisibilityName = 'DOCUMENT' | 'PROJECT';

export type MetadataLocation = { type: 'SPREADSHEET' } | { type: 'SHEET'; sheet: FakeSheet } | { type: 'ROW' | 'COLUMN'; sheet: FakeSheet; index: number };

/** One piece of developer metadata as the spreadsheet stores it; the DeveloperMetadata objects are views of it. */
export interface MetadataRecord {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  location: MetadataLocation;
  removed: boolean;
}

/** What a snapshot shows of a piece of metadata: `location` is 'spreadsheet', 'sheet', 'column C' or 'row 3'. */
export interface MetadataSnapshot {
  key: string;
  value: string | null;
  visibility: VisibilityName;
  location: string;
}

export function describeLocation(location: MetadataLocation): string {
  switch (location.type) {
    case 'SPREADSHEET':
      return 'spreadsheet';
    case 'SHEET':
      return 'sheet';
    case 'COLUMN':
      return `column ${columnLetter(location.index)}`;
    case 'ROW':
      return `row ${location.index}`;
  }
}

export function describeMetadata(record: MetadataRecord): MetadataSnapshot {
  return { key: record.key, value: record.value, visibility: record.visibility, location: describeLocation(record.location) };
}

function locationSheet(location: MetadataLocation): FakeSheet | null {
  return location.type === 'SPREADSHEET' ? null : location.sheet;
}

/**
 * Where a row or column piece of metadata goes when rows or columns of its sheet are inserted or deleted (the Sheets
 * API reference: it stays with its row or column, and is deleted with it). Removes the deleted ones from the store.
 */
export function followDimensionChange(spreadsheet: FakeSpreadsheet, sheet: FakeSheet, change: DimensionChange): void {
  const type = change.dimension === 'ROWS' ? 'ROW' : 'COLUMN';
  for (const record of spreadsheet.developerMetadata) {
    const loc = record.location;
    if (loc.type !== type || loc.sheet !== sheet) continue;
    const moved = shiftLine(loc.index, change);
    if (moved === null) record.removed = true;
    else loc.index = moved;
  }
  spreadsheet.developerMetadata = spreadsheet.developerMetadata.filter((r) => !r.removed);
}

/**
 * addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility): the overloads are told apart
 * by type, as in Apps Script, where a visibility is an enum object and a value a string.
 */
export function metadataArguments(method: string, args: unknown[]): { key: string; value: string | null; visibility: VisibilityName } {
  const [key, second, third] = args;
  const types = args.map((a) => (typeof a === 'string' ? 'String' : enumName(a, DeveloperMetadataVisibilityEnum) ? 'DeveloperMetadataVisibility' : typeof a));
  const signature = () => gasError(MESSAGES.signature(types.join(','), method));
  if (typeof key !== 'string' || args.length < 1 || args.length > 3) throw signature();
  // The Sheets API: "Developer metadata must always have a key specified."
  if (key === '') throw gasError(MESSAGES.invalidArgument('key'));
  let value: string | null = null;
  let visibility: VisibilityName = 'DOCUMENT';
  if (args.length === 2) {
    const v = enumName(second, DeveloperMetadataVisibilityEnum);
    if (v) visibility = v as VisibilityName;
    else if (typeof second === 'string') value = second;
    else throw signature();
  } else if (args.length === 3) {
    const v = enumName(third, DeveloperMetadataVisibilityEnum);
    if (typeof second !== 'string' || !v) throw signature();
    value = second;
    visibility = v as VisibilityName;
  }
  return { key, value, visibility };
}

/** Apps Script assigns each piece a spreadsheet-wide unique positive id; the fake's are deterministic. */
export function addMetadata(
  spreadsheet: FakeSpreadsheet,
  args: { key: string; value: string | null; visibility: VisibilityName },
  location: MetadataLocation,
): MetadataRecord {
  const record: MetadataRecord = { id: spreadsheet.nextMetadataId(), ...args, location, removed: false };
  spreadsheet.developerMetadata.push(record);
  return record;
}

/** The metadata whose location is exactly this range: a whole column (`S:S`) or a whole row (`3:3`). */
export function metadataOfRange(range: FakeRange): MetadataRecord[] {
  const type = range.isWholeColumn() ? 'COLUMN' : range.isWholeRow() ? 'ROW' : null;
  if (!type) return [];
  const index = type === 'COLUMN' ? range.column : range.row;
  return range.sheet.spreadsheet.developerMetadata.filter((r) => r.location.type === type && r.location.sheet === range.sheet && r.location.index === index);
}

/** Access and modify developer metadata. Views a record of the spreadsheet's store, so it sees later changes. */
export interface FakeDeveloperMetadata extends Omit<Api, Implemented> {}
export class FakeDeveloperMetadata implements Pick<Api, Implemented> {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly record: MetadataRecord,
  ) {}

  private get ctx(): FakeContext {
    return this.spreadsheet.ctx;
  }

  private rec(method: string): MetadataRecord {
    this.ctx.calls.record(`DeveloperMetadata.${method}`);
    if (this.record.removed) {
      throw fakeUsageError(
        `developer metadata ${this.record.id} was removed (or deleted with its row, column or sheet); what Apps Script does with it then is not modelled`,
      );
    }
    return this.record;
  }

  getId(): number {
    return this.rec('getId').id;
  }
  getKey(): string {
    return this.rec('getKey').key;
  }
  getValue(): string | null {
    return this.rec('getValue').value;
  }
  getVisibility(): Visibility {
    return DeveloperMetadataVisibilityEnum[this.rec('getVisibility').visibility];
  }
  getLocation(): FakeDeveloperMetadataLocation {
    const record = this.rec('getLocation');
    return new FakeDeveloperMetadataLocation(this.spreadsheet, { ...record.location });
  }
  setKey(key: string): this {
    const record = this.rec('setKey');
    if (typeof key !== 'string') throw gasError(MESSAGES.signature(typeof key, 'SpreadsheetApp.DeveloperMetadata.setKey'));
    if (key === '') throw gasError(MESSAGES.invalidArgument('key'));
    record.key = key;
    return this;
  }
  setValue(value: string): this {
    const record = this.rec('setValue');
    if (typeof value !== 'string') throw gasError(MESSAGES.signature(typeof value, 'SpreadsheetApp.DeveloperMetadata.setValue'));
    record.value = value;
    return this;
  }
  setVisibility(visibility: Visibility): this {
    const record = this.rec('setVisibility');
    const name = enumName(visibility, DeveloperMetadataVisibilityEnum);
    if (!name) throw gasError(MESSAGES.signature(typeof visibility, 'SpreadsheetApp.DeveloperMetadata.setVisibility'));
    record.visibility = name as VisibilityName;
    return this;
  }
  /** "If the specified range does not represent a single column this throws an exception" (reference). */
  moveToColumn(column: FakeRange): this {
    const record = this.rec('moveToColumn');
    this.checkOwnRange(column, 'moveToColumn');
    if (!column.isWholeColumn()) throw gasError(MESSAGES.metadataNotSingleColumn);
    record.location = { type: 'COLUMN', sheet: column.sheet, index: column.column };
    return this;
  }
  moveToRow(row: FakeRange): this {
    const record = this.rec('moveToRow');
    this.checkOwnRange(row, 'moveToRow');
    if (!row.isWholeRow()) throw gasError(MESSAGES.metadataNotSingleRow);
    record.location = { type: 'ROW', sheet: row.sheet, index: row.row };
    return this;
  }
  moveToSheet(sheet: FakeSheet): this {
    const record = this.rec('moveToSheet');
    if (!sheet || typeof sheet !== 'object' || !this.spreadsheet.sheets.includes(sheet)) {
      throw gasError(MESSAGES.signature(typeof sheet, 'SpreadsheetApp.DeveloperMetadata.moveToSheet'));
    }
    record.location = { type: 'SHEET', sheet };
    return this;
  }
  moveToSpreadsheet(): this {
    const record = this.rec('moveToSpreadsheet');
    record.location = { type: 'SPREADSHEET' };
    return this;
  }
  remove(): void {
    const record = this.rec('remove');
    record.removed = true;
    this.spreadsheet.developerMetadata = this.spreadsheet.developerMetadata.filter((r) => r !== record);
  }

  private checkOwnRange(range: FakeRange, method: string): void {
    if (!range || typeof range !== 'object' || typeof range.isWholeColumn !== 'function' || range.sheet.spreadsheet !== this.spreadsheet) {
      throw gasError(MESSAGES.signature(typeof range, `SpreadsheetApp.DeveloperMetadata.${method}`));
    }
  }
}

/**
 * Where a piece of metadata lives. Each getter answers only for its own location type, null otherwise (reference:
 * getSheet() "Returns the Sheet location of this metadata, or null if the location type is not
 * DeveloperMetadataLocationType.SHEET"; so a column's metadata has no sheet here: use getColumn().getSheet()).
 */
export interface FakeDeveloperMetadataLocation extends Omit<LocationApi, LocationImplemented> {}
export class FakeDeveloperMetadataLocation implements Pick<LocationApi, LocationImplemented> {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly location: MetadataLocation,
  ) {}

  private rec(method: string): void {
    this.spreadsheet.ctx.calls.record(`DeveloperMetadataLocation.${method}`);
  }

  getLocationType(): LocationType {
    this.rec('getLocationType');
    return DeveloperMetadataLocationTypeEnum[this.location.type];
  }
  /** The whole column as a Range (`S:S`), or null. */
  getColumn(): FakeRange | null {
    this.rec('getColumn');
    const loc = this.location;
    return loc.type === 'COLUMN' ? loc.sheet.wholeColumn(loc.index) : null;
  }
  /** The whole row as a Range (`3:3`), or null. */
  getRow(): FakeRange | null {
    this.rec('getRow');
    const loc = this.location;
    return loc.type === 'ROW' ? loc.sheet.wholeRow(loc.index) : null;
  }
  getSheet(): FakeSheet | null {
    this.rec('getSheet');
    return this.location.type === 'SHEET' ? this.location.sheet : null;
  }
  getSpreadsheet(): FakeSpreadsheet | null {
    this.rec('getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.spreadsheet : null;
  }
}

export type FinderScope = { kind: 'spreadsheet' } | { kind: 'sheet'; sheet: FakeSheet } | { kind: 'range'; range: FakeRange };

/**
 * Searches a scope, as the reference defines them: a spreadsheet's finder sees everything; a sheet's sees "metadata
 * … associated with the sheet itself, or associated with a row, column, or range on that sheet"; a range's sees
 * metadata "wholly contained within that range" ("metadata associated with the row '3:3' is not in the scope of a
 * range 'A1:D5' but is within the scope of a range '1:5'"). onIntersectingLocations() widens a range's search to
 * rows and columns that cross it; the reference says it is "only valid with range-scoped searches", and what Apps
 * Script does with it on a sheet or spreadsheet finder is not modelled.
 */
export interface FakeDeveloperMetadataFinder extends Omit<FinderApi, FinderImplemented> {}
export class FakeDeveloperMetadataFinder implements Pick<FinderApi, FinderImplemented> {
  private readonly filters: ((r: MetadataRecord) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly scope: FinderScope,
  ) {}

  private rec(method: string): void {
    this.spreadsheet.ctx.calls.record(`DeveloperMetadataFinder.${method}`);
  }

  private signature(value: unknown, method: string): Error {
    return gasError(MESSAGES.signature(typeof value, `SpreadsheetApp.DeveloperMetadataFinder.${method}`));
  }

  find(): FakeDeveloperMetadata[] {
    this.rec('find');
    return this.spreadsheet.developerMetadata
      .filter((r) => this.inScope(r) && this.filters.every((f) => f(r)))
      .map((r) => new FakeDeveloperMetadata(this.spreadsheet, r));
  }
  onIntersectingLocations(): this {
    this.rec('onIntersectingLocations');
    if (this.scope.kind !== 'range') {
      throw fakeUsageError(
        'onIntersectingLocations() on a sheet or spreadsheet finder is not modelled (the reference: "only valid with range-scoped searches")',
      );
    }
    this.intersecting = true;
    return this;
  }
  withId(id: number): this {
    this.rec('withId');
    if (typeof id !== 'number') throw this.signature(id, 'withId');
    this.filters.push((r) => r.id === id);
    return this;
  }
  withKey(key: string): this {
    this.rec('withKey');
    if (typeof key !== 'string') throw this.signature(key, 'withKey');
    this.filters.push((r) => r.key === key);
    return this;
  }
  withValue(value: string): this {
    this.rec('withValue');
    if (typeof value !== 'string') throw this.signature(value, 'withValue');
    this.filters.push((r) => r.value === value);
    return this;
  }
  withLocationType(locationType: LocationType): this {
    this.rec('withLocationType');
    const name = enumName(locationType, DeveloperMetadataLocationTypeEnum);
    if (!name) throw this.signature(locationType, 'withLocationType');
    this.filters.push((r) => r.location.type === name);
    return this;
  }
  withVisibility(visibility: Visibility): this {
    this.rec('withVisibility');
    const name = enumName(visibility, DeveloperMetadataVisibilityEnum);
    if (!name) throw this.signature(visibility, 'withVisibility');
    this.filters.push((r) => r.visibility === name);
    return this;
  }

  private inScope(record: MetadataRecord): boolean {
    const scope = this.scope;
    const loc = record.location;
    if (scope.kind === 'spreadsheet') return true;
    if (scope.kind === 'sheet') return locationSheet(loc) === scope.sheet;
    const range = scope.range;
    if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return false;
    if (loc.sheet !== range.sheet) return false;
    const rowsCovered = range.row === 1 && range.numRows === range.sheet.maxRows;
    const columnsCovered = range.column === 1 && range.numColumns === range.sheet.maxColumns;
    const inRows = loc.index >= range.row && loc.index < range.row + range.numRows;
    const inColumns = loc.index >= range.column && loc.index < range.column + range.numColumns;
    if (loc.type === 'ROW') return inRows && (this.intersecting || columnsCovered);
    return inColumns && (this.intersecting || rowsCovered);
  }
}
