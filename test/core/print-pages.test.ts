import { describe, expect, it } from 'vitest';
import { paginate, type PrintRules } from '../../src/core/print/paginate';
import { wrappedLines } from '../../src/core/print/text-width';

// How a form's pages are cut (core/print/paginate.ts): ten rows of 10 points on pages of 35, worked out by hand.
const ROWS = Array<number>(10).fill(10);
const rules = (extra: Partial<PrintRules>): PrintRules => ({ glued: new Set(), forced: [], continued: [], ...extra });

describe('trang in của biểu mẫu: dòng nào mở trang mới', () => {
  it.each([
    // Three rows fill 30 of 35 points: rows 3, 6 and 9 begin pages.
    ['không ràng buộc: đầy trang thì sang trang', rules({}), [3, 6, 9], 0],
    // Row 3 stays with row 2 (a signature under the table's last row): the page ends before row 2.
    ['dòng 3 đi cùng dòng 2: trang trước dừng ở dòng 1', rules({ glued: new Set([3]) }), [2, 5, 8], 0],
    // Row 0 printed again on every page takes 10 of its 35 points: two rows a page after the first.
    ['tiêu đề cột (dòng 0) lặp mỗi trang: trang sau còn chỗ cho hai dòng', rules({ titles: { first: 0, last: 0 } }), [3, 5, 7, 9], 0],
    // The next cadre's mẫu 1 begins a page, whatever room is left.
    ['bản của cán bộ sau (dòng 4) luôn sang trang mới', rules({ forced: [4] }), [3, 4, 7], 0],
    // A Ban's stack: row 0's captions copied at the top of each page the table runs on to.
    ['bảng chạy sang trang: chép tiêu đề cột lên đầu trang', rules({ continued: [{ first: 0, last: 0, end: Number.POSITIVE_INFINITY }] }), [3, 5, 7, 9], 4],
  ])('%s', (_name, given, breaks, copies) => {
    const pages = paginate(ROWS, 35, given);
    expect(pages.breaks).toEqual(breaks);
    expect(pages.copies).toHaveLength(copies);
  });

  it('khối giữ chung cao hơn một trang thì ngắt ở chỗ tràn, không bỏ trang trống', () => {
    // Rows 1…9 all kept with the row above: 100 points never fit 35, so the page breaks where it overflows.
    const pages = paginate(ROWS, 35, rules({ glued: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]) }));
    expect(pages.breaks).toEqual([3, 6, 9]);
  });
});

describe('số dòng một ô xuống dòng chiếm (Times New Roman)', () => {
  const font = { size: 10, family: 'Times New Roman' };
  it.each([
    // "0" is 500/1000 em: 5 points at 10 pt. Ten digits are 50 points.
    ['vừa một dòng', '0000000000', 50, 1],
    ['dài hơn một dòng: cắt ở dấu cách', '00000 00000', 40, 2],
    ['mỗi \\n mở một dòng', '00\n00\n00', 50, 3],
    ['một chữ dài hơn dòng chạy sang dòng sau', '000000000000', 25, 3],
  ])('%s', (_name, text, width, lines) => expect(wrappedLines(text, width, font)).toBe(lines));
});
