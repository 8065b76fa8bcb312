import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/core/presets';
import { inferCadreGroup, parseCadreGroup, parseContentKind, parseTripStatus, parseYes } from '../../src/core/vocabulary';

const kg = PRESETS['kien-giang-2023'].policy.numbering;
const tn = PRESETS['tay-ninh-2023'].policy.numbering;
const others = Object.values(PRESETS).map((p) => p.policy.numbering);

describe('nội dung đi cơ sở', () => {
  it.each([
    ['mã', 'chuyen-de', kg, 'chuyen-de'],
    ['nhãn có dấu', 'Theo chuyên đề', kg, 'chuyen-de'],
    ['nhãn không dấu, viết hoa', 'THEO CHUYEN DE', kg, 'chuyen-de'],
    ['chỉ hai chữ “chuyên đề”', 'chuyên đề', kg, 'chuyen-de'],
    ['số mục Kiên Giang 3.1', '3.1', kg, 'chuyen-de'],
    ['số mục Tây Ninh 1.3 trong bộ Tây Ninh', '1.3', tn, 'chuyen-de'],
    ['số mục Tây Ninh 1.1 trong bộ Kiên Giang (không trùng số của Kiên Giang)', '1.1', kg, 'phoi-hop'],
    ['số dạng số 3.2', 3.2, kg, 'phoi-hop'],
    ['số mục kèm nhãn “3.1. Theo chuyên đề”', '3.1. Theo chuyên đề', kg, 'chuyen-de'],
    ['ví dụ của mẫu 1 “VD2: 1.3 Theo chuyên đề”', 'VD2: 1.3 Theo chuyên đề', tn, 'chuyen-de'],
    ['kiểm tra, giám sát', 'Kiểm tra, giám sát', kg, 'kiem-tra'],
    ['dự sinh hoạt chi đoàn', 'Dự sinh hoạt chi đoàn', kg, 'chi-doan'],
    ['hội nghị BCH', 'Dự họp, sinh hoạt chuyên đề hội nghị BCH, BTV đoàn cấp dưới', kg, 'hoi-nghi'],
    ['phong trào', 'Dự các hoạt động phong trào của cấp dưới', kg, 'phong-trao'],
    ['phối hợp, nhãn đầy đủ, thừa dấu cách', '  Phối hợp tổ chức,  triển khai hoạt động tại cơ sở ', kg, 'phoi-hop'],
  ] as const)('%s: %s', (_name, value, numbering, expected) => {
    expect(parseContentKind(value, numbering, others)).toBe(expected);
  });

  it.each([
    ['3.4 ở Kiên Giang là cả hội nghị và chi đoàn: không đoán', '3.4', kg],
    ['chữ lạ', 'đi chơi', kg],
    ['ô trống', '', kg],
    ['số không có trong danh mục', '9.9', kg],
  ] as const)('%s', (_name, value, numbering) => {
    expect(parseContentKind(value, numbering, others)).toBeNull();
  });
});

describe('trạng thái đợt', () => {
  it.each([
    ['Đăng ký', 'registered'],
    ['đã duyệt', 'approved'],
    ['Đã thực hiện', 'done'],
    ['da thuc hien', 'done'],
    ['Hủy', 'cancelled'],
    ['Huỷ', 'cancelled'],
    ['HỦY', 'cancelled'],
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
