import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { defaultSettings } from '../../src/core/settings';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { NOTE_MARKER } from '../../src/sheets/notes';
import type { RawCell } from '../../src/sheets/workbook';
import { analyze, generateMau2, generateMau3, mau1ScopeOf, runCheck } from '../../src/sheets/workflow';
import { PROCESS_HEADER, ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

const today = '2023-11-15' as CalendarDate;
const settings = defaultSettings(2023);
const d = (day: number, month: number) => new Date(Date.UTC(2023, month - 1, day));

function province(): Record<string, RawCell[][]> {
  return {
    'Cán bộ': [
      ROSTER_HEADER,
      [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', 'thuy@example.vn', '', '', ''],
      [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', '', '', '', ''],
      [3, 'Lê Thị Mai', 'Kế toán', 'Văn phòng', '', '', 'Kế toán', '', ''],
    ],
    'Đi cơ sở': [
      [...TRIP_HEADER, 'Ghi chú riêng'],
      [
        1,
        'Nguyễn Thị Thủy',
        '',
        'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
        'Tháng Thanh niên',
        60,
        d(1, 3),
        d(29, 4),
        'Xã A',
        'Xã/Phường',
        'Đã thực hiện',
        'giữ nguyên',
      ],
      [2, 'Nguyễn Thị Thủy', '', 'Theo chuyên đề', 'Khảo sát chi đoàn', 5, d(5, 6), d(9, 6), 'Xã B', 'Chi đoàn', 'Đã thực hiện', ''],
      [3, 'Nguyễn Thị Thủy', '', '3.1', '=HYPERLINK("http://x")', '', '11/09/2023', '15/09/2023', '+84 xã C', 'Chi đoàn', 'Đã thực hiện', '@ghi chú'],
      [4, 'Trần Văn Hoan', '', 'Kiểm tra, giám sát', '', '', d(2, 8), d(4, 8), 'Xã D', '', '', ''],
      [5, 'Trần Văn Hòa', '', 'Theo chuyên đề', '', '', '31/02/2023', d(4, 8), 'Xã D', '', '', ''],
      [],
      [7, 'Trần Văn Hoà', 'Ban Tuyên giáo', 'Dự sinh hoạt chi đoàn', '', 1, d(10, 7), d(10, 7), '', '', 'Đã thực hiện', ''],
    ],
  };
}

function cloneValues(wb: MemoryWorkbook, tab: string) {
  return structuredClone(wb.readTab(tab)!.values);
}

describe('chạy kiểm tra trên bảng tính', () => {
  it('không đổi một giá trị nào người dùng đã nhập (chỉ thêm cột kết quả của tiện ích)', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    const before = { roster: cloneValues(wb, 'Cán bộ'), trips: cloneValues(wb, 'Đi cơ sở') };
    runCheck(wb, { settings, today });
    const after = { roster: wb.readTab('Cán bộ')!.values, trips: wb.readTab('Đi cơ sở')!.values };
    for (const [key, rows] of Object.entries(before)) {
      rows.forEach((row, r) => row.forEach((cell, c) => expect(after[key as 'roster'][r]![c], `${key} ${r + 1}:${c + 1}`).toEqual(cell)));
    }
    expect(after.trips[0]!.at(-1)).toBe('Kết quả kiểm tra');
    expect(after.roster[0]!.at(-1)).toBe('Kết quả 1+2');
  });

  it('một cán bộ có ở tab Cán bộ nhưng dòng ấy có lỗi: đợt của người đó chỉ đến dòng cần sửa, không bảo thêm cán bộ', () => {
    const tabs = province();
    // Ngày bắt đầu 31/02/2020 does not exist: row 3 (Trần Văn Hòa) is left off the roster until it is fixed.
    tabs['Cán bộ']![2]![8] = '31/02/2020';
    const wb = MemoryWorkbook.fromTabs(tabs);
    runCheck(wb, { settings, today });
    const status = (row: number) => wb.snapshot('Đi cơ sở').values[row - 1]![12];
    expect(status(8)).toBe(
      'Lỗi: Cán bộ “Trần Văn Hoà” ở dòng 3 của tab Cán bộ chưa được tính vì dòng đó có lỗi. Hãy sửa dòng 3; đợt này được tính khi dòng ấy đúng.',
    );
    // A name that is on no row at all is still "không có".
    expect(status(5)).toMatch(/^Lỗi: Không có cán bộ “Trần Văn Hoan”/);
  });

  it('chạy hai lần cho cùng một bảng tính', () => {
    const once = MemoryWorkbook.fromTabs(province());
    runCheck(once, { settings, today });
    const twice = MemoryWorkbook.fromTabs(province());
    runCheck(twice, { settings, today });
    runCheck(twice, { settings, today });
    for (const tab of once.tabNames()) expect(twice.snapshot(tab), tab).toEqual(once.snapshot(tab));
    expect(twice.tabNames()).toEqual(once.tabNames());
  });

  it('ghi lỗi đúng dòng, đúng ô; tô màu bằng quy tắc theo cột kết quả; dòng sạch thì hết màu', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Đi cơ sở');
    const status = (row: number) => snap.values[row - 1]![12];
    expect(status(2)).toBe('Hợp lệ');
    expect(status(5)).toMatch(/^Lỗi: Không có cán bộ “Trần Văn Hoan”/);
    expect(status(6)).toMatch(/Từ ngày “31\/02\/2023” không tồn tại/);
    expect(status(7) ?? '').toBe('');
    // What a person sees: the row in error red, the clean row untouched; no fill of the user's was written.
    expect(wb.seen('Đi cơ sở', 5, 2).background).toBe('#f4c7c3');
    expect(wb.seen('Đi cơ sở', 2, 2).background).toBeNull();
    expect(snap.backgrounds).toEqual([]);
    expect(snap.notes[5]![6]).toContain(NOTE_MARKER);
    expect(snap.notes[4]![1]).toContain(NOTE_MARKER);

    // Fix the name: the next run takes our note off that cell and the row is no longer red.
    wb.setCell('Đi cơ sở', 5, 2, 'Trần Văn Hòa');
    runCheck(wb, { settings, today });
    expect(wb.snapshot('Đi cơ sở').notes[4]?.[1] ?? '').toBe('');
    expect(wb.seen('Đi cơ sở', 5, 2).background).toBeNull();
  });

  it('giữ ghi chú riêng của người dùng trên ô, chỉ thay phần của tiện ích', () => {
    const wb = MemoryWorkbook.fromTabs(province(), { notes: { 'Đi cơ sở': [[], [], [], [], [], ['', '', '', '', '', '', 'Hỏi lại anh Hòa']] } });
    runCheck(wb, { settings, today });
    runCheck(wb, { settings, today });
    const note = wb.snapshot('Đi cơ sở').notes[5]![6]!;
    expect(note.startsWith('Hỏi lại anh Hòa\n' + NOTE_MARKER)).toBe(true);
    expect(note.split(NOTE_MARKER)).toHaveLength(2);
  });

  it('tô màu tab Cán bộ theo kết luận: miễn xám, thiếu yêu cầu địa bàn cam, thiếu cả ngày và chuyên đề đỏ chữ đậm', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    wb.setFormat('Cán bộ', 3, 2, { background: '#fff2cc' });
    runCheck(wb, { settings, today });
    const snap = wb.snapshot('Cán bộ');
    expect(snap.values[3]![9]).toBe('Miễn: Kế toán.');
    // 70 days and two chuyên đề rounds, but 06-HD §III.2's chi đoàn meeting and cấp huyện are missing ("Xã/Phường" is
    // cấp cơ sở).
    expect(snap.values[1]![9]).toBe(
      'Thiếu sinh hoạt chi đoàn và cấp huyện: Chưa dự sinh hoạt chi đoàn (Hướng dẫn yêu cầu phải có). Chưa đi cơ sở ở cấp huyện (Hướng dẫn yêu cầu phải có).',
    );
    expect(wb.seen('Cán bộ', 4, 1)).toEqual({ background: '#e0e0e0', bold: false });
    expect(wb.seen('Cán bộ', 2, 1)).toEqual({ background: '#f9cb9c', bold: false });
    expect(wb.seen('Cán bộ', 3, 2)).toEqual({ background: '#f4c7c3', bold: true });
    // The user's own yellow is still there under our rule.
    expect(snap.backgrounds[2]![1]).toBe('#fff2cc');
    expect(snap.fontWeights).toEqual([]);
  });

  it('tạo tab Tổng hợp 1+2, Mẫu 2 và Mẫu 3; chữ bắt đầu bằng = + @ vẫn là chữ', () => {
    const wb = MemoryWorkbook.fromTabs(province());
    const analysis = runCheck(wb, { settings, today });
    expect(generateMau2(wb, analysis, 'Ban Tuyên giáo')).toBe('Mẫu 2 - Tuyên giáo');
    const mau3 = generateMau3(wb, analysis, null, 3);
    expect(mau3).toMatchObject({ name: 'Mẫu 3 Quý III-2023', summary: { trips: 2, days: 5 + 1 } });
    const values = wb.snapshot('Mẫu 3 Quý III-2023').values.flat();
    expect(values).toContain('=HYPERLINK("http://x")');
    expect(values).toContain('+84 xã C');
    expect(wb.tabNames()).toEqual(['Cán bộ', 'Đi cơ sở', 'Tổng hợp 1+2', 'Mẫu 2 - Tuyên giáo', 'Mẫu 3 Quý III-2023']);
  });

  it('dòng tiêu đề ở dòng 3, cột đổi thứ tự và đổi tên, có dòng trống và cột riêng', () => {
    const wb = MemoryWorkbook.fromTabs({
      'DS cán bộ': [['DANH SÁCH CÁN BỘ'], [], ['Ban', 'Họ tên', 'Ghi chú'], ['Ban Tuyên giáo', 'Nguyễn Thị Thủy', 'x'], [], ['Văn phòng', 'Lê Văn Tám', '']],
      'Đi Cơ Sở': [
        ['Từ', 'Đến', 'Họ tên', 'Nội dung'],
        [d(1, 6), d(5, 6), 'Nguyễn Thị Thủy', 'chuyên đề'],
      ],
    });
    const analysis = analyze(wb, { settings, today });
    expect(analysis.tabs).toEqual({ roster: 'DS cán bộ', trips: 'Đi Cơ Sở' });
    expect(analysis.roster.cadres.map((c) => c.row)).toEqual([4, 6]);
    expect(analysis.evaluation.cadres[0]).toMatchObject({ daysDone: 5, roundsDone: 1 });
    expect(analysis.issues).toEqual([]);
  });

  it.each([
    ['không có tab cán bộ', { 'Đi cơ sở': [TRIP_HEADER] }, 'Không tìm thấy tab danh sách cán bộ'],
    ['không có tab đi cơ sở', { 'Cán bộ': [ROSTER_HEADER] }, 'Không tìm thấy tab các đợt đi cơ sở'],
    ['tab cán bộ thiếu cột Ban', { 'Cán bộ': [['STT', 'Họ và tên']], 'Đi cơ sở': [TRIP_HEADER] }, 'Tab “Cán bộ” thiếu cột bắt buộc: “Ban/Văn phòng”'],
  ])('báo lỗi rõ ràng: %s', (_name, tabs, message) => {
    const wb = MemoryWorkbook.fromTabs(tabs as Record<string, RawCell[][]>);
    expect(() => runCheck(wb, { settings, today })).toThrow(message);
  });

  it('vài nghìn dòng', () => {
    const roster: RawCell[][] = [ROSTER_HEADER];
    const trips: RawCell[][] = [[...TRIP_HEADER, ...PROCESS_HEADER]];
    for (let i = 0; i < 200; i++) roster.push([i + 1, `Cán bộ Số ${i}`, 'Chuyên viên', `Ban ${i % 5}`, '', '', '', '', '']);
    for (let i = 0; i < 4000; i++) {
      const start = (i * 7) % 330;
      trips.push([
        i + 1,
        `Cán bộ Số ${i % 200}`,
        '',
        i % 3 ? 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở' : 'Theo chuyên đề',
        '',
        '',
        d(1 + (start % 28), 1 + Math.floor(start / 30)),
        d(1 + (start % 28) + 2, 1 + Math.floor(start / 30)),
        '',
        '',
        'Đã thực hiện',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    const wb = MemoryWorkbook.fromTabs({ 'Cán bộ': roster, 'Đi cơ sở': trips });
    const analysis = runCheck(wb, { settings, today });
    expect(analysis.evaluation.cadres).toHaveLength(200);
    expect(analysis.trips.rowsRead).toBe(4000);
    expect(wb.snapshot('Đi cơ sở').values).toHaveLength(4001);
  });

  it('tab Cài đặt ghi đè năm và bộ quy định', () => {
    const tabs = province();
    tabs['Cài đặt'] = [
      ['Cài đặt', 'Giá trị'],
      ['Bộ quy định', 'tay-ninh-2023'],
      ['Kế hoạch số', '15-KH/TĐTN'],
    ];
    const analysis = analyze(MemoryWorkbook.fromTabs(tabs), { settings, today });
    expect(analysis.settings.preset).toBe('tay-ninh-2023');
    expect(analysis.period.end).toBe('2023-10-25');
    expect(analysis.settings.planNumber).toBe('15-KH/TĐTN');
  });
});

describe('năm đang kiểm tra khác năm của bảng tính', () => {
  it('bảng tính 2023 kiểm tra như năm 2024 (chưa ghi Năm ở tab Cài đặt): một thông báo chỉ cách sửa', () => {
    const analysis = analyze(MemoryWorkbook.fromTabs(province()), { settings: defaultSettings(2024), today: '2024-01-15' as CalendarDate });
    const live = analysis.trips.trips.filter((t) => t.status !== 'cancelled').length;
    expect(analysis.notices).toEqual([
      `Đang kiểm tra năm 2024 nhưng ${live}/${live} đợt nằm ngoài kỳ tính, phần lớn thuộc năm 2023: các đợt đó không được tính. ` +
        'Nếu bảng tính là của năm 2023, hãy ghi Năm 2023 ở tab Cài đặt (hoặc thêm --year 2023 khi dùng lệnh dicoso).',
    ]);
    expect(analyze(MemoryWorkbook.fromTabs(province()), { settings, today }).notices).toEqual([]);
  });

  it.each([
    ['tab Cài đặt ghi Năm 2023: bỏ --year', [['Năm', 2023]], 'hãy bỏ --year 2024: tab Cài đặt đã ghi Năm 2023.'],
    ['không có Năm ở tab Cài đặt: ghi --year đúng', [], 'hãy ghi --year 2023.'],
  ])('--year 2024 trên bảng tính 2023, %s', (_name, rows, advice) => {
    const tabs = province();
    tabs['Cài đặt'] = [['Cài đặt', 'Giá trị'], ...(rows as RawCell[][])];
    const flagYear = (s: typeof settings) => ({ ...s, year: 2024 });
    const [notice] = analyze(MemoryWorkbook.fromTabs(tabs), { settings, today, overrides: flagYear }).notices;
    expect(notice).toMatch(/^Đang kiểm tra năm 2024 \(theo --year 2024\) nhưng \d+\/\d+ đợt nằm ngoài kỳ tính, phần lớn thuộc năm 2023/);
    expect(notice).toContain(`Nếu bảng tính là của năm 2023, ${advice}`);
    expect(notice).not.toContain('ở tab Cài đặt (hoặc');
  });
});

describe('email lãnh đạo của một ban không có trong tab Cán bộ', () => {
  it('được nêu trong thông báo, để thư của ban đó không lặng lẽ đi lạc', () => {
    const withLeaders = {
      ...settings,
      recipients: { ...settings.recipients, banLeaders: { 'Ban Tuyên giáo': 'tg@example.vn', 'Ban Không Có': 'x@example.vn' } },
    };
    const analysis = analyze(MemoryWorkbook.fromTabs(province()), { settings: withLeaders, today });
    expect(analysis.notices).toEqual([
      'Có email lãnh đạo cho “Ban Không Có” nhưng tab Cán bộ không có ban nào tên như vậy: thư của ban đó sẽ không tới địa chỉ này. Hãy ghi tên ban đúng như ở tab Cán bộ.',
    ]);
  });
});

describe('--mau1 và hộp chọn mẫu 1: tên cán bộ đọc như tên ở dòng đi cơ sở', () => {
  it.each([
    ['đúng dấu', 'Trần Văn Hòa'],
    ['không dấu', 'Tran Van Hoa'],
    ['chữ hoa, dấu kiểu cũ', 'TRẦN VĂN HOÀ'],
  ])('%s: “%s” là Trần Văn Hòa', (_name, wanted) => {
    const analysis = analyze(MemoryWorkbook.fromTabs(province()), { settings, today });
    expect(mau1ScopeOf(analysis, wanted)).toMatchObject({ cadre: { name: 'Trần Văn Hòa' } });
  });
  it('tên ban vẫn chọn cả ban', () => {
    const analysis = analyze(MemoryWorkbook.fromTabs(province()), { settings, today });
    expect(mau1ScopeOf(analysis, 'ban tuyen giao')).toEqual({ ban: 'Ban Tuyên giáo' });
  });
});
