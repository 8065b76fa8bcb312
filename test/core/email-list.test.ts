import { describe, expect, it } from 'vitest';
import { splitEmailList } from '../../src/core/email/recipients';

describe('danh sách email như người dùng gõ', () => {
  it.each([
    ['mỗi dòng một địa chỉ', 'btckt@tinhdoan.vn\nvp@tinhdoan.vn', ['btckt@tinhdoan.vn', 'vp@tinhdoan.vn']],
    ['cách nhau bởi dấu phẩy hoặc chấm phẩy', 'a@x.vn, b@x.vn; c@x.vn', ['a@x.vn', 'b@x.vn', 'c@x.vn']],
    ['cách nhau bởi khoảng trắng, khi từng chữ đều là địa chỉ', 'a@x.vn  b@x.vn', ['a@x.vn', 'b@x.vn']],
    // The words before the address are not addresses: the entry stays whole and is then refused as a whole.
    [
      'họ tên gõ lẫn trước địa chỉ: giữ nguyên cả mục, không cắt lấy “a@tinhdoan.vn”',
      'btckt@tinhdoan.vn\nnguyen van a@tinhdoan.vn',
      ['btckt@tinhdoan.vn', 'nguyen van a@tinhdoan.vn'],
    ],
    ['địa chỉ lặp lại (hoa thường khác) chỉ giữ một lần', 'A@x.vn\na@x.vn\nb@x.vn', ['A@x.vn', 'b@x.vn']],
    ['dòng trống, khoảng trắng thừa', '\n  a@x.vn  \n\n', ['a@x.vn']],
    ['ô trống', '', []],
  ])('%s', (_name, text, expected) => {
    expect(splitEmailList(text)).toEqual(expected);
  });
});
