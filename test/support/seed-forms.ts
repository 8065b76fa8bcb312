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
  /** The exemption the cadre is under (`--json` exempt), or null when evaluated like everyone. */
  exempt?: string | null;
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
  /** Row issues expected on the roster tab, by code, with the (1-based) row. */
  rosterIssues?: { code: string; row: number; level: 'error' | 'warning'; says?: string }[];
  /** The year of the Cài đặt tab, when it is not the year of `today` (a check made after the year's end). */
  year?: number;
  /** More rows of the Cài đặt tab: a province not in the seeds sets its own document there. */
  settings?: [string, string | number][];
  /** Cells of the trips tab, as typed, that the output workbook must keep word for word. */
  keptAsTyped?: string[];
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
      ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng', 'Miễn (lý do)'],
      [1, 'Hoàng Minh Tuấn', 'Chuyên viên', 'Ban Tổ chức – Kiểm tra'],
      [2, 'Bùi Thị Lan', 'Chuyên viên', 'Ban Tổ chức – Kiểm tra'],
      [3, 'Ngô Văn Phúc', 'Phó Trưởng ban', 'Ban Tổ chức – Kiểm tra'],
      // row 5: seed 000 lists no exemption, and this one cites no decision
      [4, 'Trần Thị Hà', 'Chuyên viên', 'Văn phòng', 'Nghỉ thai sản'],
      [5, 'Lý Văn Đức', 'Chuyên viên', 'Văn phòng', 'Theo Quyết định số 12/QĐ-TĐTN ngày 05/01/2022'],
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
    // Refused (a Hà Nam exemption must cite the decision that grants it) and evaluated: no trip.
    'Trần Thị Hà': {
      daysDone: 0,
      daysProjected: 0,
      roundsDone: 0,
      status: 'short-days',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      exempt: null,
      reasons: ['Còn thiếu 60 ngày.'],
    },
    'Lý Văn Đức': {
      daysDone: 0,
      daysProjected: 0,
      roundsDone: 0,
      status: 'exempt',
      rating: null,
      verdictLabel: 'Miễn',
      exempt: 'Theo Quyết định số 12/QĐ-TĐTN ngày 05/01/2022',
    },
  },
  issues: [{ code: 'date-invalid', row: 15, level: 'error' }],
  rosterIssues: [{ code: 'exemption-not-listed', row: 5, level: 'error', says: 'Hướng dẫn 25-HD/TĐTN' }],
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

// ------------------------------------------------------------------------------------ Kiên Giang at the year's end

const y = (day: number, month: number) => d(day, month, 2023);

/**
 * Kiên Giang 06-HD/TĐTN-BTCKT (2023) checked after the year's end (today 05/01/2024, Năm 2023), with every step of
 * §IV kept in the sheet: Ngày đăng ký, Đột xuất (văn bản), Cấp, Xác nhận cơ sở, Đã báo cáo, Điểm, Minh chứng, and the
 * roster's Văn bản nhắc nhở and Ngày bắt đầu. The verdict is §V.2's rating. Deadlines (§IV bước 1): Đợt 1 (trips
 * from 01/01 to 30/6) registered in May 2023 ("Riêng năm 2023 … trong tháng 5/2023": by 31/05/2023), Đợt 2 (from
 * 01/7) before 20/6. Names, contents and dates typed as offices type them: "Đ/c …", "Đồng chí …", "Đi theo chuyên đề"
 * (seed 002's words), one-cell dates in Từ ngày with Đến ngày blank.
 */
export const KIEN_GIANG_YEAR_END: SeedFixture = {
  name: 'Kiên Giang cuối năm: xếp loại 06-HD §V, đủ các bước, miễn theo §II, cách ghi của văn phòng',
  preset: 'kien-giang-2023',
  today: '2024-01-05',
  year: 2023,
  rosterTab: 'Cán bộ',
  tripsTab: 'Đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Cán bộ');
    rows(roster, 1, [
      ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng', 'Miễn (lý do)', 'Ngày bắt đầu', 'Văn bản nhắc nhở'],
      [1, 'Trần Văn Hùng', 'Chuyên viên', 'Ban Phong trào', null, d(1, 9, 2015), null],
      [2, 'Lê Thị Mai', 'Phó Trưởng ban', 'Ban Phong trào', null, d(1, 8, 2010), null],
      [3, 'Phạm Văn Tài', 'Chuyên viên', 'Ban Tuyên giáo', null, null, 'Công văn 45-CV/TĐTN ngày 10/11/2023'],
      // row 5: not a case of 06-HD §II
      [4, 'Võ Thị Lan', 'Chuyên viên', 'Ban Tuyên giáo', 'Bận việc gia đình', null, null],
      [5, 'Huỳnh Văn Tâm', 'Chuyên viên', 'Ban Tuyên giáo', null, null, null],
      [6, 'Đỗ Văn Bình', 'Chánh Văn phòng', 'Văn phòng', null, d(1, 3, 2001), null],
      [7, 'Ngô Thị Hạnh', 'Kế toán', 'Văn phòng', 'Kế toán', null, null],
    ]);
    const trips = wb.addWorksheet('Đi cơ sở');
    const done = 'Đã thực hiện';
    rows(trips, 1, [
      [
        'STT',
        'Họ và tên',
        'Nội dung',
        'Số ngày',
        'Từ ngày',
        'Đến ngày',
        'Địa điểm',
        'Cấp',
        'Trạng thái',
        'Ngày đăng ký',
        'Đột xuất (văn bản)',
        'Xác nhận cơ sở',
        'Đã báo cáo',
        'Điểm',
        'Minh chứng',
      ],
      // rows 2–6: Trần Văn Hùng
      [1, 'Đ/c Trần Văn Hùng', '3.2', 28, y(1, 2), y(28, 2), 'Xã Bình An', 'Cơ sở', done, y(10, 1), null, 'Có', 'Có', null, null],
      [
        2,
        'Đ/c Trần Văn Hùng',
        'Đi theo chuyên đề',
        7,
        y(5, 6),
        y(11, 6),
        'Xã Mong Thọ',
        'Cơ sở',
        done,
        y(15, 5),
        null,
        'Có',
        'Có',
        85,
        'Mô hình “Chi đoàn số” được xã nhân rộng',
      ],
      [3, 'đ/c Trần Văn Hùng', '3.1', 5, y(4, 9), y(8, 9), 'Huyện Châu Thành', 'Huyện', done, y(15, 6), null, 'Có', 'Có', null, null],
      [4, 'Đồng chí Trần Văn Hùng', '3.4 Sinh hoạt chi đoàn ấp 3', 1, y(15, 11), y(15, 11), 'Ấp 3', 'Chi đoàn', done, y(15, 6), null, 'Có', 'Có', null, null],
      [5, 'Trần Văn Hùng', '3.3', 20, y(2, 10), y(21, 10), 'Huyện Giồng Riềng', 'Huyện', done, y(15, 6), null, 'Có', 'Có', null, null],
      // rows 7–12: Lê Thị Mai
      [6, 'Lê Thị Mai', '3.2', 30, y(1, 3), y(30, 3), 'Xã Vĩnh Hòa', 'Cơ sở', done, y(20, 1), null, 'Có', 'Có', null, null],
      [7, 'Lê Thị Mai', '3.1', 6, y(10, 4), y(15, 4), 'Huyện An Biên', 'Huyện', done, y(20, 1), null, 'Có', 'Có', null, null],
      [8, 'Lê Thị Mai', '3.5', null, '10 ngày, từ 01/6 – 15/6', null, 'Xã Đông Thái', 'Cơ sở', done, y(15, 5), null, 'Có', 'Có', null, null],
      // row 10: registered on 10/8, after Đợt 2's 20/6, by decision of the Ban Thường vụ
      [
        9,
        'Lê Thị Mai',
        '3.1',
        5,
        'Từ ngày 14/8/2023 – 18/8/2023',
        null,
        'Xã Tây Yên',
        'Cơ sở',
        done,
        y(10, 8),
        'QĐ 31-QĐ/TĐTN ngày 01/8/2023',
        'Có',
        'Có',
        null,
        null,
      ],
      [10, 'Lê Thị Mai', 'Dự sinh hoạt chi đoàn', 1, 'ngày 20/9/2023', null, 'Chi đoàn khu phố 2', 'Chi đoàn', done, y(15, 6), null, 'Có', 'Có', null, null],
      [11, 'Lê Thị Mai', '3.3', 10, y(2, 11), y(11, 11), 'Huyện Hòn Đất', 'Huyện', done, y(15, 6), null, 'Có', 'Có', null, null],
      // rows 13–18: Phạm Văn Tài; row 18 approved, never done
      [12, 'Phạm Văn Tài', '3.2', 31, y(1, 5), y(31, 5), 'Xã Bình Sơn', 'Cơ sở', done, y(20, 4), null, 'Có', 'Có', null, null],
      [13, 'Phạm Văn Tài', '3.1', 7, y(5, 6), y(11, 6), 'Huyện Kiên Lương', 'Huyện', done, y(20, 4), null, 'Có', 'Có', null, null],
      [14, 'Phạm Văn Tài', '3.1', 5, y(11, 9), y(15, 9), 'Xã Hòa Điền', 'Cơ sở', done, y(15, 6), null, 'Có', 'Có', null, null],
      [15, 'Phạm Văn Tài', '3.4 Dự sinh hoạt chi đoàn ấp Ba Hòn', 1, y(5, 10), y(5, 10), 'Ấp Ba Hòn', 'Chi đoàn', done, y(15, 6), null, 'Có', 'Có', null, null],
      [16, 'Phạm Văn Tài', '3.3', 20, y(1, 11), y(20, 11), 'Huyện Kiên Lương', 'Huyện', done, y(15, 6), null, 'Có', 'Có', null, null],
      [17, 'Phạm Văn Tài', '3.2', 10, y(4, 12), y(13, 12), 'Xã Bình An', 'Cơ sở', 'Đã duyệt', y(15, 6), null, null, null, null, null],
      // rows 19–23: Võ Thị Lan; row 20 done without a registration date
      [18, 'Võ Thị Lan', '3.2', 40, y(1, 3), y(9, 4), 'Xã Thạnh Đông', 'Cơ sở', done, y(20, 2), null, 'Có', 'Có', null, null],
      [19, 'Võ Thị Lan', '3.1', 5, y(8, 5), y(12, 5), 'Huyện Tân Hiệp', 'Huyện', done, null, null, 'Có', 'Có', null, null],
      [20, 'Võ Thị Lan', '3.1', 6, y(7, 8), y(12, 8), 'Xã Thạnh Trị', 'Cơ sở', done, y(15, 6), null, 'Có', 'Có', null, null],
      [21, 'Võ Thị Lan', 'Dự sinh hoạt chi đoàn', 1, y(22, 9), y(22, 9), 'Chi đoàn ấp Tân Hưng', 'Chi đoàn', done, y(15, 6), null, 'Có', 'Có', null, null],
      [22, 'Võ Thị Lan', '3.5', 10, y(2, 10), y(11, 10), 'Xã Thạnh Đông', 'Cơ sở', done, y(15, 6), null, 'Có', 'Có', null, null],
      // rows 24–26: Huỳnh Văn Tâm, every trip at cấp huyện
      [23, 'Huỳnh Văn Tâm', '3.2', 50, y(1, 2), y(22, 3), 'Huyện Giồng Riềng', 'Huyện', done, y(20, 1), null, 'Có', 'Có', null, null],
      [24, 'Huỳnh Văn Tâm', '3.1', 6, y(5, 6), y(10, 6), 'Huyện Gò Quao', 'Huyện', done, y(15, 5), null, 'Có', 'Có', null, null],
      [25, 'Huỳnh Văn Tâm', '3.1', 6, y(4, 9), y(9, 9), 'Huyện An Minh', 'Huyện', done, y(15, 6), null, 'Có', 'Có', null, null],
    ]);
    return wb;
  },
  expected: {
    // 28 + 7 + 5 + 1 + 20 = 61 days in windows that do not overlap; two chuyên đề rounds of 7 and 5 days, three months
    // apart (§III.1); a chi đoàn meeting, cấp huyện and cơ sở (§III.2); every trip registered on time, confirmed and
    // reported; the 7-day round has evidence and a report scored 85 ≥ 80 (§V.2 “Xuất sắc”).
    'Trần Văn Hùng': {
      daysDone: 61,
      daysProjected: 61,
      roundsDone: 2,
      status: 'ok',
      rating: 'xuat-sac',
      verdictLabel: 'Xuất sắc',
      exempt: null,
      reasons: ['Có đợt chuyên đề có minh chứng, báo cáo đạt 85 điểm.'],
    },
    // 30 + 6 + 10 (declared in the 15 days 01–15/6) + 5 + 1 + 10 = 62; rounds 10–15/4 and 14–18/8. The August round was
    // registered after 20/6, but the Ban Thường vụ decided it as an urgent task (§IV.1 “nhiệm vụ đột xuất ngoài thời
    // hạn”): Đạt; no score, so not Xuất sắc.
    'Lê Thị Mai': {
      daysDone: 62,
      daysProjected: 62,
      roundsDone: 2,
      status: 'ok',
      rating: 'dat',
      verdictLabel: 'Đạt',
      reasons: ['1 đợt là nhiệm vụ đột xuất có văn bản của Ban Thường vụ: không xét hạn đăng ký.'],
    },
    // 31 + 7 + 5 + 1 + 20 = 64 done, two rounds, chi đoàn, both levels: the requirements are met (status ok), but the
    // approved December trip was not made and the standing unit wrote a reminder (§V.2 “Có đăng ký, đã được phê duyệt
    // nhưng không hoàn thành …, có văn bản nhắc nhở”): Không đạt.
    'Phạm Văn Tài': {
      daysDone: 64,
      daysProjected: 64,
      roundsDone: 2,
      status: 'ok',
      rating: 'khong-dat',
      verdictLabel: 'Không đạt',
      reasons: ['1 đợt đã đăng ký nhưng không thực hiện, đã có văn bản nhắc nhở (Công văn 45-CV/TĐTN ngày 10/11/2023).'],
    },
    // “Bận việc gia đình” is no case of §II: an error on her roster row, and she is evaluated. 40 + 5 + 6 + 1 + 10 = 62,
    // two rounds, chi đoàn, both levels; the May round was made with no registration date (§V.2 “Không hoàn thành việc
    // đăng ký theo tiến độ”): Không đạt.
    'Võ Thị Lan': {
      daysDone: 62,
      daysProjected: 62,
      roundsDone: 2,
      status: 'ok',
      rating: 'khong-dat',
      verdictLabel: 'Không đạt',
      exempt: null,
      reasons: ['1 đợt đã đi nhưng không có ngày đăng ký (không đăng ký theo tiến độ).'],
    },
    // 50 + 6 + 6 = 62 days and two rounds, all at cấp huyện: no chi đoàn meeting and no cơ sở (§III.2 “phải”).
    'Huỳnh Văn Tâm': {
      daysDone: 62,
      daysProjected: 62,
      roundsDone: 2,
      status: 'short-place',
      rating: 'khong-dat',
      verdictLabel: 'Không đạt',
      reasons: ['Chưa dự sinh hoạt chi đoàn (Hướng dẫn yêu cầu phải có).', 'Chưa đi cơ sở ở cấp cơ sở (Hướng dẫn yêu cầu phải có).'],
    },
    // §II “cán bộ từ 20 năm trở lên công tác tại cơ quan Tỉnh đoàn”: 01/03/2001 + 20 years = 01/03/2021, blank reason.
    'Đỗ Văn Bình': {
      daysDone: 0,
      daysProjected: 0,
      roundsDone: 0,
      status: 'exempt',
      rating: null,
      verdictLabel: 'Miễn',
      exempt: 'Công tác tại cơ quan Tỉnh đoàn từ 20 năm trở lên (từ 01/03/2001)',
    },
    // §II “cán bộ làm kế toán”.
    'Ngô Thị Hạnh': { daysDone: 0, daysProjected: 0, roundsDone: 0, status: 'exempt', rating: null, verdictLabel: 'Miễn', exempt: 'Kế toán' },
  },
  issues: [{ code: 'overdue-registration', row: 18, level: 'warning' }],
  rosterIssues: [{ code: 'exemption-not-listed', row: 5, level: 'error', says: 'Hướng dẫn 06-HD/TĐTN-BTCKT, mục II' }],
  keptAsTyped: ['Đ/c Trần Văn Hùng', 'đ/c Trần Văn Hùng', 'Đồng chí Trần Văn Hùng', 'Đi theo chuyên đề', '10 ngày, từ 01/6 – 15/6', 'ngày 20/9/2023'],
};

// ------------------------------------------------------------------------------ a province set up in Cài đặt

/**
 * A province not in the seeds (a made-up Tỉnh đoàn Đồng Tháp, as in test/core/custom-province.test.ts) sets its own
 * document in the Cài đặt tab: completion, not a rating; only kế toán and văn thư exempt; registration by 15/3; no
 * chi đoàn or level requirement; compiled by the Ban Xây dựng Đoàn. The days and rounds are the base preset's
 * (60 days; two chuyên đề rounds of 5–7 days, not back to back). Checked on 10/01/2024, after the year 2023.
 */
export const CUSTOM_PROVINCE: SeedFixture = {
  name: 'Tỉnh đặt quy định ở tab Cài đặt: Hoàn thành / Chưa hoàn thành, danh sách miễn riêng',
  preset: 'kien-giang-2023',
  today: '2024-01-10',
  year: 2023,
  settings: [
    ['Tỉnh', 'Đồng Tháp'],
    ['Cách đánh giá cuối năm', 'Hoàn thành / Chưa hoàn thành'],
    ['Danh sách được miễn', 'Kế toán; Văn thư'],
    ['Yêu cầu dự sinh hoạt chi đoàn', 'Không'],
    ['Cấp phải đến', 'Không'],
    ['Hạn đăng ký', '15/03'],
    ['Ban tổng hợp', 'Ban Xây dựng Đoàn'],
    ['Loại văn bản', 'Kế hoạch'],
  ],
  rosterTab: 'Danh sách cán bộ',
  tripsTab: 'Đăng ký đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Danh sách cán bộ');
    rows(roster, 1, [
      ['TT', 'Họ tên', 'Chức vụ', 'Ban/Văn phòng', 'Không áp dụng'],
      // row 2: thủ quỹ is on Kiên Giang's list, not on this province's
      [1, 'Lê Văn Tài', 'Chuyên viên', 'Ban Phong trào', 'Thủ quỹ'],
      [2, 'Trần Thị Nga', 'Văn thư', 'Văn phòng', 'văn thư'],
      [3, 'Phan Văn Lộc', 'Chuyên viên', 'Ban Phong trào', null],
    ]);
    const trips = wb.addWorksheet('Đăng ký đi cơ sở');
    const ph = 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở';
    rows(trips, 1, [
      ['STT', 'Họ và tên', 'Nội dung đi cơ sở', 'Số ngày đi', 'Thời gian cụ thể', 'Địa điểm', 'Ngày đăng ký'],
      [1, 'Lê Văn Tài', ph, '49 ngày', 'Từ ngày 01/02/2023 – 21/03/2023', 'Xã Mỹ An', y(1, 5)],
      [2, 'Lê Văn Tài', 'Theo chuyên đề', '7 ngày', 'Từ ngày 05/6/2023 – 11/6/2023', 'Xã Tân Thạnh', y(1, 5)],
      [3, 'Lê Văn Tài', 'Theo chuyên đề', '5 ngày', '04/9/2023 - 08/9/2023', 'Huyện Tháp Mười', y(1, 5)],
      [4, 'Phan Văn Lộc', ph, '45 ngày', 'Từ ngày 01/4/2023 đến ngày 15/5/2023', 'Xã Mỹ Hòa', y(10, 3)],
      [5, 'Phan Văn Lộc', 'Theo chuyên đề', '5 ngày', '05/6/2023 - 09/6/2023', 'Xã Mỹ Hòa', y(10, 3)],
      [6, 'Phan Văn Lộc', 'Theo chuyên đề', '5 ngày', '04/9/2023 - 08/9/2023', 'Xã Mỹ Quý', y(10, 3)],
    ]);
    return wb;
  },
  expected: {
    // 49 + 7 + 5 = 61, two 5–7-day rounds apart: Hoàn thành. Registered on 01/5, after 15/3: completion has no scale,
    // a late registration changes nothing. Thủ quỹ is refused and she is evaluated.
    'Lê Văn Tài': { daysDone: 61, daysProjected: 61, roundsDone: 2, status: 'ok', rating: 'hoan-thanh', verdictLabel: 'Hoàn thành', exempt: null },
    'Trần Thị Nga': { daysDone: 0, daysProjected: 0, roundsDone: 0, status: 'exempt', rating: null, verdictLabel: 'Miễn', exempt: 'văn thư' },
    // 45 + 5 + 5 = 55 < 60.
    'Phan Văn Lộc': {
      daysDone: 55,
      daysProjected: 55,
      roundsDone: 2,
      status: 'short-days',
      rating: 'chua-hoan-thanh',
      verdictLabel: 'Chưa hoàn thành',
      reasons: ['Còn thiếu 5 ngày.'],
    },
  },
  issues: [],
  rosterIssues: [{ code: 'exemption-not-listed', row: 2, level: 'error', says: 'Kế toán; Văn thư' }],
};

// ------------------------------------------------------------------------------------ Tây Ninh during the period

/**
 * Tây Ninh plan 2023 (seed 001) on 27/6/2023, the day mẫu 3 of quarter II is due (§III.1.2): inside the period
 * 01/01–25/10, so the verdict is the requirements' (60 days; two “cùng ăn, cùng ở, cùng làm” rounds, for a Chuyên
 * viên each ≥ 30 days, §I.2 and §II.2.3), counting done trips plus registrations still ahead. Exemptions from §II.2's
 * list only.
 */
export const TAY_NINH_MID_YEAR: SeedFixture = {
  name: 'Tây Ninh giữa năm: đủ nhờ đợt đã đăng ký, thiếu đợt “3 cùng”, miễn theo §II.2',
  preset: 'tay-ninh-2023',
  today: '2023-06-27',
  rosterTab: 'Danh sách cán bộ',
  tripsTab: 'Đăng ký đi cơ sở',
  build() {
    const wb = new ExcelJS.Workbook();
    const roster = wb.addWorksheet('Danh sách cán bộ');
    rows(roster, 1, [
      ['TT', 'Họ tên', 'Chức vụ', 'Ban/Văn phòng', 'Không áp dụng'],
      [1, 'Nguyễn Văn An', 'Chuyên viên', 'Ban Tuyên giáo', null],
      [2, 'Trần Thị Bình', 'Trưởng ban', 'Ban Tuyên giáo', null],
      [3, 'Lê Văn Cường', 'Chuyên viên', 'Văn phòng', null],
      // row 5: thủ quỹ is Kiên Giang's case (06-HD §II), not Tây Ninh's
      [4, 'Phạm Thị Dung', 'Thủ quỹ', 'Văn phòng', 'Thủ quỹ'],
      [5, 'Võ Thị Em', 'Chuyên viên', 'Ban Tuyên giáo', 'Nghỉ thai sản'],
    ]);
    const trips = wb.addWorksheet('Đăng ký đi cơ sở');
    rows(trips, 1, [
      ['STT', 'Họ và tên', 'Nội dung', 'Số ngày đi', 'Thời gian cụ thể', 'Địa điểm', 'Trạng thái'],
      [
        1,
        'Nguyễn Văn An',
        '1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
        '30 ngày',
        'Từ ngày 01/3/2023 – 30/3/2023',
        'Xã Long Thành Bắc',
        'Đã thực hiện',
      ],
      [2, 'Nguyễn Văn An', '1.5', '35 ngày', 'Từ ngày 01/7/2023 – 04/8/2023', 'Ấp Bến Cừ', 'Đăng ký'],
      [3, 'Trần Thị Bình', '1.2', '20 ngày', 'Từ ngày 02/5/2023 – 21/5/2023', 'Thị xã Trảng Bàng', 'Đã thực hiện'],
      [4, 'Trần Thị Bình', '1.4', '3 ngày', 'Từ ngày 10/3/2023 đến ngày 12/3/2023', 'Huyện Châu Thành', 'Đã thực hiện'],
      [5, 'Lê Văn Cường', '1.1', '45 ngày', '01/02/2023 - 17/03/2023', 'Xã Suối Đá', 'Đã thực hiện'],
      [6, 'Lê Văn Cường', '1.3', '20 ngày', '01/5/2023 - 20/5/2023', 'Huyện Gò Dầu', 'Đã thực hiện'],
    ]);
    return wb;
  },
  expected: {
    // Done: 30 (a valid round, ≥ 30 days). Ahead: the 35-day 1.5 in July, a second valid round: 65 days and two rounds
    // only if she goes.
    'Nguyễn Văn An': {
      daysDone: 30,
      daysProjected: 65,
      roundsDone: 1,
      status: 'ok',
      rating: null,
      verdictLabel: 'Đủ nếu đi hết các đợt đã đăng ký',
    },
    // 20 + 3 = 23 < 60; a Lãnh đạo ban's rounds have no length rule: two rounds.
    'Trần Thị Bình': {
      daysDone: 23,
      daysProjected: 23,
      roundsDone: 2,
      status: 'short-days',
      rating: null,
      verdictLabel: 'Thiếu ngày',
      reasons: ['Còn thiếu 37 ngày.'],
    },
    // 01/02–17/03 is 28 + 17 = 45 days, + 20 = 65 ≥ 60; only the 45-day trip reaches 30 days: one round of two.
    'Lê Văn Cường': {
      daysDone: 65,
      daysProjected: 65,
      roundsDone: 1,
      status: 'short-rounds',
      rating: null,
      verdictLabel: 'Thiếu đợt “3 cùng”',
      reasons: ['Thiếu 1 đợt “cùng ăn, cùng ở, cùng làm” hợp lệ (tối thiểu 30 ngày).'],
    },
    // Refused, so evaluated: nothing done, nothing registered.
    'Phạm Thị Dung': {
      daysDone: 0,
      daysProjected: 0,
      roundsDone: 0,
      status: 'short-both',
      rating: null,
      verdictLabel: 'Thiếu ngày và đợt “3 cùng”',
      exempt: null,
    },
    // §II.2 “cán bộ nữ đang trong thời gian nghỉ thai sản”.
    'Võ Thị Em': { daysDone: 0, daysProjected: 0, roundsDone: 0, status: 'exempt', rating: null, verdictLabel: 'Miễn', exempt: 'Nghỉ thai sản' },
  },
  issues: [],
  rosterIssues: [{ code: 'exemption-not-listed', row: 5, level: 'error', says: 'Kế hoạch đi công tác cơ sở năm 2023, mục II.2' }],
};

export const SEED_FIXTURES: readonly SeedFixture[] = [TAY_NINH, KIEN_GIANG, HA_NAM, KIEN_GIANG_BY_BAN, KIEN_GIANG_YEAR_END, CUSTOM_PROVINCE, TAY_NINH_MID_YEAR];

/** Writes the fixture with a Cài đặt tab naming its preset and year, as a department would set it up. */
export async function writeSeedFixture(fixture: SeedFixture, file: string): Promise<void> {
  const wb = fixture.build();
  const settings = wb.addWorksheet('Cài đặt');
  settings.addRow(['Cài đặt', 'Giá trị']);
  settings.addRow(['Bộ quy định', fixture.preset]);
  settings.addRow(['Năm', fixture.year ?? Number(fixture.today.slice(0, 4)) - (fixture.preset === 'ha-nam-2022' ? 1 : 0)]);
  for (const row of fixture.settings ?? []) settings.addRow(row);
  await wb.xlsx.writeFile(file);
}
