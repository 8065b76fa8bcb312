import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { serverApi } from '../../src/sheets/server-functions';
import type { RawCell } from '../../src/sheets/workbook';
import { pageContext } from '../support/page-context';

// Issue 20: a form never leaves out a registered trip silently. A row the rules cannot read counts nowhere and is
// not on the form; the form (in red, under its table) and the answer to the person both name it.

/** Two Bans typed the way seed 001's mẫu 2 is filled in: one-cell "Thời gian cụ thể", "5 ngày", official numbers. */
function province(): Record<string, RawCell[][]> {
  return {
    'Cán bộ': [
      ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng'],
      [1, 'Nguyễn Thị Hoa', 'Trưởng ban', 'Ban Tuyên giáo'],
      [2, 'Trần Văn Nam', 'Chuyên viên', 'Ban Tuyên giáo'],
      [3, 'Lê Văn Bình', 'Chánh Văn phòng', 'Văn phòng'],
    ],
    'Đi cơ sở': [
      ['STT', 'Họ và tên', 'Ban/Văn phòng', 'Nội dung đi cơ sở', 'Số ngày', 'Thời gian cụ thể', 'Địa điểm', 'Trạng thái'],
      [
        1,
        'Nguyễn Thị Hoa',
        'Ban Tuyên giáo',
        '3.1. Theo chuyên đề: Tuyên truyền Nghị quyết',
        '5 ngày',
        'Từ ngày 03/4/2023 – 07/4/2023',
        'Xã Thạnh Đông',
        'Đã thực hiện',
      ],
      // Row 3: Nội dung typed without diacritics nor number, not one of the five contents of 06-HD §III.1.
      [2, 'Nguyễn Thị Hoa', 'Ban Tuyên giáo', 'Tuyen truyen nghi quyet o xa', '3 ngày', 'Từ ngày 10/5/2023 – 12/5/2023', 'Xã Bình An', 'Đăng ký'],
      // Row 4: the end of the window left out.
      [3, 'Trần Văn Nam', 'Ban Tuyên giáo', '3.3. Kiểm tra, giám sát', '2 ngày', 'Từ ngày 01/6/2023 – ', 'Xã Mong Thọ', 'Đăng ký'],
      [4, 'Lê Văn Bình', 'Văn phòng', '3.3', '4', 'Từ ngày 05/6/2023 – 08/6/2023', 'Phường Vĩnh Lạc', 'Đã thực hiện'],
      // Row 6: June has 30 days.
      [5, 'Lê Văn Bình', 'Văn phòng', '3.4. Dự sinh hoạt chi đoàn', '1 ngày', '31/6/2023', 'Chi đoàn ấp 3', 'Đăng ký'],
    ],
  };
}

const TODAY = '2023-11-15' as CalendarDate;
const RED_LINE = /^Chưa ghi vào bản này/;

function formText(ctx: ReturnType<typeof pageContext>, tab: string): string[] {
  return ctx.workbook
    .snapshot(tab)
    .values.flat()
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

describe('a form names the registered trips an error keeps off it', () => {
  it('mẫu 2 of a Ban: the readable trip listed, rows 3 and 4 named with whose they are and the column to fix', () => {
    const ctx = pageContext(province(), TODAY);
    const made = serverApi(ctx).generateForm({ form: 'mau2', ban: 'Ban Tuyên giáo', quarter: 4 });
    expect(made).toMatchObject({ ok: true, cadres: 1, trips: 1 });
    if (!made.ok) throw new Error('not made');
    expect(made.leftOut).toEqual([
      { tab: 'Đi cơ sở', row: 3, name: 'Nguyễn Thị Hoa', column: 'Nội dung đi cơ sở' },
      { tab: 'Đi cơ sở', row: 4, name: 'Trần Văn Nam', column: 'Thời gian cụ thể' },
    ]);
    const lines = formText(ctx, made.tabName).filter((t) => RED_LINE.test(t));
    expect(lines).toEqual([
      'Chưa ghi vào bản này 2 dòng có lỗi ở tab “Đi cơ sở”: dòng 3 (Nguyễn Thị Hoa, cột Nội dung đi cơ sở); dòng 4 (Trần Văn Nam, cột Thời gian cụ thể). Sửa các dòng đó rồi tạo lại mẫu.',
    ]);
  });

  it('the line sits between the table and the signatures, in red', () => {
    const ctx = pageContext(province(), TODAY);
    const made = serverApi(ctx).generateForm({ form: 'mau2', ban: 'Ban Tuyên giáo', quarter: 4 });
    if (!made.ok) throw new Error('not made');
    const { values, styles } = ctx.workbook.snapshot(made.tabName);
    const at = values.findIndex((r) => RED_LINE.test(String(r[0])));
    const lastTrip = values.findIndex((r) => r.includes('Xã Thạnh Đông'));
    const signature = values.findIndex((r) => r.includes('Phê duyệt của Lãnh đạo Tỉnh đoàn'));
    expect(lastTrip).toBeLessThan(at);
    expect(at).toBeLessThan(signature);
    expect(styles.some((s) => s.range.row === at && s.style.fontColor === '#b3261e')).toBe(true);
  });

  it('mẫu 1 of one cadre names only that cadre’s rows', () => {
    const ctx = pageContext(province(), TODAY);
    const hoa = serverApi(ctx).generateForm({ form: 'mau1', ban: null, cadre: { name: 'Nguyễn Thị Hoa', ban: 'Ban Tuyên giáo' }, quarter: 4 });
    if (!hoa.ok) throw new Error('not made');
    expect(hoa.leftOut.map((r) => r.row)).toEqual([3]);
    expect(formText(ctx, hoa.tabName).filter((t) => RED_LINE.test(t))).toEqual([
      'Chưa ghi vào bản này 1 dòng có lỗi ở tab “Đi cơ sở”: dòng 3 (Nguyễn Thị Hoa, cột Nội dung đi cơ sở). Sửa các dòng đó rồi tạo lại mẫu.',
    ]);
    // A Ban's mẫu 1: each cadre's form carries that cadre's rows.
    const ban = serverApi(ctx).generateForm({ form: 'mau1', ban: 'Ban Tuyên giáo', quarter: 4 });
    if (!ban.ok) throw new Error('not made');
    expect(ban.leftOut.map((r) => r.row)).toEqual([3, 4]);
    expect(
      formText(ctx, ban.tabName)
        .filter((t) => RED_LINE.test(t))
        .map((t) => t.match(/dòng \d+ \(/g)),
    ).toEqual([['dòng 3 ('], ['dòng 4 (']]);
  });

  it('the province-wide mẫu 2 names every Ban’s rows; a Ban without errors gets no line', () => {
    const ctx = pageContext(province(), TODAY);
    const all = serverApi(ctx).generateForm({ form: 'mau2', ban: null, quarter: 4 });
    if (!all.ok) throw new Error('not made');
    expect(all.leftOut.map((r) => r.row)).toEqual([3, 4, 6]);
    const tabs = province();
    tabs['Đi cơ sở']![5]![5] = '30/6/2023';
    const fixed = pageContext(tabs, TODAY);
    const office = serverApi(fixed).generateForm({ form: 'mau2', ban: 'Văn phòng', quarter: 4 });
    if (!office.ok) throw new Error('not made');
    expect(office.leftOut).toEqual([]);
    expect(office.trips).toBe(2);
    expect(formText(fixed, office.tabName).some((t) => RED_LINE.test(t))).toBe(false);
  });
});

describe('a form tab made from older data is named as not matching', () => {
  const stale = (ctx: ReturnType<typeof pageContext>) =>
    serverApi(ctx)
      .getFormOptions()
      .warnings.filter((w) => /không còn khớp dữ liệu/.test(w));

  it('after the data is fixed, the forms dialog names the tab; once made again, nothing', () => {
    const ctx = pageContext(province(), TODAY);
    serverApi(ctx).generateForm({ form: 'mau2', ban: 'Ban Tuyên giáo', quarter: 4 });
    serverApi(ctx).generateForm({ form: 'mau3', ban: null, quarter: 2 });
    expect(stale(ctx)).toEqual([]);
    // Row 4's window completed: the trip now belongs on mẫu 2 of Tuyên giáo; quý II's report lists done trips only.
    ctx.workbook.setCell('Đi cơ sở', 4, 6, 'Từ ngày 01/6/2023 – 02/6/2023');
    expect(stale(ctx)).toEqual([
      'Tab “Mẫu 2 - Tuyên giáo” do tiện ích tạo không còn khớp dữ liệu hiện tại (dữ liệu đã sửa sau khi tạo, hoặc tab đã sửa tay): tạo lại mẫu đó trước khi in hoặc gửi.',
    ]);
    serverApi(ctx).generateForm({ form: 'mau2', ban: 'Ban Tuyên giáo', quarter: 4, replace: true });
    expect(stale(ctx)).toEqual([]);
  });

  it('the same data on a later day is the same form; a hand edit on the tab is not', () => {
    const ctx = pageContext(province(), TODAY);
    serverApi(ctx).generateForm({ form: 'mau2', ban: 'Văn phòng', quarter: 4 });
    const later = { ...ctx, today: '2023-12-20' as CalendarDate };
    expect(stale(later)).toEqual([]);
    ctx.workbook.setCell('Mẫu 2 - Văn phòng', 12, 4, 'Sửa tay');
    expect(stale(later)).toHaveLength(1);
  });
});

describe('a name typed with a double space', () => {
  it('is printed once, as one name, on the form and in its tab’s name; the cell stays as typed', () => {
    const tabs = province();
    tabs['Cán bộ']![2]![1] = 'Trần  Văn\u00a0Nam ';
    tabs['Đi cơ sở']![3]![1] = 'Trần Văn  Nam';
    const ctx = pageContext(tabs, TODAY);
    const made = serverApi(ctx).generateForm({ form: 'mau1', ban: null, cadre: { name: 'Trần Văn Nam', ban: 'Ban Tuyên giáo' }, quarter: 4 });
    if (!made.ok) throw new Error('not made');
    expect(made.tabName).toBe('Mẫu 1 - Trần Văn Nam');
    expect(formText(ctx, made.tabName)).toContain('1. Họ và tên: Trần Văn Nam');
    expect(made.leftOut.map((r) => r.name)).toEqual(['Trần Văn Nam']);
    expect(ctx.workbook.snapshot('Cán bộ').values[2]![1]).toBe('Trần  Văn\u00a0Nam ');
  });
});
