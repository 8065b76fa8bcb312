import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeTabName } from '../../src/core/forms/tab-name';

const A = (n: number) => 'A'.repeat(n);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FAMILY = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';

// Excel counts a tab name's length in UTF-16 code units (an emoji such as 🌟 takes two of the 31).
describe('tên tab không quá 31 ký tự theo cách Excel đếm', () => {
  it.each([
    ['tên ngắn có biểu tượng cảm xúc giữ nguyên', 'Mẫu 2 - Đoàn 🌟 Thanh niên', 'Mẫu 2 - Đoàn 🌟 Thanh niên'],
    ['vừa đúng 31 đơn vị, biểu tượng ở cuối', `${A(29)}🌟`, `${A(29)}🌟`],
    ['31 ký tự nhưng 32 đơn vị thì phải cắt', `${A(30)}🌟`, `${A(30)}…`],
    ['không cắt đôi biểu tượng ở chỗ cắt', `${A(29)}🌟BBB`, `${A(29)}…`],
    ['biểu tượng vừa chỗ thì giữ', `${A(28)}🌟BBB`, `${A(28)}🌟…`],
    ['không tách chữ khỏi dấu thanh (chữ gõ dạng tổ hợp NFD)', `${A(29)}e\u0302\u0301xyz`, `${A(29)}…`],
    ['không cắt giữa một biểu tượng ghép (gia đình)', `${A(25)}${FAMILY}B`, `${A(25)}…`],
    ['tên ban dài tiếng Việt cắt ở chỗ trống', 'Mẫu 3 - Quý 4-2023 - Công tác Thiếu nhi', 'Mẫu 3 - Quý 4-2023 - Công tác…'],
    ['ký tự Excel cấm được thay', 'Ban A/B: [x]?', 'Ban A-B- -x--'],
  ])('%s', (_name, input, expected) => {
    const name = safeTabName(input);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('với mọi tên: không quá 31 đơn vị và không có nửa cặp thay thế (surrogate)', () => {
    const pieces = fc.constantFrom('A', ' ', 'ê', 'e\u0302\u0301', '🌟', FAMILY, '\u200d', ':', '🇻🇳');
    const names = fc.oneof(
      fc.array(pieces, { minLength: 10, maxLength: 40 }).map((p) => p.join('')),
      fc.string({ unit: 'binary', minLength: 20, maxLength: 60 }),
    );
    fc.assert(
      fc.property(names, (text) => {
        const name = safeTabName(text);
        expect(name.length).toBeLessThanOrEqual(31);
        if (!LONE_SURROGATE.test(text)) expect(name).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});
