import { describe, expect, it } from 'vitest';
import { type DimensionChange, referencedSheets, shiftFormula, shiftLine, shiftSpan, type Span } from './dimension';

const insertColumns = (at: number, count = 1): DimensionChange => ({ dimension: 'COLUMNS', kind: 'insert', at, count });
const deleteColumns = (at: number, count = 1): DimensionChange => ({ dimension: 'COLUMNS', kind: 'delete', at, count });
const insertRows = (at: number, count = 1): DimensionChange => ({ dimension: 'ROWS', kind: 'insert', at, count });
const deleteRows = (at: number, count = 1): DimensionChange => ({ dimension: 'ROWS', kind: 'delete', at, count });

describe('a line (the row or column of a piece of metadata)', () => {
  const cases: [string, number, DimensionChange, number | null][] = [
    ['insert before it: moves', 19, insertColumns(19), 20],
    ['insert well before it: moves by the count', 19, insertColumns(2, 3), 22],
    ['insert after it: stays', 19, insertColumns(20), 19],
    ['delete before it: moves back', 19, deleteColumns(2, 2), 17],
    ['delete it: gone', 19, deleteColumns(18, 3), null],
    ['delete after it: stays', 19, deleteColumns(20, 5), 19],
  ];
  it.each(cases)('%s', (_name, line, change, expected) => {
    expect(shiftLine(line, change)).toBe(expected);
  });
});

describe('a span (a conditional-format range along one dimension)', () => {
  const K_S: Span = { start: 11, end: 19, startBounded: true };
  const cases: [string, Span, DimensionChange, Span | null][] = [
    ['insert before it: shifts', K_S, insertColumns(3, 2), { start: 13, end: 21, startBounded: true }],
    ['insert at its first column: shifts', K_S, insertColumns(11), { start: 12, end: 20, startBounded: true }],
    ['insert inside it: grows', K_S, insertColumns(15, 2), { start: 11, end: 21, startBounded: true }],
    ['insert right after its last column: unchanged', K_S, insertColumns(20), K_S],
    ['delete before it: shifts back', K_S, deleteColumns(1, 2), { start: 9, end: 17, startBounded: true }],
    ['delete inside it: shrinks', K_S, deleteColumns(12, 3), { start: 11, end: 16, startBounded: true }],
    ['delete across its start: keeps the rest', K_S, deleteColumns(9, 4), { start: 9, end: 15, startBounded: true }],
    ['delete across its end', K_S, deleteColumns(18, 5), { start: 11, end: 17, startBounded: true }],
    ['delete all of it: gone', K_S, deleteColumns(11, 9), null],
    ['an open end grows with the sheet', { start: 2, end: null, startBounded: true }, insertRows(500), { start: 2, end: null, startBounded: true }],
    ['an open start stays at 1', { start: 1, end: null, startBounded: false }, deleteRows(1, 3), { start: 1, end: null, startBounded: false }],
  ];
  it.each(cases)('%s', (_name, span, change, expected) => {
    expect(shiftSpan(span, change)).toEqual(expected);
  });

  it('never ends before it starts, and only vanishes when every line is deleted', () => {
    for (let start = 1; start <= 8; start++) {
      for (let end = start; end <= 8; end++) {
        for (let at = 1; at <= 9; at++) {
          for (let count = 1; count <= 4; count++) {
            const after = shiftSpan({ start, end, startBounded: true }, deleteColumns(at, count));
            const allGone = at <= start && at + count - 1 >= end;
            expect(after === null).toBe(allGone);
            if (after) expect(after.end! - after.start + 1).toBe(end - start + 1 - Math.max(0, Math.min(end, at + count - 1) - Math.max(start, at) + 1));
            const grown = shiftSpan({ start, end, startBounded: true }, insertColumns(at, count))!;
            expect(grown.end! - grown.start + 1).toBe(end - start + 1 + (at > start && at <= end ? count : 0));
          }
        }
      }
    }
  });
});

describe('formula references follow the cells they point at', () => {
  const cases: [string, string, DimensionChange, string][] = [
    ['an absolute column moves', '=$S2="OK"', insertColumns(5), '=$T2="OK"'],
    ['a relative one too', '=S2="OK"', insertColumns(19), '=T2="OK"'],
    ['a reference before the insertion stays', '=$C2="OK"', insertColumns(5), '=$C2="OK"'],
    ['text inside quotes is left alone', '=AND(N("dicoso S2")=0,LEFT($S2,4)="S2:x")', insertColumns(1), '=AND(N("dicoso S2")=0,LEFT($T2,4)="S2:x")'],
    ['function names are not references', '=AND(LOG10($B2)>1,LEFT($S2,2)="ab")', insertColumns(2), '=AND(LOG10($C2)>1,LEFT($T2,2)="ab")'],
    ['rows move on row changes', '=$S2="OK"', insertRows(1, 3), '=$S5="OK"'],
    ['a deleted column becomes #REF!', '=LEFT($S2,4)="Lỗi:"', deleteColumns(19), '=LEFT(#REF!,4)="Lỗi:"'],
    ['a later column moves back', '=$S$2="OK"', deleteColumns(3, 2), '=$Q$2="OK"'],
    ['whole-column ranges move', '=COUNTIF($S:$S,"x")>0', insertColumns(1), '=COUNTIF($T:$T,"x")>0'],
    ['a doubled quote stays inside its string', '=$S2="say ""S2"""', insertColumns(1), '=$T2="say ""S2"""'],
  ];
  it.each(cases)('%s', (_name, formula, change, expected) => {
    expect(shiftFormula(formula, change)).toBe(expected);
  });
});

describe('a conditional-format formula whose anchor row or column is deleted keeps its offsets', () => {
  const cases: [string, string, DimensionChange, { line: number; movedTo: number } | undefined, string][] = [
    ['the first data row deleted: =$S2 still means "this row"', '=$S2="OK"', deleteRows(2), { line: 2, movedTo: 2 }, '=$S2="OK"'],
    ['without an anchor the same change is a broken pointer', '=$S2="OK"', deleteRows(2), undefined, '=#REF!="OK"'],
    ['an absolute row still breaks', '=$S$2="OK"', deleteRows(2), { line: 2, movedTo: 2 }, '=#REF!="OK"'],
    ['a deleted status column still breaks', '=$S2="OK"', deleteColumns(19), { line: 1, movedTo: 1 }, '=#REF!="OK"'],
    ['the anchor column deleted: a relative column keeps its offset', '=B2="x"', deleteColumns(1, 2), { line: 1, movedTo: 1 }, '=B2="x"'],
    ['…while a surviving target is still followed', '=D2="x"', deleteColumns(1, 2), { line: 1, movedTo: 1 }, '=B2="x"'],
  ];
  it.each(cases)('%s', (_name, formula, change, anchor, expected) => {
    expect(shiftFormula(formula, change, anchor)).toBe(expected);
  });
});

describe('sheets named by a formula', () => {
  const cases: [string, string[]][] = [
    ['=$S2="OK"', []],
    ['=\'Cán bộ\'!A1="x"', ['Cán bộ']],
    ['=COUNTIF(Sheet2!B:B,$A2)>0', ['Sheet2']],
    ['=$S2="Sheet2!A1"', []],
    ["='It''s'!A1=1", ["It's"]],
  ];
  it.each(cases)('%s', (formula, names) => {
    expect(referencedSheets(formula)).toEqual(names);
  });
});
