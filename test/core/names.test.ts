import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banKey, createNameIndex, editDistanceWithin, matchName, nameKey } from '../../src/core/names';

describe('nameKey: cùng một tên dù gõ cách nào', () => {
  it.each([
    ['dấu cũ và dấu mới: Thuỷ = Thủy', 'Nguyễn Thị Thuỷ', 'Nguyễn Thị Thủy'],
    ['dấu cũ và dấu mới: Hoà = Hòa', 'Trần Văn Hoà', 'Trần Văn Hòa'],
    ['dấu cũ và dấu mới: Khoẻ = Khỏe', 'Võ Thị Khoẻ', 'Võ Thị Khỏe'],
    ['dấu cũ và dấu mới: Thuý = Thúy', 'Lê Thị Thuý', 'Lê Thị Thúy'],
    ['dấu đặt trên u: Qúy = Quý', 'Phạm Văn Qúy', 'Phạm Văn Quý'],
    ['dấu cũ và dấu mới: Hoạ = Họa, Toản = Toản', 'Vương Hoạ Toản', 'Vương Họa Toản'],
    ['chữ hoa, chữ thường', 'NGUYỄN THỊ THỦY', 'nguyễn thị thủy'],
    ['dạng tổ hợp (NFD) và dựng sẵn (NFC)', 'Nguyễn Thị Thủy'.normalize('NFD'), 'Nguyễn Thị Thủy'.normalize('NFC')],
    ['thừa khoảng trắng, khoảng trắng không ngắt', '  Nguyễn\u00A0 Thị   Thủy ', 'Nguyễn Thị Thủy'],
    ['dấu thanh gõ trước dấu mũ (ấ gõ thành a + sắc + mũ)', 'Lê Văn Ta\u0301\u0302n', 'Lê Văn Tấn'],
    ['chữ Ð (eth) gõ nhầm thay cho Đ', '\u00D0ặng Văn \u00D0ức', 'Đặng Văn Đức'],
  ])('%s', (_name, typed, roster) => {
    expect(nameKey(typed)).toBe(nameKey(roster));
  });

  it.each([
    ['Thủy khác Thúy', 'Thủy', 'Thúy'],
    ['Thúy khác Thùy', 'Thúy', 'Thùy'],
    ['Thủy khác Thùy', 'Thủy', 'Thùy'],
    ['Thủy khác Thũy (hỏi khác ngã)', 'Thủy', 'Thũy'],
    ['Hòa khác Hoa', 'Hòa', 'Hoa'],
    ['Hòa khác Hóa', 'Hòa', 'Hóa'],
    ['Đức khác Dức', 'Đức', 'Dức'],
    ['Đức khác Duc', 'Đức', 'Duc'],
    ['Dức khác Duc', 'Dức', 'Duc'],
    ['Ân khác An (dấu mũ)', 'Ân', 'An'],
    ['Ơn khác Ôn', 'Ơn', 'Ôn'],
    ['Ưng khác Ứng', 'Ưng', 'Ứng'],
    ['Mai Anh khác Maianh (tách chữ)', 'Mai Anh', 'Maianh'],
    ['thứ tự chữ khác nhau', 'Nguyễn Văn An', 'An Nguyễn Văn'],
  ])('%s', (_name, a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('khóa có dạng chữ không dấu thanh kèm số thanh', () => {
    expect(nameKey('Nguyễn Thị Thủy')).toBe('nguyên4 thi5 thuy3');
    expect(nameKey('Đặng Văn Ơn')).toBe('đăng5 văn ơn');
  });
});

describe('banKey: tên ban viết nhiều kiểu', () => {
  it.each([
    ['có và không có chữ "Ban"', 'Ban Tuyên giáo', 'tuyên giáo'],
    ['không dấu, chữ hoa', 'BAN TUYEN GIAO', 'Tuyên giáo'],
    ['VP là Văn phòng', 'VP', 'Văn phòng'],
    ['Văn phòng Tỉnh đoàn là Văn phòng', 'Văn phòng Tỉnh đoàn', 'Văn phòng'],
    ['VP Tỉnh đoàn là Văn phòng', 'VP Tỉnh Đoàn', 'vp'],
    ['gạch nối dài hay ngắn, có khoảng trắng hay không', 'Ban Tổ chức – Kiểm tra', 'Tổ chức-Kiểm tra'],
    ['khoảng trắng thừa', '  Ban   Phong trào ', 'phong trào'],
  ])('%s', (_name, a, b) => {
    expect(banKey(a)).toBe(banKey(b));
  });

  it.each([
    ['Tuyên giáo khác Tổ chức', 'Ban Tuyên giáo', 'Ban Tổ chức'],
    ['Văn phòng khác Ban Phong trào', 'Văn phòng', 'Ban Phong trào'],
    ['Văn phòng Tỉnh đoàn khác Văn phòng Đảng ủy', 'Văn phòng Tỉnh đoàn', 'Văn phòng Đảng ủy'],
  ])('%s', (_name, a, b) => {
    expect(banKey(a)).not.toBe(banKey(b));
  });

  it('khóa cụ thể', () => {
    expect(banKey('Ban Tổ chức – Kiểm tra')).toBe('to chuc-kiem tra');
    expect(banKey('VP')).toBe('van phong');
  });
});

describe('matchName: tìm cán bộ trong danh sách', () => {
  const roster = [
    { name: 'Nguyễn Văn An', ban: 'Ban Tuyên giáo' }, // 0
    { name: 'Nguyễn Văn An', ban: 'Văn phòng' }, // 1
    { name: 'Nguyễn Văn An', ban: 'Ban Tổ chức – Kiểm tra' }, // 2
    { name: 'Trần Thị Bình', ban: 'Ban Phong trào' }, // 3
    { name: 'Nguyễn Thị Thủy', ban: 'VP' }, // 4
    { name: 'Lê Minh Đức', ban: 'Ban Thanh niên Trường học' }, // 5
    { name: 'Phạm Văn Nam', ban: 'Ban Tuyên giáo' }, // 6
    { name: 'Phạm Văn Nam', ban: 'Tuyên giáo' }, // 7
    { name: 'Trần Thị Lan', ban: 'Ban Phong trào' }, // 8
    { name: 'Trần Thị Lam', ban: 'Ban Phong trào' }, // 9
    { name: 'Trần Văn Hùng', ban: 'Văn phòng' }, // 10
    { name: '', ban: 'Văn phòng' }, // 11: a blank roster row matches nothing
  ];
  const index = createNameIndex(roster);

  it.each([
    ['tên có một người', 'Trần Thị Bình', undefined, 3],
    ['tên có một người, ban ghi khác vẫn tìm thấy', 'Trần Thị Bình', 'Ban Tuyên giáo', 3],
    ['dấu cũ: Thuỷ', 'Nguyễn Thị Thuỷ', undefined, 4],
    ['dạng NFD, chữ hoa, thừa khoảng trắng', ' LÊ  MINH ĐỨC '.normalize('NFD'), undefined, 5],
    ['trùng tên, ban phân biệt: Tuyên giáo', 'Nguyễn Văn An', 'tuyên giáo', 0],
    ['trùng tên, ban phân biệt: VP Tỉnh đoàn', 'Nguyễn Văn An', 'VP Tỉnh đoàn', 1],
    ['trùng tên, ban phân biệt: Tổ chức-Kiểm tra', 'Nguyễn Văn An', 'Tổ chức-Kiểm tra', 2],
    ['gõ hoàn toàn không dấu, chỉ một người', 'Le Minh Duc', undefined, 5],
    ['gõ không dấu, trùng tên, ban phân biệt', 'nguyen van an', 'VP', 1],
  ])('%s', (_name, name, ban, expected) => {
    expect(matchName(index, name, ban)).toEqual({ kind: 'found', index: expected });
  });

  it.each([
    ['trùng tên, không ghi ban', 'Nguyễn Văn An', undefined, [0, 1, 2]],
    ['trùng tên, ban để trống', 'Nguyễn Văn An', '  ', [0, 1, 2]],
    ['trùng tên, ban không khớp ai', 'Nguyễn Văn An', 'Ban Phong trào', [0, 1, 2]],
    ['trùng tên trong cùng một ban', 'Phạm Văn Nam', 'Tuyên giáo', [6, 7]],
    ['gõ không dấu, trùng tên, không ghi ban', 'Nguyen Van An', undefined, [0, 1, 2]],
  ])('không chắc chắn: %s', (_name, name, ban, expected) => {
    expect(matchName(index, name, ban)).toEqual({ kind: 'ambiguous', indexes: expected });
  });

  it.each([
    ['khác dấu thanh: Thúy gợi ý Thủy', 'Nguyễn Thị Thúy', 'Nguyễn Thị Thủy'],
    ['gõ có dấu nhưng sai dấu: không đoán, chỉ gợi ý', 'Lê Minh Dức', 'Lê Minh Đức'],
    ['gõ sai một chữ', 'Trần Thị Bìnk', 'Trần Thị Bình'],
    ['thiếu một chữ', 'Trần Thị Bìn', 'Trần Thị Bình'],
    ['cách đều hai tên: lấy tên đứng trước trong danh sách', 'Trần Thị Lao', 'Trần Thị Lan'],
    ['gần tên sau hơn tên trước', 'Trần Thị Lamm', 'Trần Thị Lam'],
    ['thừa 4 chữ trên 17 (trong giới hạn 25%)', 'Trần Văn Hùng Anh', 'Trần Văn Hùng'],
  ])('không có trong danh sách, gợi ý: %s', (_name, name, suggestion) => {
    expect(matchName(index, name)).toEqual({ kind: 'unknown', suggestion });
  });

  it.each([
    ['tên hoàn toàn khác', 'Hoàng Quốc Việt'],
    ['thừa 5 chữ trên 18 (quá giới hạn 25%)', 'Trần Văn Hùng Minh'],
    ['tên ngắn không gần tên nào', 'Lê Tú'],
    ['ô trống', ''],
    ['chỉ có khoảng trắng', '   '],
  ])('không có trong danh sách, không gợi ý: %s', (_name, name) => {
    expect(matchName(index, name)).toEqual({ kind: 'unknown', suggestion: null });
  });

  it('gợi ý lấy tên đứng trước khi đảo thứ tự danh sách', () => {
    const reversed = createNameIndex([
      { name: 'Trần Thị Lam', ban: '' },
      { name: 'Trần Thị Lan', ban: '' },
    ]);
    expect(matchName(reversed, 'Trần Thị Lao')).toEqual({ kind: 'unknown', suggestion: 'Trần Thị Lam' });
  });

  it('hỏi lại cùng một tên lạ cho cùng kết quả (có bộ nhớ đệm)', () => {
    const first = matchName(index, 'Nguyễn Thị Thúy');
    expect(matchName(index, 'Nguyễn Thị Thúy')).toEqual(first);
  });
});

describe('editDistanceWithin', () => {
  it.each([
    ['kitten', 'sitting', 5, 3],
    ['kitten', 'sitting', 3, 3],
    ['', 'abc', 3, 3],
    ['abc', 'abc', 0, 0],
    ['tran thi lan', 'tran thi lam', 2, 1],
    ['nguyen van an', 'nguyen van anh', 2, 1],
  ])('%s → %s (giới hạn %i) = %i', (a, b, limit, expected) => {
    expect(editDistanceWithin(a, b, limit)).toBe(expected);
    expect(editDistanceWithin(b, a, limit)).toBe(expected);
  });

  it('quá giới hạn thì trả số lớn hơn giới hạn', () => {
    expect(editDistanceWithin('kitten', 'sitting', 2)).toBeGreaterThan(2);
    expect(editDistanceWithin('abcdef', 'uvwxyz', 3)).toBeGreaterThan(3);
  });

  it('tính chất: khớp với cách tính đầy đủ khi không vượt giới hạn', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const exact = fullEditDistance(a, b);
        const bounded = editDistanceWithin(a, b, limit);
        if (exact <= limit) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(limit);
      }),
      { numRuns: 2000 },
    );
  });
});

function fullEditDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const curr = [i];
    for (let j = 1; j <= b.length; j++) {
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = curr;
  }
  return prev[b.length]!;
}

// Real names, chosen so that many differ from another only by a tone, a vowel mark or đ.
const NAMES = [
  'Nguyễn Thị Thủy',
  'Nguyễn Thị Thúy',
  'Nguyễn Thị Thùy',
  'Trần Văn Hòa',
  'Trần Văn Hoa',
  'Trần Văn Hóa',
  'Lê Minh Đức',
  'Lê Minh Dũng',
  'Phạm Văn Quý',
  'Phạm Văn Quy',
  'Võ Thị Khỏe',
  'Đặng Thị Hoài',
  'Bùi Văn Thoại',
  'Đỗ Thị Ngọc Thúy',
  'Huỳnh Thị Mỹ Duyên',
  'Ngô Thanh Tùng',
  'Dương Quốc Khánh',
  'Lý Thị Ánh Tuyết',
  'Hồ Văn Ước',
  'Châu Thị Ngoan',
  'Tạ Quang Huy',
  'Lâm Thị Thủy Tiên',
  'Phan Hoàng Oanh',
  'Trương Văn Khuê',
  'Mai Thị Hương',
  'Mai Thị Hường',
  'Nguyễn Hữu Nghĩa',
  'Nguyễn Hữu Nghị',
  'Kiều Thị Tuyết Nhung',
  'La Văn Quyết',
  'Thái Thị Thủy',
  'Vương Đình Toản',
  'Tô Thị Loan',
  'Lưu Thị Xuân Hòa',
  'Lưu Thị Xuân Hoa',
  'Đoàn Văn Ngữ',
  'Đoàn Văn Ngự',
  'Cao Thị Thùy Dương',
  'Văn Thị Quỳnh',
  'Nguyễn Thị Quyên',
  'Nguyễn Thị Quyền',
  'Hoàng Thị Thoa',
  'Hoàng Thị Thỏa',
];

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const VOWEL = /[aeiouy]/i;

/** One way a person might type the syllable: tone mark on any of its vowels, each letter in either case. */
function typedSyllable(syllable: string) {
  const chars = [...syllable.normalize('NFD')];
  const tone = chars.find((c) => TONE_MARKS.test(c));
  const letters = chars.filter((c) => !TONE_MARKS.test(c));
  const vowelPositions = letters.flatMap((c, i) => (VOWEL.test(c) ? [i] : []));
  return fc
    .record({
      tonePosition: fc.constantFrom(...(vowelPositions.length > 0 ? vowelPositions : [0])),
      upper: fc.array(fc.boolean(), { minLength: letters.length, maxLength: letters.length }),
    })
    .map(({ tonePosition, upper }) => {
      const cased = letters.map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()));
      if (tone === undefined) return cased;
      // The tone goes after the vowel and any vowel mark on it (ư = u + horn), where a typist would add it.
      let at = tonePosition + 1;
      while (at < cased.length && /[\u0302\u0306\u031B]/.test(cased[at]!)) at++;
      return [...cased.slice(0, at), tone, ...cased.slice(at)];
    })
    .map((parts) => parts.join(''));
}

function typedName(name: string) {
  const space = fc.stringMatching(/^[ \u00A0\t]{1,3}$/);
  const edge = fc.stringMatching(/^[ \u00A0]{0,2}$/);
  return fc
    .record({
      syllables: fc.tuple(...name.split(' ').map(typedSyllable)),
      spaces: fc.array(space, { minLength: name.split(' ').length, maxLength: name.split(' ').length }),
      before: edge,
      after: edge,
      form: fc.constantFrom('NFC', 'NFD', 'as typed'),
    })
    .map(({ syllables, spaces, before, after, form }) => {
      const text = before + syllables.map((s, i) => (i === 0 ? s : spaces[i] + s)).join('') + after;
      return form === 'as typed' ? text : text.normalize(form);
    });
}

describe('tính chất: mọi cách gõ một tên thật đều tìm đúng người, không bao giờ nhầm người khác', () => {
  const index = createNameIndex(NAMES.map((name) => ({ name, ban: 'Ban Tuyên giáo' })));
  const keys = NAMES.map(nameKey);

  it('danh sách tên thật không có hai tên cùng khóa', () => {
    expect(new Set(keys).size).toBe(NAMES.length);
  });

  it.each(NAMES.map((name, i) => [name, i] as const))('%s', (name, i) => {
    fc.assert(
      fc.property(typedName(name), (typed) => {
        expect(nameKey(typed)).toBe(keys[i]);
        expect(matchName(index, typed)).toEqual({ kind: 'found', index: i });
      }),
      { numRuns: 100 },
    );
  });

  it('cách gõ dấu cũ thật sự có được sinh ra (Hoà, Thuỷ)', () => {
    const variants = new Set(fc.sample(typedName('Trần Văn Hòa'), 300).map((s) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()));
    expect(variants).toContain('trần văn hoà');
    expect(variants).toContain('trần văn hòa');
  });
});

describe('tốc độ', () => {
  const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
  const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Hữu', 'Ngọc', 'Đức', 'Thị Ngọc', 'Hoàng', 'Xuân', 'Kim', 'Công', 'Thị Thu', 'Bảo'];
  const GIVEN = [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đức',
    'Giang',
    'Hà',
    'Hải',
    'Hạnh',
    'Hòa',
    'Hùng',
    'Hương',
    'Khoa',
    'Lan',
    'Linh',
    'Long',
    'Mai',
    'Minh',
    'Nam',
    'Nga',
    'Phúc',
    'Phương',
    'Quân',
    'Quý',
    'Sơn',
    'Tâm',
    'Thảo',
    'Thủy',
    'Trang',
    'Tuấn',
  ];

  it('4.000 cán bộ, 300 tên lạ khác nhau: dựng chỉ mục và gợi ý dưới một giây', () => {
    const roster = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => ({ name: `${f} ${m} ${g}`, ban: 'Ban Tuyên giáo' })))).slice(0, 4000);
    const unknown = Array.from({ length: 300 }, (_, i) => {
      const name = roster[(i * 13) % roster.length]!.name;
      return i % 2 === 0 ? `${name.slice(0, -1)}x${i}` : `Tôn Nữ ${i} ${name.slice(4)}`;
    });
    const started = performance.now();
    const index = createNameIndex(roster);
    const results = unknown.map((name) => matchName(index, name));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.kind === 'unknown')).toBe(true);
    expect(results.filter((r) => r.kind === 'unknown' && r.suggestion !== null).length).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(1000);
  });
});
