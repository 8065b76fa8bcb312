import { describe, expect, it } from 'vitest';
import { printedWidth, readablePagesWide } from '../../src/xlsx/write/print-width';

// An input tab we give a print set-up (it had none): fitted to as few A4 landscape pages across as keep it readable.
describe('tab nhập liệu in A4 ngang: bao nhiêu trang ngang để chữ còn đọc được (8 pt)', () => {
  // A column of w characters is (7w + 5) px, 0.75 pt each; the page 841.89 − 2 × 0.7 × 72 = 741.09 pt.
  const tab = (widths: number[], fontSize = 11) => ({
    columns: widths.map((width, i) => ({ min: i + 1, max: i + 1, width, hidden: false })),
    defaultWidth: null,
    lastColumn: widths.length,
    margins: null,
    fontSize,
  });
  it.each([
    // 10 × 75 px = 562.5 pt: fits at 100 %.
    ['bảng hẹp: một trang', [10, 10, 10, 10, 10, 10, 10, 10, 10, 10], 11, 1],
    // 20 × 145 px = 2,175 pt; at 8/11 it needs 1,581.8 pt: three pages (two would print at 6.8 pt).
    ['bảng rộng: ba trang', Array<number>(20).fill(20), 11, 3],
    // The same at 8 pt already: any scale below 100 % is too small, 2,175 / 741.09 → three pages.
    ['chữ 8 pt: không thu nhỏ', Array<number>(20).fill(20), 8, 3],
  ])('%s', (_name, widths, fontSize, pages) => expect(readablePagesWide(tab(widths, fontSize))).toBe(pages));

  it('cột ẩn không in, cột không ghi độ rộng là 8,43 ký tự', () => {
    const widths = { columns: [{ min: 2, max: 2, width: 50, hidden: true }], defaultWidth: null, lastColumn: 3 };
    // Columns 1 and 3 at 8.43 characters: 2 × (59.01 + 5) px × 0.75.
    expect(printedWidth(widths)).toBeCloseTo(2 * 64.01 * 0.75, 2);
  });
});
