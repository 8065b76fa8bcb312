import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { defaultSettings } from '../../src/core/settings';
import { MemoryWorkbook, type TabSnapshot } from '../../src/sheets/memory-workbook';
import type { RawCell } from '../../src/sheets/workbook';
import { userPartOf } from '../../src/sheets/notes';
import { analyze, removeOurMarks, runCheck } from '../../src/sheets/workflow';
import { ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

/**
 * The promise of the port, on the workflow over the in-memory workbook: what the user typed, merged, coloured or
 * noted is never changed; ours is found by our marker, never by a caption or a tab name a person could write.
 */

const today = '2023-11-15' as CalendarDate;
const settings = defaultSettings(2023);
const d = (day: number, month: number) => new Date(Date.UTC(2023, month - 1, day));

function province(): Record<string, RawCell[][]> {
  return {
    'Cán bộ': [
      ROSTER_HEADER,
      [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', '', '', '', ''],
      [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', '', '', '', ''],
    ],
    'Đi cơ sở': [
      TRIP_HEADER,
      [1, 'Nguyễn Thị Thủy', '', '3.2', '', 60, d(1, 3), d(29, 4), 'Xã A', '', 'Đã thực hiện'],
      [2, 'Trần Văn Hòa', '', '3.1', '', 5, d(5, 6), d(9, 6), 'Xã B', '', 'Đã thực hiện'],
      [3, 'Trần Văn Hoan', '', '3.3', '', 3, d(2, 8), d(4, 8), 'Xã D', '', 'Đã thực hiện'],
    ],
  };
}

/** What the user owns in a tab: values, their part of notes, fills, weights, merges (everything but our column). */
function userPart(s: TabSnapshot): unknown {
  const drop = (row: unknown[]) => row.filter((_, c) => c !== (s.ownedColumn ?? 0) - 1);
  const trim = (rows: unknown[][]) => {
    const out = rows.map((r) => {
      const row = drop(r);
      while (row.length && (row.at(-1) === '' || row.at(-1) === null)) row.pop();
      return row;
    });
    while (out.length && out.at(-1)!.length === 0) out.pop();
    return out;
  };
  return {
    values: trim(s.values),
    notes: trim(s.notes.map((row) => row.map(userPartOf))),
    backgrounds: trim(s.backgrounds),
    fontWeights: trim(s.fontWeights),
    merges: s.merges,
  };
}

describe('ô gộp (merge)', () => {
  it('ô gộp lấn sang cột kết quả sẽ đặt (L2:M2): cột của tiện ích đặt sau ô gộp; trạng thái của người dùng giữ nguyên', () => {
    const tabs = province();
    tabs['Đi cơ sở']![2]![11] = null;
    const wb = MemoryWorkbook.fromTabs(tabs);
    // The user merged K3:L3 ("Đã thực hiện" spills into the column where ours would go).
    wb.merge('Đi cơ sở', 3, 11, 1, 2);
    const before = userPart(wb.snapshot('Đi cơ sở'));
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Đi cơ sở');
    expect(snap.ownedColumn).toBe(13);
    expect(snap.values[2]![10]).toBe('Đã thực hiện');
    expect(snap.values[0]![12]).toBe('Kết quả kiểm tra');
    expect(userPart(snap)).toEqual(before);
  });

  it('tiêu đề gộp K1:L1 “Trạng thái”: cột kết quả sau L; lần sau tìm lại cột theo dấu của tiện ích', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    wb.merge('Đi cơ sở', 1, 11, 1, 2);
    runCheck(wb, { settings, today });
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Đi cơ sở');
    expect(snap.ownedColumn).toBe(13);
    expect(snap.values[0]).toEqual([...TRIP_HEADER, null, 'Kết quả kiểm tra']);
  });

  it('ô gộp trên tab Cán bộ (I2:K2): không bị ghi đè bằng lời báo lỗi', () => {
    const tabs = province();
    tabs['Cán bộ']![1]![8] = 'ghi chú dài của ban';
    const wb = MemoryWorkbook.fromTabs(tabs);
    wb.merge('Cán bộ', 2, 9, 1, 3);
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Cán bộ');
    expect(snap.ownedColumn).toBe(12);
    expect(snap.values[1]![8]).toBe('ghi chú dài của ban');
  });

  it('họ tên gộp dọc qua ba dòng: mỗi dòng đọc được tên như người dùng thấy', () => {
    const tabs = province();
    tabs['Đi cơ sở'] = [
      TRIP_HEADER,
      [1, 'Nguyễn Thị Thủy', '', '3.2', '', 20, d(1, 3), d(20, 3), 'Xã A', '', 'Đã thực hiện'],
      [2, '', '', '3.2', '', 20, d(1, 4), d(20, 4), 'Xã A', '', 'Đã thực hiện'],
      [3, '', '', '3.2', '', 20, d(1, 5), d(20, 5), 'Xã A', '', 'Đã thực hiện'],
    ];
    const wb = MemoryWorkbook.fromTabs(tabs);
    wb.merge('Đi cơ sở', 2, 2, 3, 1);
    const analysis = runCheck(wb, { settings, today });
    expect(analysis.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(analysis.evaluation.cadres[0]!.daysDone).toBe(60);
  });
});

describe('cột và tab của người dùng trông giống của tiện ích', () => {
  it('cột “KẾT QUẢ KIỂM TRA” và “Kết quả 1+2” của người dùng không bị ghi đè; cột của tiện ích đặt sau, tên ghi rõ “(tiện ích)”', () => {
    const tabs = province();
    tabs['Đi cơ sở']![0] = [...TRIP_HEADER, 'KẾT QUẢ KIỂM TRA'];
    tabs['Đi cơ sở']![1]![11] = 'Đạt (tự đánh giá 2022)';
    tabs['Cán bộ']![0] = [...ROSTER_HEADER, 'Kết quả 1+2'];
    tabs['Cán bộ']![1]![9] = 'Đạt năm 2022';
    const wb = MemoryWorkbook.fromTabs(tabs);
    runCheck(wb, { settings, today });
    runCheck(wb, { settings, today });
    const trips = wb.snapshot('Đi cơ sở');
    // Two columns both called “Kết quả kiểm tra” would leave the reader guessing which one is the add-on's.
    expect(trips.values[0]!.slice(11)).toEqual(['KẾT QUẢ KIỂM TRA', 'Kết quả kiểm tra (tiện ích)']);
    expect(trips.values[1]![11]).toBe('Đạt (tự đánh giá 2022)');
    expect(trips.ownedColumn).toBe(13);
    const roster = wb.snapshot('Cán bộ');
    expect(roster.values[0]!.slice(9)).toEqual(['Kết quả 1+2', 'Kết quả 1+2 (tiện ích)']);
    expect(roster.values[1]![9]).toBe('Đạt năm 2022');
    expect(roster.ownedColumn).toBe(11);
  });

  it('cột của tiện ích giữ tên “Kết quả kiểm tra” khi không có cột nào của người dùng trùng tên', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    runCheck(wb, { settings, today });
    const trips = wb.snapshot('Đi cơ sở');
    expect(trips.values[0]![trips.ownedColumn! - 1]).toBe('Kết quả kiểm tra');
  });

  it('tab “Tổng hợp 1+2” của người dùng (hoa thường khác) được giữ; bảng của tiện ích sang “Tổng hợp 1+2 (2)”', () => {
    const tabs = { ...province(), 'TỔNG HỢP 1+2': [['Bảng tổng hợp của tôi'], [42]] as RawCell[][] };
    const wb = MemoryWorkbook.fromTabs(tabs);
    expect(runCheck(wb, { settings, today }).dashboardTab).toBe('Tổng hợp 1+2 (2)');
    expect(runCheck(wb, { settings, today }).dashboardTab).toBe('Tổng hợp 1+2 (2)');
    expect(wb.snapshot('TỔNG HỢP 1+2').values).toEqual([['Bảng tổng hợp của tôi'], [42]]);
    expect(wb.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', 'TỔNG HỢP 1+2', 'Tổng hợp 1+2 (2)']);
  });
});

describe('định dạng và ghi chú của người dùng', () => {
  it('màu nền, chữ đậm, ghi chú trên ô trống và dòng ghi chú tự bắt đầu bằng “[1+2] ” đều được giữ qua hai lần kiểm tra', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    wb.setFormat('Đi cơ sở', 2, 2, { background: '#fff2cc', bold: true });
    wb.setFormat('Cán bộ', 3, 1, { background: '#cfe2f3', bold: true });
    wb.setNote('Đi cơ sở', 9, 5, 'Ô trống nhưng có ghi chú');
    wb.setNote('Đi cơ sở', 4, 2, '[1+2] ghi chú tôi tự viết');
    const before = { trips: userPart(wb.snapshot('Đi cơ sở')), roster: userPart(wb.snapshot('Cán bộ')) };
    runCheck(wb, { settings, today });
    runCheck(wb, { settings, today });
    const trips = wb.snapshot('Đi cơ sở');
    // Row 4 (Trần Văn Hoan) is in error: our line is added under the user's own, which stays.
    expect(trips.notes[3]![1]).toMatch(/^\[1\+2\] ghi chú tôi tự viết\n\u2063\[1\+2\] Không có cán bộ/);
    expect(trips.notes[8]![4]).toBe('Ô trống nhưng có ghi chú');
    expect(trips.backgrounds[1]![1]).toBe('#fff2cc');
    expect(userPart(wb.snapshot('Cán bộ'))).toEqual(before.roster);
    // Taking our marks off leaves exactly what the user had.
    removeOurMarks(wb, { deleteGenerated: true });
    expect(userPart(wb.snapshot('Đi cơ sở'))).toEqual(before.trips);
    expect(userPart(wb.snapshot('Cán bộ'))).toEqual(before.roster);
    expect(wb.snapshot('Đi cơ sở')).toMatchObject({ ownedColumn: null, highlights: null });
    expect(wb.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở']);
  });

  it('Xóa đánh dấu mà giữ các tab đã tạo: chỉ gỡ cột, ghi chú và quy tắc tô màu', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    runCheck(wb, { settings, today });
    const done = removeOurMarks(wb, { deleteGenerated: false });
    expect(done).toEqual({ tabs: ['Cán bộ', 'Đi cơ sở'], deleted: [] });
    expect(wb.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', 'Tổng hợp 1+2']);
    expect(wb.snapshot('Đi cơ sở').values.every((row) => row.length <= TRIP_HEADER.length)).toBe(true);
  });

  it('chèn cột trước cột kết quả: lần sau vẫn ghi đúng cột của tiện ích (đi theo dấu, không theo vị trí)', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    runCheck(wb, { settings, today });
    wb.insertColumn('Đi cơ sở', 3);
    wb.setCell('Đi cơ sở', 1, 3, 'Cột mới của tôi');
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Đi cơ sở');
    expect(snap.ownedColumn).toBe(13);
    expect(snap.values[0]!.slice(11)).toEqual(['Trạng thái', 'Kết quả kiểm tra']);
    expect(snap.values[0]![2]).toBe('Cột mới của tôi');
  });
});

describe('bảng tính thưa', () => {
  it('một giá trị ở cột rất xa không đẩy cột kết quả ra theo', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    wb.setCell('Đi cơ sở', 2, 300, 'x');
    runCheck(wb, { settings, today });
    expect(wb.snapshot('Đi cơ sở').ownedColumn).toBe(12);
  });

  it('cột trống ngay sau bảng nhưng có giá trị ở dòng dưới: tiện ích chọn cột trống hẳn', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    wb.setCell('Đi cơ sở', 3, 12, 'ghi chú không tiêu đề');
    runCheck(wb, { settings, today });
    expect(wb.snapshot('Đi cơ sở').ownedColumn).toBe(13);
    expect(
      analyze(wb, { settings, today })
        .issues.filter((i) => i.level === 'error')
        .map((i) => i.row),
    ).toEqual([4]);
  });
});
