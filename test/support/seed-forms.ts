import ExcelJS from 'exceljs';

/**
 * Workbooks typed the way departments keep them today: the layouts of seed 001's forms (a title block above the
 * header, the "(1) (2) …" row, "Thời gian cụ thể" holding the whole range, "30 ngày", a closing "Tổng" row), their
 * own colours, notes and merged cells. One per preset, each with what every cadre should get, worked out by hand
 * from the regulation text beside it, never from the program.
 */

export interface ExpectedCadre {
  daysDone: number;
  daysProjected: number;
  roundsDone: number;
  status: 'ok' | 'short-days' | 'short-rounds' | 'short-both' | 'short-place' | 'exempt';
  rating: 'dat' | 'khong-dat' | 'xuat-sac' | 'hoan-thanh' | 'chua-hoan-thanh' | null;
  /** The one verdict's words, as the roster column, the progress card and `--json` give them. */
  verdictLabel: string;
  /** Sentences the cadre's reasons must hold. */
  reasons?: string[];
}

export interface SeedFixture {
  name: string;
  preset: 'kien-giang-2023' | 'tay-ninh-2023' | 'ha-nam-2022';
  /** `--today` */
  today: string;
  rosterTab: string;
  tripsTab: string;
  build(): ExcelJS.Workbook;
  expected: Record<string, ExpectedCadre>;
  /** Row issues expected, by code, with the (1-based) row on the trips tab. */
  issues: { code: string; row: number; level: 'error' | 'warning' }[];
  /** Words each notice about the workbook (a tab not read…) must hold, one notice each. */
  notices?: string[];
}

type Cell = string | number | Date | null;

/** A title block like the forms' own: province, Ban, union; place and date; title; subtitle; blank. */
function titleBlock(ws: ExcelJS.Worksheet, province: string, title: string, subtitle: string, width: number): number {
  const lines = [
    `BCH ĐOÀN TỈNH ${province.toUpperCase()}`,
    'BAN TUYÊN GIÁO',
    'ĐOÀN TNCS HỒ CHÍ MINH',
    `${province}, ngày 20 tháng 10 năm 2023`,
    title,
    subtitle,
    '(Kèm theo Kế hoạch số 12-KH/TĐTN-TCKT, ngày 10/01/2023 của Ban Thường vụ Tỉnh đoàn)',
    '',
  ];
  lines.forEach((text, i) => {
    const row = i + 1;
    if (text === '') return;
    ws.getCell(row, 1).value = text;
    ws.mergeCells(row, 1, row, width);
    ws.getCell(row, 1).font = { bold: i === 4, size: i === 4 ? 14 : 11 };
    ws.getCell(row, 1).alignment = { horizontal: 'center' };
  });
  return lines.length;
}

function rows(ws: ExcelJS.Worksheet, first: number, values: Cell[][]): void {
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(first + r, c + 1).value = v;
    }),
  );
}

/** A user's own formatting, as people colour their sheets: a yellow header, a note on a cell. */
function userFormatting(ws: ExcelJS.Worksheet, headerRow: number, width: number): void {
  for (let c = 1; c <= width; c++) {
    const cell = ws.getCell(headerRow, c);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    cell.font = { bold: true };
  }
}

const d = (day: number, month: number, year: number) => new Date(Date.UTC(year, month - 1, day));

// ---------------------------------------------------------------------------------------------------- Tây Ninh

/**
 * Tây Ninh plan 2023 (seed 001): 60 days from 01/01 to 25/10; at least two "cùng ăn, cùng ở, cùng làm" rounds, for a
 * Chuyên viên each at least 30 days, of any content (§II.2.3: 1.1 and 1.5 are the focus, "tập trung"); kế toán are not
 * subject (§II.2 Lưu ý). The trips tab is mẫu 3 as the plan prints it; no status column, so a trip whose end has passed
 * counts as done (DOMAIN). Today 15/11/2023 is after the period: only done trips count, and the year-end verdict is
 * completion (the plan defines no rating scale): Hoàn thành or Chưa hoàn thành.
 */
export const TAY_NINH: SeedFixture = {
  name: 'Tây Ninh: mẫu 3, số mục 1.1–1.5, “30 ngày”, khoảng ngày trong một ô',
  preset: 'tay-ninh-2023',
  today: '2023-11-15',
  rosterTab: 'Danh sách cán bộ',
  tripsTab: 'Đăng ký đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Danh sách cán bộ');
    roster.getCell(1, 1).value = 'DANH SÁCH CÁN BỘ CƠ QUAN TỈNH ĐOÀN NĂM 2023';
    roster.mergeCells(1, 1, 1, 5);
    rows(roster, 3, [
      ['TT', 'Họ tên', 'Chức vụ', 'Ban/Văn phòng', 'Không áp dụng'],
      [1, 'Nguyễn Văn An', 'Chuyên viên', 'Ban Tuyên giáo', null],
      [2, 'Trần Thị Bình', 'Trưởng ban', 'Ban Tuyên giáo', null],
      [3, 'Lê Văn Cường', 'Chuyên viên', 'Văn phòng', 'Kế toán'],
      [4, 'Phan Văn Dũng', 'Chuyên viên', 'Văn phòng', null],
    ]);
    userFormatting(roster, 3, 5);

    const trips = wb.addWorksheet('Đăng ký đi cơ sở');
    const header = [
      'STT',
      'Họ và tên',
      'Nội dung',
      'Cụ thể nội dung đi cơ sở',
      'Số ngày đi',
      'Thời gian cụ thể',
      'Địa điểm',
      'Nêu khái quát những kết quả chủ yếu (mặt được, hạn chế của từng nội dung); đề xuất, kiến nghị (nếu có)',
    ];
    const top = titleBlock(trips, 'Tây Ninh', 'TỔNG HỢP BÁO CÁO', 'Kết quả đi công tác cơ sở năm 2023', header.length);
    rows(trips, top + 1, [
      header,
      ['(1)', null, '(2)', '(3)', '(4)', '(5)', '(6)', null],
      // row 11
      [
        1,
        'Nguyễn Văn An',
        'VD1: 1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
        'Cùng xã đoàn tổ chức ngày hội',
        '30 ngày',
        'Từ ngày 01/4/2023 – 01/5/2023',
        'Xã Long Thành Bắc',
        'Tốt',
      ],
      [2, 'Nguyễn Văn An', 'VD2: 1.3 Theo chuyên đề', 'Khảo sát đoàn viên', '10 ngày', 'Từ ngày 01/6/2023 – 15/6/2023', 'Huyện Gò Dầu', ''],
      [3, 'Nguyễn Văn An', '1.5', 'Sinh hoạt chi đoàn ấp', null, '01/7/2023 - 30/7/2023', 'Ấp Bến Cừ', ''],
      [
        4,
        'Trần Thị Bình',
        '1.4 Dự họp và sinh hoạt chuyên đề của hội nghị BCH, BTV',
        'Hội nghị BCH huyện đoàn',
        '3 ngày',
        'Từ ngày 10/3/2023 đến ngày 12/3/2023',
        'Huyện Châu Thành',
        '',
      ],
      // row 15
      [5, 'Trần Thị Bình', '1.2', 'Kiểm tra chuyên đề', '20 ngày', 'Từ ngày 02/5/2023 – 21/5/2023', 'Thị xã Trảng Bàng', ''],
      [6, 'Trần Thị Bình', '1.3.', 'Khảo sát CLB', '5 ngày', '05/9/2023 - 09/9/2023', 'Xã Phước Chỉ', ''],
      [7, 'Trần Thị Bình', '1.1', 'Chiến dịch', '10 ngày', 'Từ ngày 20/10/2023 – 03/11/2023', 'Xã Suối Đá', ''],
      [8, 'Phan Văn Dũng', '1.1', 'Tháng Thanh niên', null, 'Từ ngày 01/3/2023 – 20/3/2023', 'Xã Hảo Đước', ''],
      // row 19
      [9, 'Phan Văn Dũng', '1.1', 'Hè tình nguyện', '45 ngày', '01/6/2023 - 20/7/2023', 'Xã Tân Hòa', ''],
      ['Tổng', null, null, null, 148, null, null, null],
    ]);
    userFormatting(trips, top + 1, header.length);
    trips.getCell(top + 5, 7).note = 'Đã xác nhận qua điện thoại';
    return wb;
  },
  expected: {
    // 1.1: 30 declared in a 31-day window (valid round: 1.1, ≥ 30); 1.3: 10 declared; 1.5: 30-day window, blank days
    // (valid round). min(30 + 10 + 30, 31 + 15 + 30) = 70 ≥ 60, two rounds.
    'Nguyễn Văn An': { daysDone: 70, daysProjected: 70, roundsDone: 2, status: 'ok', rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' },
    // 3 + 20 + 5 + (10 declared, but 20/10–03/11 is clipped to 20/10–25/10: 6) = 34 < 60. Every kind is a round for a
    // Lãnh đạo ban (no length rule): 4 rounds.
    'Trần Thị Bình': {
      daysDone: 34,
      daysProjected: 34,
      roundsDone: 4,
      status: 'short-days',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      reasons: ['Còn thiếu 26 ngày.'],
    },
    // “Kế toán” is on the plan's list (§II.2 Lưu ý).
    'Lê Văn Cường': { daysDone: 0, daysProjected: 0, roundsDone: 0, status: 'exempt', rating: null, verdictLabel: 'Miễn' },
    // 20 (window, blank days) + 45 declared = 65 ≥ 60; only the 45-day 1.1 reaches 30 days: 1 round of 2.
    'Phan Văn Dũng': {
      daysDone: 65,
      daysProjected: 65,
      roundsDone: 1,
      status: 'short-rounds',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      reasons: ['Thiếu 1 đợt “cùng ăn, cùng ở, cùng làm” hợp lệ (tối thiểu 30 ngày).'],
    },
  },
  issues: [
    { code: 'outside-period', row: 17, level: 'warning' },
    { code: 'round-length', row: 18, level: 'warning' },
  ],
};

// ---------------------------------------------------------------------------------------------------- Kiên Giang

/**
 * Kiên Giang 06-HD/TĐTN-BTCKT (2023): 60 days a year, at least two chuyên đề (3.1) rounds of 5–7 days, not back to
 * back (§III.1); 3.4 is one item, hội nghị BCH/BTV and sinh hoạt chi đoàn (§III.3.4); the trips "phải" include a chi
 * đoàn meeting and reach cấp huyện and cấp cơ sở (§III.2, a requirement). No Cấp column: the level is what the place
 * names (“Xã …” is cơ sở, “Huyện …” huyện; “Ấp 3” names none). Bare numbers typed as the guidance numbers them. Today
 * 15/11/2023, inside the period: done trips plus registrations still ahead decide the verdict; a registration whose end
 * has passed counts nowhere.
 */
export const KIEN_GIANG: SeedFixture = {
  name: 'Kiên Giang: số mục trơn 3.1–3.5, 3.4 là một mục, đợt đã duyệt quá hạn',
  preset: 'kien-giang-2023',
  today: '2023-11-15',
  rosterTab: 'Cán bộ',
  tripsTab: 'Đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Cán bộ');
    rows(roster, 1, [
      ['STT', 'Họ và tên', 'Chức vụ', 'Ban', 'Miễn chuyên đề (văn bản)'],
      [1, 'Phạm Thị Hoa', 'Chuyên viên', 'Ban Phong trào', null],
      [2, 'Võ Văn Hùng', 'Phó Trưởng ban', 'Ban Phong trào', null],
      [3, 'Đặng Thu Trang', 'Chuyên viên', 'Ban Phong trào', 'Công văn 15-CV/TĐTN ngày 02/3/2023'],
    ]);
    roster.getCell(2, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } };
    const trips = wb.addWorksheet('Đi cơ sở');
    rows(trips, 1, [
      ['STT', 'Họ và tên', 'Ban', 'Nội dung', 'Số ngày', 'Từ ngày', 'Đến ngày', 'Địa điểm', 'Trạng thái'],
      [1, 'Phạm Thị Hoa', 'Ban Phong trào', '3.2', 28, d(1, 2, 2023), d(28, 2, 2023), 'Xã Bình An', 'Đã thực hiện'],
      [2, 'Phạm Thị Hoa', 'Ban Phong trào', '3.1', 6, d(6, 3, 2023), d(11, 3, 2023), 'Xã Bình An', 'Đã thực hiện'],
      [3, 'Phạm Thị Hoa', 'Ban Phong trào', '3.1', 5, d(12, 3, 2023), d(16, 3, 2023), 'Xã Bình Sơn', 'Đã thực hiện'],
      [5, 'Phạm Thị Hoa', 'Ban Phong trào', '3.1.', 7, d(10, 7, 2023), d(16, 7, 2023), 'Xã Mong Thọ', 'Đã thực hiện'],
      // row 6
      [6, 'Phạm Thị Hoa', 'Ban Phong trào', '3.4', 1, d(20, 8, 2023), d(20, 8, 2023), 'Xã Mong Thọ', 'Đã thực hiện'],
      [7, 'Phạm Thị Hoa', 'Ban Phong trào', 3.3, 12, d(4, 9, 2023), d(15, 9, 2023), 'Huyện Châu Thành', 'Đã thực hiện'],
      [8, 'Võ Văn Hùng', 'Ban Phong trào', '3.2', 31, d(1, 3, 2023), d(31, 3, 2023), 'Xã Thạnh Lộc', 'Đã thực hiện'],
      // row 9: approved, ended 11/06, never marked done
      [9, 'Võ Văn Hùng', 'Ban Phong trào', '3.1', 7, d(5, 6, 2023), d(11, 6, 2023), 'Xã Thạnh Lộc', 'Đã duyệt'],
      [10, 'Võ Văn Hùng', 'Ban Phong trào', '3.1', 5, d(20, 11, 2023), d(24, 11, 2023), 'Xã Thạnh Lợi', 'Đăng ký'],
      [11, 'Võ Văn Hùng', 'Ban Phong trào', '3.4 Sinh hoạt chi đoàn ấp 3', 1, d(10, 10, 2023), d(10, 10, 2023), 'Ấp 3', 'Đã thực hiện'],
      [12, 'Võ Văn Hùng', 'Ban Phong trào', '3.5', 28, d(1, 12, 2023), d(28, 12, 2023), 'Huyện Giồng Riềng', 'Đăng ký'],
      [13, 'Đặng Thu Trang', 'Ban Phong trào', '3.2', 60, d(1, 4, 2023), d(30, 5, 2023), 'Xã Vĩnh Hòa', 'Đã thực hiện'],
      // row 14: no item 3.6 in 06-HD
      [14, 'Đặng Thu Trang', 'Ban Phong trào', '3.6', 2, d(1, 6, 2023), d(2, 6, 2023), 'Xã Vĩnh Hòa', 'Đã thực hiện'],
    ]);
    trips.getCell(4, 4).note = 'Đợt 2 nối tiếp đợt 1';
    return wb;
  },
  expected: {
    // 28 + 6 + 5 + 7 + 1 + 12 = 59 distinct days: one short. 06–11/03 and 12–16/03 touch: one stint, one round;
    // with 10–16/07 two rounds. The bare 3.4 counts its day but does not show a chi đoàn meeting. Xã (cơ sở) and
    // Huyện Châu Thành reached.
    'Phạm Thị Hoa': {
      daysDone: 59,
      daysProjected: 59,
      roundsDone: 2,
      status: 'short-days',
      rating: null,
      verdictLabel: 'Thiếu ngày và sinh hoạt chi đoàn',
      reasons: [
        'Còn thiếu 1 ngày.',
        'Chưa xác nhận được việc dự sinh hoạt chi đoàn: 1 đợt mục 3.4 không ghi rõ là sinh hoạt chi đoàn (ghi “sinh hoạt chi đoàn” ở nội dung hoặc cụ thể nội dung nếu đúng).',
      ],
    },
    // Done 31 + 1 = 32; ahead 5 + 28: 65 ≥ 60. The approved June round is overdue and counts nowhere: 1 round ahead.
    // The chi đoàn meeting is done; cấp huyện only registered (Huyện Giồng Riềng in December).
    'Võ Văn Hùng': {
      daysDone: 32,
      daysProjected: 65,
      roundsDone: 0,
      status: 'short-rounds',
      rating: null,
      verdictLabel: 'Thiếu chuyên đề',
      reasons: [
        '1 đợt đã qua ngày kết thúc nhưng chưa đánh dấu “Đã thực hiện”: không tính vào số ngày đã đi hay dự kiến.',
        'cấp huyện: mới có trong các đợt đã đăng ký.',
      ],
    },
    // 60 days of 3.2 at Xã Vĩnh Hòa; the written waiver lifts the chuyên đề rounds. The 3.6 row is an error and not
    // counted. §III.2: no chi đoàn meeting, no trip at cấp huyện.
    'Đặng Thu Trang': {
      daysDone: 60,
      daysProjected: 60,
      roundsDone: 0,
      status: 'short-place',
      rating: null,
      verdictLabel: 'Thiếu sinh hoạt chi đoàn và cấp huyện',
      reasons: ['Chưa dự sinh hoạt chi đoàn (Hướng dẫn yêu cầu phải có).', 'Chưa đi cơ sở ở cấp huyện (Hướng dẫn yêu cầu phải có).'],
    },
  },
  issues: [
    { code: 'rounds-back-to-back', row: 4, level: 'warning' },
    { code: 'overdue-registration', row: 9, level: 'warning' },
    { code: 'unknown-content', row: 14, level: 'error' },
  ],
};

// ---------------------------------------------------------------------------------------------------- Hà Nam

/**
 * Hà Nam 2022 (seed 000): 60 days from January to December, no required rounds. Labels only, no numbering; mẫu 2's
 * captions. Today 10/01/2023: the period is over; the year-end verdict is completion (seed 000 has no rating scale).
 */
export const HA_NAM: SeedFixture = {
  name: 'Hà Nam: chỉ ghi nhãn, không số mục',
  preset: 'ha-nam-2022',
  today: '2023-01-10',
  rosterTab: 'Danh sách cán bộ',
  tripsTab: 'Đăng ký đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Danh sách cán bộ');
    rows(roster, 1, [
      ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng'],
      [1, 'Hoàng Minh Tuấn', 'Chuyên viên', 'Ban Tổ chức – Kiểm tra'],
      [2, 'Bùi Thị Lan', 'Chuyên viên', 'Ban Tổ chức – Kiểm tra'],
      [3, 'Ngô Văn Phúc', 'Phó Trưởng ban', 'Ban Tổ chức – Kiểm tra'],
    ]);
    const trips = wb.addWorksheet('Đăng ký đi cơ sở');
    const header = ['STT', 'Họ và tên', 'Chức vụ', 'Nội dung đi cơ sở', 'Số ngày đi', 'Thời gian cụ thể', 'Địa điểm'];
    const top = titleBlock(trips, 'Hà Nam', 'BẢN TỔNG HỢP ĐĂNG KÝ', 'Đi công tác cơ sở theo chủ trương “1+2” năm 2022', header.length);
    rows(trips, top + 1, [
      header,
      // row 10
      [1, 'Hoàng Minh Tuấn', 'Chuyên viên', 'Kiểm tra, giám sát', '25 ngày', 'Từ ngày 03/01/2022 – 31/01/2022', 'Huyện Lý Nhân'],
      [2, 'Hoàng Minh Tuấn', 'Chuyên viên', 'Theo chuyên đề', null, '01/3/2022 - 31/3/2022', 'Huyện Bình Lục'],
      [3, 'Hoàng Minh Tuấn', 'Chuyên viên', 'Dự sinh hoạt chi đoàn', null, 'ngày 15/4/2022', 'Chi đoàn thôn 2'],
      [4, 'Bùi Thị Lan', 'Chuyên viên', 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở', null, 'Từ ngày 01/6/2022 đến ngày 15/7/2022', 'Xã Mộc Bắc'],
      [5, 'Bùi Thị Lan', 'Chuyên viên', 'THEO CHUYEN DE', null, 'Từ ngày 01/9/2022 – 20/9/2022', 'Xã Thanh Hà'],
      // row 15: the end is missing
      [6, 'Ngô Văn Phúc', 'Phó Trưởng ban', 'Kiểm tra, giám sát', null, 'Từ ngày 05/10/2022', 'Huyện Kim Bảng'],
      [7, 'Ngô Văn Phúc', 'Phó Trưởng ban', 'Theo chuyên đề', null, '01/11/2022 - 30/11/2022', 'Huyện Thanh Liêm'],
    ]);
    userFormatting(trips, top + 1, header.length);
    return wb;
  },
  expected: {
    // min(25 + 31 + 1, 29 + 31 + 1) = 57 < 60. Hà Nam requires no rounds, but a chuyên đề trip is still counted as one.
    'Hoàng Minh Tuấn': {
      daysDone: 57,
      daysProjected: 57,
      roundsDone: 1,
      status: 'short-days',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      reasons: ['Còn thiếu 3 ngày.'],
    },
    // 45 + 20 = 65.
    'Bùi Thị Lan': { daysDone: 65, daysProjected: 65, roundsDone: 1, status: 'ok', rating: 'hoan-thanh', verdictLabel: 'Hoàn thành' },
    // The range without an end is an error, not counted: 30 days.
    'Ngô Văn Phúc': {
      daysDone: 30,
      daysProjected: 30,
      roundsDone: 1,
      status: 'short-days',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      reasons: ['Còn thiếu 30 ngày.'],
    },
  },
  issues: [{ code: 'date-invalid', row: 15, level: 'error' }],
};

// ------------------------------------------------------------------------------------------ a province's own mẫu 2

/**
 * Kiên Giang again, as a province keeps its mẫu 2 in practice: one table grouped by Ban under Roman-numbered headings
 * merged across the row, its own captions (“Họ và tên cán bộ”, “Số ngày thực hiện”, “Trạng thái thực hiện”), the i
 * spelling of ký, and a plan tab “Đăng kí đi cơ sở” kept before the results tab. 06-HD: 60 days, two chuyên đề rounds
 * (3.1) of 5–7 days, a chi đoàn meeting (§III.2); no Địa điểm or Cấp column, so the levels cannot be checked (and fail
 * no one). Today 15/11/2023: the year is not over, no rating yet.
 */
export const KIEN_GIANG_BY_BAN: SeedFixture = {
  name: 'Kiên Giang: bảng chia theo ban, tên cột riêng, thêm tab kế hoạch',
  preset: 'kien-giang-2023',
  today: '2023-11-15',
  rosterTab: 'DANH SÁCH CÁN BỘ',
  tripsTab: 'Đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('DANH SÁCH CÁN BỘ');
    rows(roster, 1, [
      ['TT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng'],
      ['I', 'BAN PHONG TRÀO'],
      [1, 'Lê Văn Cường', 'Chuyên viên', 'Ban Phong trào'],
      [2, 'Hồ Văn Nam', 'Chuyên viên', 'Ban Phong trào'],
      ['II', 'BAN TUYÊN GIÁO'],
      [3, 'Trần Thị Mai', 'Chuyên viên', 'Ban Tuyên giáo'],
    ]);
    roster.mergeCells('B2:D2');
    roster.mergeCells('B5:D5');
    // A plan the department also keeps: its 50 days are registrations, not what was done.
    const plan = wb.addWorksheet('Đăng kí đi cơ sở');
    rows(plan, 1, [
      ['STT', 'Họ và tên', 'Nội dung', 'Số ngày', 'Thời gian cụ thể'],
      [1, 'Lê Văn Cường', '3.2', '50 ngày', '01/01/2023 - 19/02/2023'],
    ]);
    const trips = wb.addWorksheet('Đi cơ sở');
    rows(trips, 1, [
      ['TT', 'Họ và tên cán bộ', 'Ban', 'Nội dung', 'Số ngày thực hiện', 'Thời gian cụ thể', 'Trạng thái thực hiện'],
      ['I', 'BAN PHONG TRÀO'],
      // row 3
      [1, 'Lê Văn Cường', 'Ban Phong trào', '3.2', '30 ngày', 'Từ ngày 01/4/2023 – 31/5/2023', 'Đã thực hiện'],
      [2, 'Lê Văn Cường', 'Ban Phong trào', '3.1', '6 ngày', 'Từ ngày 05 đến ngày 10/6/2023', 'Đã đi cơ sở'],
      [3, 'Lê Văn Cường', 'Ban Phong trào', '3.1', '5', 'Từ 04/9 tới 08/9/2023', 'Hoàn tất'],
      // row 6: will not happen
      [4, 'Lê Văn Cường', 'Ban Phong trào', '3.2', '20', '01/10/2023 - 20/10/2023', 'Không thực hiện'],
      [5, 'Lê Văn Cường', 'Ban Phong trào', '3.4 Sinh hoạt chi đoàn khu phố 2', '1', 'ngày 12/10/2023', 'Đã thực hiện'],
      [6, 'Hồ Văn Nam', 'Ban Phong trào', '3.2', '62 ngày', 'Từ ngày 01/7/2023 – 31/8/2023', 'Đã thực hiện'],
      ['II', 'BAN TUYÊN GIÁO'],
      [7, 'Trần Thị Mai', 'Tuyên giáo', '3.2', '48', 'Từ ngày 01/02/2023 đến ngày 20/3/2023', 'Đã thực hiện'],
      // row 11: marked done, but it begins on 01/12
      [8, 'Trần Thị Mai', 'Tuyên giáo', '3.1', '7', '01/12/2023 - 07/12/2023', 'Đã thực hiện'],
      [9, 'Trần Thị Mai', 'Tuyên giáo', '3.1', '5', '20/11/2023 - 24/11/2023', 'Đăng kí'],
      [10, 'Trần Thị Mai', 'Tuyên giáo', '3.4 Sinh hoạt chi đoàn', '1', 'ngày 05/5/2023', 'Đã thực hiện'],
    ]);
    trips.mergeCells('B2:G2');
    trips.mergeCells('B9:G9');
    userFormatting(trips, 1, 7);
    return wb;
  },
  expected: {
    // Declared 30 (of a 61-day window) + 6 + 5 + 1 = 42; the 20 days “Không thực hiện” count nowhere, the plan tab's 50
    // are not results. Two valid 3.1 rounds (5–10/6, 4–8/9).
    'Lê Văn Cường': {
      daysDone: 42,
      daysProjected: 42,
      roundsDone: 2,
      status: 'short-days',
      rating: null,
      verdictLabel: 'Thiếu ngày',
      reasons: ['Còn thiếu 18 ngày.'],
    },
    // 62 days, no chuyên đề round, no chi đoàn meeting.
    'Hồ Văn Nam': {
      daysDone: 62,
      daysProjected: 62,
      roundsDone: 0,
      status: 'short-rounds',
      rating: null,
      verdictLabel: 'Thiếu chuyên đề và sinh hoạt chi đoàn',
    },
    // Done 48 + 1 = 49. The December round “done” before it began waits as planned with the November registration:
    // 49 + 7 + 5 = 61 ahead, two rounds ahead: enough only if she makes those trips.
    'Trần Thị Mai': { daysDone: 49, daysProjected: 61, roundsDone: 0, status: 'ok', rating: null, verdictLabel: 'Đủ nếu đi hết các đợt đã đăng ký' },
  },
  issues: [{ code: 'done-before-start', row: 11, level: 'warning' }],
  notices: ['Tab “Đăng kí đi cơ sở” có tên như tab các đợt đi cơ sở nhưng không được đọc'],
};

export const SEED_FIXTURES: readonly SeedFixture[] = [TAY_NINH, KIEN_GIANG, HA_NAM, KIEN_GIANG_BY_BAN];

/** Writes the fixture with a Cài đặt tab naming its preset and year, as a department would set it up. */
export async function writeSeedFixture(fixture: SeedFixture, file: string): Promise<void> {
  const wb = fixture.build();
  const settings = wb.addWorksheet('Cài đặt');
  settings.addRow(['Cài đặt', 'Giá trị']);
  settings.addRow(['Bộ quy định', fixture.preset]);
  settings.addRow(['Năm', Number(fixture.today.slice(0, 4)) - (fixture.preset === 'ha-nam-2022' ? 1 : 0)]);
  await wb.xlsx.writeFile(file);
}
