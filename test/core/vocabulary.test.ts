import { describe, expect, it } from 'vitest';
import { inferCadreGroup, parseCadreGroup, parseTripStatus, parseYes } from '../../src/core/vocabulary';

describe('trạng thái đợt', () => {
  it.each([
    ['Đăng ký', 'registered'],
    ['đã duyệt', 'approved'],
    ['Đã thực hiện', 'done'],
    ['da thuc hien', 'done'],
    ['Hủy', 'cancelled'],
    ['Huỷ', 'cancelled'],
    ['HỦY', 'cancelled'],
    // As departments write them: the i spelling of ký, "đã đi cơ sở", "xong".
    ['Đăng kí', 'registered'],
    ['Đã đăng kí', 'registered'],
    ['Đã đi cơ sở', 'done'],
    ['Đã xong', 'done'],
    ['Đã thực hiện xong', 'done'],
    ['Hoàn tất', 'done'],
    // Not done yet is still a plan; not happening on these dates counts nowhere, as Hủy.
    ['Chưa thực hiện', 'registered'],
    ['Đang thực hiện', 'approved'],
    ['Không thực hiện', 'cancelled'],
    ['Hoãn', 'cancelled'],
    ['Tạm hoãn', 'cancelled'],
  ])('%s', (value, expected) => {
    expect(parseTripStatus(value)).toEqual({ kind: 'status', status: expected });
  });
  it('ô trống là chưa ghi trạng thái', () => {
    expect(parseTripStatus('  ')).toEqual({ kind: 'blank' });
    expect(parseTripStatus(null)).toEqual({ kind: 'blank' });
  });
  it('chữ lạ là không hợp lệ', () => {
    expect(parseTripStatus('sắp đi')).toEqual({ kind: 'unknown' });
  });
});

describe('nhóm đối tượng', () => {
  it.each([
    ['Bí thư', 'thuong-truc'],
    ['Phó Bí thư Thường trực', 'thuong-truc'],
    ['Trưởng ban', 'lanh-dao-ban'],
    ['Phó Trưởng ban', 'lanh-dao-ban'],
    ['Chánh Văn phòng', 'lanh-dao-ban'],
    ['Phó Chánh Văn phòng', 'lanh-dao-ban'],
    ['Chuyên viên', 'chuyen-vien'],
    ['Kế toán', 'chuyen-vien'],
  ])('suy ra từ chức vụ “%s”', (position, expected) => {
    expect(inferCadreGroup(position)).toBe(expected);
  });
  it.each([
    ['Thường trực', 'thuong-truc'],
    ['lanh dao ban', 'lanh-dao-ban'],
    ['Chuyên viên', 'chuyen-vien'],
    ['chuyen-vien', 'chuyen-vien'],
  ])('đọc “%s”', (value, expected) => {
    expect(parseCadreGroup(value)).toBe(expected);
  });
});

describe('ô có/không của các cột quy trình', () => {
  it.each([
    ['Có', true],
    ['x', true],
    ['Đã xác nhận', true],
    [true, true],
    ['Không', false],
    ['chưa', false],
    [false, false],
    ['', null],
    [null, null],
  ] as const)('%s', (value, expected) => {
    expect(parseYes(value)).toBe(expected);
  });
});
