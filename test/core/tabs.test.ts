import { describe, expect, it } from 'vitest';
import { findTab, tabsForRole } from '../../src/core/columns';

describe('tab nào là tab các đợt đi cơ sở, tab cán bộ', () => {
  it.each([
    ['tên của tiện ích', ['Cán bộ', 'Đi cơ sở'], 'trips', 'Đi cơ sở'],
    ['chữ hoa, thừa khoảng trắng', ['CÁN BỘ ', ' đi  cơ sở'], 'trips', ' đi  cơ sở'],
    ['tên theo mẫu 2 của tỉnh', ['Danh sách cán bộ', 'Đăng ký đi cơ sở'], 'trips', 'Đăng ký đi cơ sở'],
    ['“kí” thay cho “ký”', ['Danh sách cán bộ', 'Đăng kí đi cơ sở'], 'trips', 'Đăng kí đi cơ sở'],
    ['tên kèm năm', ['Cán bộ', 'Đi cơ sở 2023'], 'trips', 'Đi cơ sở 2023'],
    ['tab kế hoạch đứng trước tab “Đi cơ sở”: tab mang đúng tên được đọc', ['Cán bộ', 'Đăng ký đi cơ sở', 'Đi cơ sở'], 'trips', 'Đi cơ sở'],
    ['danh sách cán bộ', ['DANH SÁCH CÁN BỘ', 'Đi cơ sở'], 'roster', 'DANH SÁCH CÁN BỘ'],
  ] as const)('%s', (_name, tabs, role, expected) => {
    expect(findTab(tabs, role)).toBe(expected);
  });

  it('mọi tab có tên như tab các đợt đều được kể ra, tab được đọc đứng đầu', () => {
    const tabs = ['Đi cơ sở - Ban Phong trào', 'Cán bộ', 'Đi cơ sở (2)', 'Đi cơ sở', 'Tổng hợp 1+2', 'Đăng ký đi cơ sở'];
    expect(tabsForRole(tabs, 'trips')).toEqual(['Đi cơ sở', 'Đăng ký đi cơ sở', 'Đi cơ sở - Ban Phong trào', 'Đi cơ sở (2)']);
  });

  it('tên chỉ bắt đầu giống (“Cán bộ nghỉ hưu” không phải “Cán bộ”) vẫn không hơn tab đúng tên', () => {
    expect(tabsForRole(['Cán bộ nghỉ hưu', 'Cán bộ'], 'roster')).toEqual(['Cán bộ', 'Cán bộ nghỉ hưu']);
  });

  it('tab không liên quan không được nhận', () => {
    expect(tabsForRole(['Cán bộ', 'Mẫu 2 - Tổng hợp', 'Ghi chú đi cơ sở'], 'trips')).toEqual([]);
  });
});
