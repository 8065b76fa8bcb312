import { describe, expect, it, vi } from 'vitest';
import { collapseSpaces, foldKey, normalizeD, singleSpaced, withoutDiacritics } from '../../src/core/text';

describe('foldKey: so sánh chữ không phân biệt dấu, hoa thường, khoảng trắng', () => {
  it.each([
    ['nội dung viết hoa, thừa khoảng trắng', '  Theo  CHUYÊN đề ', 'theo chuyen de'],
    ['trạng thái đã thực hiện', 'Đã thực hiện', 'da thuc hien'],
    ['đủ các nguyên âm có dấu', 'ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư', 'a a e o o u a a e o o u'],
    ['đủ năm thanh trên một nguyên âm', 'á à ả ã ạ ấ ầ ẩ ẫ ậ ặ', 'a a a a a a a a a a a'],
    ['chữ đ và Đ', 'Đoàn đội', 'doan doi'],
    ['chữ Ð (eth) gõ nhầm thay cho Đ', '\u00D0oàn', 'doan'],
    ['văn bản dạng tổ hợp (NFD) dán từ máy Mac', 'Kiểm tra, giám sát'.normalize('NFD'), 'kiem tra, giam sat'],
    ['khoảng trắng không ngắt (NBSP), tab và xuống dòng', 'Dự\u00A0sinh\thoạt\n chi đoàn', 'du sinh hoat chi doan'],
    ['ký tự vô hình dán kèm', 'Ban\u200B Tuyên giáo', 'ban tuyen giao'],
    ['ô trống', '   ', ''],
    ['số và dấu câu giữ nguyên', 'Mục 1.3 – Theo chuyên đề!', 'muc 1.3 – theo chuyen de!'],
  ])('%s', (_name, input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it('cùng một chữ ở dạng NFC và NFD cho cùng khóa', () => {
    const text = 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở';
    expect(foldKey(text.normalize('NFD'))).toBe(foldKey(text.normalize('NFC')));
  });
});

describe('các hàm nhỏ', () => {
  it.each([
    ['nhiều khoảng trắng thành một', '  a   b  ', 'a b'],
    ['NBSP và tab', 'a\u00A0\u00A0b\tc', 'a b c'],
    ['ký tự độ rộng bằng không bị bỏ', 'a\u200Bb \u2060c', 'ab c'],
  ])('collapseSpaces: %s', (_name, input, expected) => {
    expect(collapseSpaces(input)).toBe(expected);
  });

  it.each([
    ['một khoảng trắng giữa các chữ: giữ nguyên', 'Nguyễn Văn An', 'Nguyễn Văn An'],
    ['hai khoảng trắng', 'Nguyễn  Văn An', 'Nguyễn Văn An'],
    ['khoảng trắng không ngắt (dán từ Word)', 'Nguyễn\u00A0Văn An', 'Nguyễn Văn An'],
    ['xuống dòng trong ô', 'Xã Vĩnh Hòa\nhuyện Giồng Riềng', 'Xã Vĩnh Hòa huyện Giồng Riềng'],
    ['tab giữa chữ', 'Ban\tTuyên giáo', 'Ban Tuyên giáo'],
    ['đầu và cuối', '  Văn phòng ', 'Văn phòng'],
    ['rỗng', '', ''],
  ])('singleSpaced: %s', (_name, input, expected) => {
    expect(singleSpaced(input)).toBe(expected);
  });

  it('singleSpaced không dựng chuỗi mới cho ô không có gì để gộp (replace() dựng một chuỗi cho mỗi ô đọc, dù không đổi gì)', () => {
    // A string's identity cannot be seen from JS; what builds a new one here is replace(), so the test watches it.
    // The counts are read before any expect(), whose own messages may call replace().
    const replace = vi.spyOn(String.prototype, 'replace');
    let plain: number;
    let collapsed: number;
    try {
      for (const cell of ['Cơ sở triển khai tốt; đoàn viên tham gia đông.', ' Văn phòng ', 'Xã Hòn Tre']) singleSpaced(cell);
      plain = replace.mock.calls.length;
      singleSpaced('Xã  Hòn Tre');
      collapsed = replace.mock.calls.length - plain;
    } finally {
      replace.mockRestore();
    }
    expect([plain, collapsed]).toEqual([0, 1]);
  });

  it('withoutDiacritics giữ chữ hoa', () => {
    expect(withoutDiacritics('Nguyễn Thị Thủy, Đặng Văn Ơn')).toBe('Nguyen Thi Thuy, Dang Van On');
  });

  it('normalizeD chỉ đổi chữ eth thành đ', () => {
    expect(normalizeD('\u00D0ức \u00F0ức Đức')).toBe('Đức đức Đức');
  });
});
