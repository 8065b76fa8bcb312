/**
 * Writes the sample province workbook: `npx tsx scripts/make-sample.ts [out.xlsx]` (default samples/tinh-doan-mau.xlsx).
 *
 * A made-up Kiên Giang Tỉnh đoàn, year 2023, seen on 15/11/2023: a roster ("Cán bộ"), the trip sheet ("Đi cơ sở")
 * and settings ("Cài đặt"). It is deterministic (a seeded PRNG, no clock), so the file only changes when this script
 * does. Each cadre follows a profile (complete, short of days, short of rounds, …) and a few rows carry the mistakes
 * real sheets have; `buildSample().planted` lists them with their rows, and samples/README.md documents them.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CalendarDate, addDays, dateParts, dayNumber, daysInclusive } from '../src/core/calendar-date';
import { withoutDiacritics } from '../src/core/text';
import ExcelJS from 'exceljs';
import type { RawCell } from '../src/sheets/workbook';
import { Random } from './seeded-random';
import { CONTENT_KIND_LABELS, type ContentKind } from '../src/core/vocabulary';

export const SAMPLE_YEAR = 2023;
/** The day the sample is "seen": trips before it are done, trips after it (December) are planned. */
export const SAMPLE_TODAY = '2023-11-15' as CalendarDate;
export const DEFAULT_SAMPLE_PATH = 'samples/tinh-doan-mau.xlsx';

export const ROSTER_TAB = 'Cán bộ';
export const TRIPS_TAB = 'Đi cơ sở';
export const SETTINGS_TAB = 'Cài đặt';
/** Roster: title on row 1, a subtitle on row 2, the header on row 3 (exercises header detection). */
export const ROSTER_HEADER_ROW = 3;
export const TRIPS_HEADER_ROW = 1;

export const ROSTER_COLUMNS = [
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Ban/Văn phòng',
  'Nhóm đối tượng',
  'Email',
  'Miễn (lý do)',
  'Miễn chuyên đề (văn bản)',
  'Ngày bắt đầu',
] as const;
export const TRIP_COLUMNS = [
  'STT',
  'Họ và tên',
  'Ban/Văn phòng',
  'Nội dung',
  'Cụ thể nội dung',
  'Số ngày',
  'Từ ngày',
  'Đến ngày',
  'Địa điểm',
  'Cấp',
  'Trạng thái',
  'Ngày đăng ký',
  'Xác nhận cơ sở',
  'Đã báo cáo',
  'Điểm',
  'Minh chứng',
  'Kết quả, đề xuất',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

// ---------------------------------------------------------------------------------------------------------------
// The roster

const BAN = {
  tt: 'Thường trực Tỉnh đoàn',
  btckt: 'Ban Tổ chức – Kiểm tra',
  btg: 'Ban Tuyên giáo',
  bpt: 'Ban Phong trào',
  bctn: 'Ban Công tác Thiếu nhi',
  vp: 'Văn phòng',
} as const;

type Kind = ContentKind;

/** How a cadre's year goes; see samples/README.md for what the checker should conclude for each. */
interface Profile {
  /** Days done by 15/11 (declared days of done trips inside 2023, chuyên đề rounds included). */
  done: number;
  /** Days registered for 16/11–31/12. */
  planned: number;
  /** Chuyên đề rounds: 'two' valid ones; 'one'; 'none'; 'back-to-back'; 'four-day' (the second is 4 days). */
  rounds: 'two' | 'one' | 'none' | 'back-to-back' | 'four-day';
  /** Score of the best chuyên đề report, and whether it has evidence. */
  score?: number;
  evidence?: boolean;
  noChiDoan?: boolean;
  /** A done trip without base confirmation and report. */
  processGap?: boolean;
  /** Round 2 registered after the 20/6 deadline. */
  lateRound2?: boolean;
  /** Trips only from this date (joined mid-year). */
  from?: CalendarDate;
  /** Trips only until this date (maternity leave from then). */
  until?: CalendarDate;
}

interface Cadre {
  name: string;
  position: string;
  ban: string;
  group: string;
  email: string;
  exemption: string;
  waiver: string;
  start: CalendarDate | null;
  profile: Profile;
  /** Distinguishes the two Nguyễn Văn An in emails. */
  emailTag?: string;
}

const d = (s: string) => s as CalendarDate;

function cadre(name: string, position: string, ban: string, profile: Profile, extra: Partial<Cadre> = {}): Cadre {
  return { name, position, ban, group: '', email: '', exemption: '', waiver: '', start: null, profile, ...extra };
}

const CADRES: Cadre[] = [
  cadre('Trần Văn Hòa', 'Bí thư', BAN.tt, { done: 62, planned: 4, rounds: 'two', score: 88, evidence: true }, { group: 'Thường trực', start: d('2012-09-01') }),
  cadre('Nguyễn Thị Thủy', 'Phó Bí thư', BAN.tt, { done: 57, planned: 8, rounds: 'two', score: 85, evidence: true }),
  cadre('Lê Hoàng Khoa', 'Phó Bí thư', BAN.tt, { done: 66, planned: 0, rounds: 'two', score: 82, evidence: false }),
  cadre('Phạm Minh Tuấn', 'Trưởng ban', BAN.btckt, { done: 70, planned: 3, rounds: 'two', score: 90, evidence: true }, { group: 'Lãnh đạo ban' }),
  cadre('Võ Thị Ngọc Hân', 'Phó Trưởng ban', BAN.btckt, { done: 52, planned: 10, rounds: 'two', score: 78, evidence: true }),
  cadre('Đặng Quốc Bảo', 'Chuyên viên', BAN.btckt, { done: 38, planned: 6, rounds: 'two', score: 75, evidence: true }, { group: 'Chuyên viên' }),
  cadre('Huỳnh Thị Mỹ Linh', 'Chuyên viên', BAN.btckt, { done: 64, planned: 0, rounds: 'back-to-back', score: 84, evidence: true }),
  cadre(
    'Nguyễn Văn An',
    'Chuyên viên',
    BAN.btckt,
    { done: 61, planned: 4, rounds: 'two', score: 80, evidence: true },
    { group: 'Chuyên viên', emailTag: 'btckt' },
  ),
  cadre('Lâm Thị Thu Trang', 'Trưởng ban', BAN.btg, { done: 68, planned: 5, rounds: 'two', score: 93, evidence: true }),
  cadre('Dương Thanh Phong', 'Phó Trưởng ban', BAN.btg, { done: 63, planned: 0, rounds: 'four-day', score: 81, evidence: true }),
  cadre('Trương Thị Kim Ngân', 'Chuyên viên', BAN.btg, { done: 62, planned: 3, rounds: 'two', score: 72, evidence: true }),
  cadre('Phan Đức Huy', 'Chuyên viên', BAN.btg, { done: 60, planned: 6, rounds: 'two', score: 79, evidence: true }),
  cadre('Hồ Thị Bích Phượng', 'Chuyên viên', BAN.btg, { done: 12, planned: 0, rounds: 'none', until: d('2023-04-15') }, { exemption: 'Nghỉ thai sản' }),
  cadre('Nguyễn Thanh Tùng', 'Trưởng ban', BAN.bpt, { done: 72, planned: 0, rounds: 'two', score: 86, evidence: true }, { group: 'Lãnh đạo ban' }),
  cadre('Lý Thị Hồng Nhung', 'Phó Trưởng ban', BAN.bpt, { done: 63, planned: 2, rounds: 'two', score: 83, evidence: true, processGap: true }),
  cadre('Nguyễn Văn An', 'Chuyên viên', BAN.bpt, { done: 60, planned: 0, rounds: 'two', score: 77, evidence: true }, { emailTag: 'bpt' }),
  cadre('Tô Minh Trí', 'Chuyên viên', BAN.bpt, { done: 65, planned: 0, rounds: 'one', score: 80, evidence: true }),
  cadre('Châu Thị Diễm My', 'Chuyên viên', BAN.bpt, { done: 61, planned: 5, rounds: 'two', score: 88, evidence: true, lateRound2: true }),
  cadre('Bùi Văn Lợi', 'Chuyên viên', BAN.bpt, { done: 64, planned: 0, rounds: 'two', score: 70, evidence: false }),
  cadre('Đỗ Thị Thanh Tâm', 'Trưởng ban', BAN.bctn, { done: 66, planned: 0, rounds: 'two', score: 91, evidence: true, noChiDoan: true }),
  cadre('Mai Văn Phúc', 'Phó Trưởng ban', BAN.bctn, { done: 58, planned: 6, rounds: 'two', score: 76, evidence: true }),
  cadre('Trần Thị Yến Nhi', 'Chuyên viên', BAN.bctn, { done: 62, planned: 0, rounds: 'two', score: 87, evidence: true }),
  cadre('Lưu Hoàng Nam', 'Chuyên viên', BAN.bctn, { done: 45, planned: 0, rounds: 'two', score: 74, evidence: true }),
  cadre('Quách Thị Ngọc Ánh', 'Chuyên viên', BAN.bctn, { done: 62, planned: 0, rounds: 'none' }, { waiver: 'Công văn số 12/TĐTN ngày 03/4/2023' }),
  cadre('Ngô Văn Thắng', 'Chánh Văn phòng', BAN.vp, { done: 55, planned: 7, rounds: 'two', score: 83, evidence: true }),
  cadre('Phạm Thị Hương', 'Phó Chánh Văn phòng', BAN.vp, { done: 61, planned: 2, rounds: 'two', score: 80, evidence: true }),
  cadre('Trịnh Thị Lan', 'Kế toán', BAN.vp, { done: 4, planned: 0, rounds: 'none' }, { exemption: 'Kế toán' }),
  cadre('Cao Thị Mai', 'Văn thư', BAN.vp, { done: 0, planned: 0, rounds: 'none' }, { exemption: 'Văn thư' }),
  cadre('Kiều Văn Đạt', 'Chuyên viên', BAN.vp, { done: 63, planned: 0, rounds: 'two', score: 79, evidence: true }),
  cadre(
    'Tạ Quang Vinh',
    'Chuyên viên',
    BAN.vp,
    { done: 28, planned: 6, rounds: 'one', score: 75, evidence: true, from: d('2023-07-10') },
    { start: d('2023-07-03') },
  ),
];

function emailOf(c: Cadre): string {
  const local = withoutDiacritics(c.name)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return `${local}${c.emailTag ? `.${c.emailTag}` : ''}@tinhdoan.example.vn`;
}

// ---------------------------------------------------------------------------------------------------------------
// Places and words

const PLACES: readonly string[] = [
  'Phường An Hòa',
  'Xã Phi Thông, Thành phố Rạch Giá',
  'Phường Vĩnh Quang, Thành phố Rạch Giá',
  'Phường Rạch Sỏi, Thành phố Rạch Giá',
  'Xã Mỹ Đức, Thành phố Hà Tiên',
  'Phường Đông Hồ, Thành phố Hà Tiên',
  'Xã Hàm Ninh, Thành phố Phú Quốc',
  'Xã Bãi Thơm, Thành phố Phú Quốc',
  'Xã Gành Dầu, Thành phố Phú Quốc',
  'Xã Vĩnh Hòa Hiệp, huyện Châu Thành',
  'Thị trấn Minh Lương, huyện Châu Thành',
  'Xã Thạnh Đông, huyện Tân Hiệp',
  'Xã Sơn Kiên, huyện Hòn Đất',
  'Xã Mỹ Lâm, huyện Hòn Đất',
  'Xã Hòa Điền, huyện Kiên Lương',
  'Xã Thạnh Hưng, huyện Giồng Riềng',
  'Xã Ngọc Chúc, huyện Giồng Riềng',
  'Xã Định Hòa, huyện Gò Quao',
  'Xã Nam Yên, huyện An Biên',
  'Xã Vân Khánh, huyện An Minh',
  'Xã Minh Thuận, huyện U Minh Thượng',
  'Xã Vĩnh Phong, huyện Vĩnh Thuận',
  'Xã Phú Mỹ, huyện Giang Thành',
  'Xã Lại Sơn, huyện Kiên Hải',
  'Xã Hòn Tre, huyện Kiên Hải',
];

const DETAILS: Record<Kind, readonly string[]> = {
  'chuyen-de': [
    'Cùng ăn, cùng ở, cùng làm: hỗ trợ Đoàn xã xây dựng mô hình thanh niên phát triển kinh tế',
    'Cùng ăn, cùng ở, cùng làm: củng cố chi đoàn ấp hoạt động chưa hiệu quả',
    'Hướng dẫn Đoàn cơ sở thực hiện công tác giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp',
    'Khảo sát, hỗ trợ cơ sở chuyển đổi số trong hoạt động Đoàn',
    'Tổ chức chuyên đề "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" cho đoàn viên',
    'Hỗ trợ xây dựng công trình thanh niên "Thắp sáng đường quê" tại ấp',
  ],
  'phoi-hop': [
    'Phối hợp tổ chức Tháng Thanh niên năm 2023',
    'Phối hợp tổ chức ra quân Chiến dịch Thanh niên tình nguyện hè',
    'Phối hợp tổ chức Ngày Chủ nhật xanh',
    'Phối hợp tổ chức Ngày hội Thiếu nhi vui khỏe – tiến bước lên Đoàn',
    'Hỗ trợ tổ chức Đại hội Hội LHTN Việt Nam cấp xã',
    'Phối hợp tổ chức "Xuân tình nguyện" tại cơ sở',
  ],
  'kiem-tra': [
    'Kiểm tra công tác Đoàn và phong trào thanh thiếu nhi 6 tháng đầu năm',
    'Giám sát việc thực hiện Nghị quyết Đại hội Đoàn cấp cơ sở',
    'Kiểm tra công tác thu, nộp đoàn phí',
    'Kiểm tra việc quản lý đoàn viên, sổ sách chi đoàn',
  ],
  'hoi-nghi': [
    'Dự Hội nghị BCH Đoàn xã sơ kết công tác 6 tháng đầu năm',
    'Dự Hội nghị BTV Huyện đoàn triển khai nhiệm vụ quý',
    'Dự sinh hoạt chuyên đề "Thanh niên với văn hóa giao thông"',
  ],
  'chi-doan': ['Dự sinh hoạt chi đoàn ấp định kỳ', 'Dự sinh hoạt chi đoàn chủ đề "Tự hào truyền thống Đoàn"', 'Dự sinh hoạt chi đoàn trường THPT'],
  'phong-trao': ['Dự Hội thi "Nghi thức Đội" cấp huyện', 'Dự Giải bóng đá thanh niên cấp xã', 'Dự Lễ ra quân "Mùa hè xanh"'],
};

/** The levels of Kiên Giang 2023 (06-HD §III.2: cấp huyện, cấp cơ sở; a chi đoàn is inside a cơ sở). */
const LEVELS: Record<Kind, readonly string[]> = {
  'chuyen-de': ['Cơ sở', 'Huyện', 'Cơ sở'],
  'phoi-hop': ['Cơ sở', 'Huyện', 'Cơ sở'],
  'kiem-tra': ['Huyện', 'Cơ sở'],
  'hoi-nghi': ['Huyện', 'Cơ sở'],
  'chi-doan': ['Chi đoàn'],
  'phong-trao': ['Cơ sở', 'Huyện', 'Cơ sở'],
};

const LABELS = CONTENT_KIND_LABELS;

/** Kiên Giang numbering (06-HD §III): 3.4 covers both hoi-nghi and chi-doan, so it is never written as a number. */
const NUMBERS: Partial<Record<Kind, string>> = { 'chuyen-de': '3.1', 'phoi-hop': '3.2', 'kiem-tra': '3.3', 'phong-trao': '3.5' };

const RESULTS = [
  'Cơ sở triển khai tốt; đoàn viên tham gia đông.',
  'Đã hướng dẫn cơ sở khắc phục hạn chế về sổ sách.',
  'Đề xuất Huyện đoàn tiếp tục hỗ trợ mô hình.',
  'Hoạt động đạt yêu cầu, còn hạn chế về kinh phí.',
  'Chi đoàn sinh hoạt nền nếp; cần đổi mới hình thức.',
  '',
  '',
];

const EVIDENCE = [
  'Báo cáo kết quả, 14 ảnh hoạt động',
  'Biên bản làm việc có xác nhận của Đoàn xã',
  'Báo cáo kết quả + danh sách đoàn viên tham gia',
  'Báo cáo, ảnh, bài đăng trên trang Tỉnh đoàn',
];

const OTHER_KINDS: readonly Kind[] = ['phoi-hop', 'phoi-hop', 'phoi-hop', 'phoi-hop', 'phoi-hop', 'kiem-tra', 'kiem-tra', 'phong-trao', 'hoi-nghi', 'chi-doan'];

/** Trip lengths in days by kind: a coordination stint lasts a week or more, a chi đoàn meeting a day or two. */
const LENGTHS: Record<Kind, [number, number]> = {
  'chuyen-de': [5, 7],
  'phoi-hop': [10, 16],
  'kiem-tra': [6, 10],
  'hoi-nghi': [2, 4],
  'chi-doan': [1, 2],
  'phong-trao': [5, 8],
};

// ---------------------------------------------------------------------------------------------------------------
// Trips

interface Trip {
  cadre: Cadre;
  kind: Kind;
  detail: string;
  from: CalendarDate;
  to: CalendarDate;
  /** Số ngày; null leaves the cell blank (the whole window). */
  declared: number | null;
  place: string;
  level: string;
  status: string;
  registered: CalendarDate | null;
  confirmed: string;
  reported: string;
  score: number | null;
  evidence: string;
  result: string;
  /** Cells written as given instead of from the fields above. */
  override?: Partial<Record<(typeof TRIP_COLUMNS)[number], RawCell>>;
  /** A planted mistake or case: its id in samples/README.md. */
  plant?: string;
}

export interface PlantedCase {
  id: string;
  tab: string;
  /** 1-based spreadsheet row. */
  row: number;
  what: string;
}

const YEAR_START = d('2023-01-03');
const DONE_END = d('2023-11-10');
const PLANNED_START = d('2023-11-20');
const PLANNED_END = d('2023-12-29');
const ROUND2_DEADLINE = d('2023-06-20');

class Calendar {
  private readonly busy = new Set<number>();
  /** True when from–to is free, with a free day on each side (trips of one person never touch). */
  free(from: CalendarDate, to: CalendarDate): boolean {
    for (let n = dayNumber(from) - 1; n <= dayNumber(to) + 1; n++) if (this.busy.has(n)) return false;
    return true;
  }
  take(from: CalendarDate, to: CalendarDate): void {
    for (let n = dayNumber(from); n <= dayNumber(to); n++) this.busy.add(n);
  }
}

function randomDate(rng: Random, from: CalendarDate, to: CalendarDate): CalendarDate {
  return addDays(from, rng.int(0, dayNumber(to) - dayNumber(from)));
}

/** A free window of `length` days starting within [from, lastStart]; throws when the calendar is too full. */
function freeWindow(rng: Random, cal: Calendar, length: number, from: CalendarDate, lastStart: CalendarDate): [CalendarDate, CalendarDate] {
  for (let attempt = 0; attempt < 500; attempt++) {
    const start = randomDate(rng, from, lastStart);
    const end = addDays(start, length - 1);
    if (cal.free(start, end)) return [start, end];
  }
  throw new Error(`no free ${length}-day window between ${from} and ${lastStart}`);
}

function firstHalf(date: CalendarDate): boolean {
  return dateParts(date).month <= 6;
}

/** Registration date: first-half trips a few days ahead (by end of May at the latest), second-half trips in 1–19/6. */
function registrationFor(rng: Random, from: CalendarDate): CalendarDate {
  if (firstHalf(from)) {
    const ahead = addDays(from, -rng.int(5, 20));
    const latest = d('2023-05-25');
    const early = d('2022-12-20');
    return ahead > latest ? randomDate(rng, d('2023-05-08'), latest) : ahead < early ? early : ahead;
  }
  return randomDate(rng, d('2023-06-01'), d('2023-06-19'));
}

function makeTrip(rng: Random, c: Cadre, kind: Kind, from: CalendarDate, to: CalendarDate, done: boolean): Trip {
  const length = daysInclusive(from, to);
  return {
    cadre: c,
    kind,
    detail: rng.pick(DETAILS[kind]),
    from,
    to,
    declared: length,
    place: rng.pick(PLACES),
    level: rng.pick(LEVELS[kind]),
    status: done ? 'Đã thực hiện' : rng.pick(['Đăng ký', 'Đã duyệt']),
    registered: registrationFor(rng, from),
    confirmed: done ? 'Có' : '',
    reported: done ? 'Có' : '',
    score: null,
    evidence: '',
    result: done ? rng.pick(RESULTS) : '',
  };
}

/** The cadre's trips per their profile: chuyên đề rounds first, then shorter trips until the day targets are met. */
function tripsFor(rng: Random, c: Cadre): Trip[] {
  const p = c.profile;
  const cal = new Calendar();
  const trips: Trip[] = [];
  const earliest = p.from ?? YEAR_START;
  const latestDone = p.until ?? DONE_END;

  const round = (length: number, from: CalendarDate, lastStart: CalendarDate, score: number | null, evidence: boolean): Trip => {
    const [start, end] = freeWindow(rng, cal, length, from, lastStart);
    cal.take(start, end);
    const t = makeTrip(rng, c, 'chuyen-de', start, end, true);
    t.score = score;
    t.evidence = evidence ? rng.pick(EVIDENCE) : '';
    t.level = 'Cơ sở';
    return t;
  };
  const otherScore = (best: number | undefined) => (best === undefined ? null : Math.max(70, best - rng.int(3, 9)));

  switch (p.rounds) {
    case 'two':
    case 'four-day': {
      trips.push(round(rng.int(5, 7), d('2023-06-01'), d('2023-06-22'), otherScore(p.score), Boolean(p.evidence)));
      const second = round(p.rounds === 'four-day' ? 4 : rng.int(5, 7), d('2023-08-01'), d('2023-10-20'), p.score ?? null, Boolean(p.evidence));
      if (p.lateRound2) second.registered = d('2023-06-26');
      trips.push(second);
      break;
    }
    case 'one':
      trips.push(
        round(rng.int(5, 7), p.from && p.from > d('2023-06-01') ? d('2023-08-01') : d('2023-06-01'), d('2023-10-20'), p.score ?? null, Boolean(p.evidence)),
      );
      break;
    case 'back-to-back': {
      // Two 6-day rounds, the second starting the day after the first ends: one continuous stint (06-HD §III.1).
      const first = makeTrip(rng, c, 'chuyen-de', d('2023-06-12'), d('2023-06-17'), true);
      const second = makeTrip(rng, c, 'chuyen-de', d('2023-06-18'), d('2023-06-23'), true);
      second.place = first.place;
      for (const t of [first, second]) {
        t.level = 'Cơ sở';
        t.score = p.score ?? null;
        t.evidence = rng.pick(EVIDENCE);
        cal.take(t.from, t.to);
      }
      second.plant = 'P-back-to-back';
      trips.push(first, second);
      break;
    }
    case 'none':
      break;
  }
  if (p.processGap) {
    // The last done chuyên đề round has no confirmation and no report yet.
    const last = trips[trips.length - 1]!;
    last.confirmed = '';
    last.reported = 'Chưa';
    last.score = null;
    last.evidence = '';
    last.plant = 'P-process-gap';
    // Her best score goes to the first round instead.
    trips[0]!.score = p.score ?? null;
    trips[0]!.evidence = rng.pick(EVIDENCE);
  }

  const fill = (target: number, from: CalendarDate, lastEnd: CalendarDate, done: boolean) => {
    let sum = trips.filter((t) => (t.status === 'Đã thực hiện') === done).reduce((s, t) => s + (t.declared ?? 0), 0);
    let needChiDoan = done && !p.noChiDoan && target > 10;
    while (sum < target) {
      const kind: Kind = needChiDoan ? 'chi-doan' : pickOther(rng, p.noChiDoan);
      const [min, max] = LENGTHS[kind];
      const length = Math.min(target - sum, rng.int(min, max));
      needChiDoan = false;
      const [start, end] = freeWindow(rng, cal, length, from, addDays(lastEnd, -(length - 1)));
      cal.take(start, end);
      const t = makeTrip(rng, c, kind, start, end, done);
      trips.push(t);
      sum += length;
    }
  };
  fill(p.done, earliest, latestDone, true);
  fill(p.planned, PLANNED_START, PLANNED_END, false);
  return trips;
}

function pickOther(rng: Random, noChiDoan: boolean | undefined): Kind {
  for (;;) {
    const kind = rng.pick(OTHER_KINDS);
    if (!(noChiDoan && kind === 'chi-doan')) return kind;
  }
}

/** A trip of one cadre's list chosen by a predicate, for planting; throws so a profile change cannot silently drop a plant. */
function pickTrip(trips: Trip[], c: Cadre, what: string, match: (t: Trip) => boolean): Trip {
  const found = trips.find((t) => t.cadre === c && !t.plant && match(t));
  if (!found) throw new Error(`make-sample: no trip of ${c.name} for ${what}`);
  return found;
}

function byName(name: string, ban?: string): Cadre {
  const c = CADRES.find((x) => x.name === name && (ban === undefined || x.ban === ban));
  if (!c) throw new Error(`make-sample: no cadre ${name}`);
  return c;
}

const done = (t: Trip) => t.status === 'Đã thực hiện';
/** A done trip that is neither a chuyên đề round nor the cadre's chi đoàn visit: planting on it changes nothing else. */
const ordinary = (t: Trip) => done(t) && t.kind !== 'chuyen-de' && t.kind !== 'chi-doan';

/** Every planted mistake and case. Extra rows are added; existing rows are edited in place. */
function plant(rng: Random, trips: Trip[]): void {
  const thuy = byName('Nguyễn Thị Thủy');
  // P-no-accents: the name typed without diacritics still matches the one Nguyễn Thị Thủy.
  Object.assign(pickTrip(trips, thuy, 'no-accents', ordinary), { plant: 'P-no-accents', override: { 'Họ và tên': 'Nguyen Thi Thuy' } });
  // P-typo: a real typo; her 3-day trip is not counted until the name is fixed.
  {
    const cal = occupiedCalendar(trips, thuy);
    const [from, to] = freeWindow(rng, cal, 3, d('2023-09-01'), d('2023-10-25'));
    trips.push({ ...makeTrip(rng, thuy, 'kiem-tra', from, to, true), plant: 'P-typo', override: { 'Họ và tên': 'Nguyễn Thị Thủyy' } });
  }
  // P-unknown: someone not on the roster.
  const stranger = { ...byName('Trương Thị Kim Ngân'), name: 'Trần Minh Khang' };
  trips.push({ ...makeTrip(rng, stranger, 'phoi-hop', d('2023-03-20'), d('2023-03-21'), true), plant: 'P-unknown' });
  // P-ambiguous: "Nguyễn Văn An" with no ban: two cadres have that name.
  const anBtckt = byName('Nguyễn Văn An', BAN.btckt);
  trips.push({ ...extraTrip(rng, trips, anBtckt, 'kiem-tra', 2, d('2023-04-01'), d('2023-05-20')), plant: 'P-ambiguous', override: { 'Ban/Văn phòng': '' } });
  // P-overlap-1/2: two trips of Phạm Minh Tuấn overlap by two days.
  {
    const tuan = byName('Phạm Minh Tuấn');
    const cal = occupiedCalendar(trips, tuan);
    const [from, to] = freeWindow(rng, cal, 7, d('2023-03-01'), d('2023-05-20'));
    const a = { ...makeTrip(rng, tuan, 'kiem-tra', from, addDays(from, 3), true), plant: 'P-overlap-1' };
    const b = { ...makeTrip(rng, tuan, 'phoi-hop', addDays(from, 2), to, true), plant: 'P-overlap-2' };
    trips.push(a, b);
  }
  // P-no-end: Phan Đức Huy's trip with no Đến ngày.
  {
    const huy = byName('Phan Đức Huy');
    const cal = occupiedCalendar(trips, huy);
    const [from, to] = freeWindow(rng, cal, 2, d('2023-04-01'), d('2023-05-15'));
    trips.push({ ...makeTrip(rng, huy, 'hoi-nghi', from, to, true), plant: 'P-no-end', override: { 'Đến ngày': '' } });
  }
  // P-impossible-date: 31/02/2023.
  {
    const ngan = byName('Trương Thị Kim Ngân');
    trips.push({
      ...makeTrip(rng, ngan, 'chi-doan', d('2023-02-27'), d('2023-02-28'), true),
      declared: 2,
      plant: 'P-impossible-date',
      override: { 'Từ ngày': '31/02/2023', 'Đến ngày': '02/03/2023' },
    });
  }
  // P-days-over-window: Số ngày 5 on a 3-day window.
  {
    const loi = byName('Bùi Văn Lợi');
    const cal = occupiedCalendar(trips, loi);
    const [from, to] = freeWindow(rng, cal, 3, d('2023-07-01'), d('2023-07-25'));
    trips.push({ ...makeTrip(rng, loi, 'phoi-hop', from, to, true), declared: 5, plant: 'P-days-over-window' });
  }
  // P-duplicate: one of Nguyễn Thanh Tùng's rows pasted twice.
  {
    const tung = byName('Nguyễn Thanh Tùng');
    const original = pickTrip(trips, tung, 'duplicate', (t) => ordinary(t) && t.declared! >= 2);
    original.plant = 'P-duplicate-original';
    trips.push({ ...original, plant: 'P-duplicate' });
  }
  // P-outside-year: a December 2022 trip of Trần Thị Yến Nhi.
  trips.push({
    ...makeTrip(rng, byName('Trần Thị Yến Nhi'), 'hoi-nghi', d('2022-12-12'), d('2022-12-14'), true),
    registered: d('2022-12-01'),
    plant: 'P-outside-year',
  });
  // P-formula-text: a result that starts with '=' stays text.
  Object.assign(pickTrip(trips, byName('Lâm Thị Thu Trang'), 'formula-text', ordinary), {
    plant: 'P-formula-text',
    result: '=Đề xuất tăng kinh phí cho mô hình',
  });
  // P-past-approved: an October trip still marked Đã duyệt (never updated to Đã thực hiện).
  {
    const phuc = byName('Mai Văn Phúc');
    const cal = occupiedCalendar(trips, phuc);
    const [from, to] = freeWindow(rng, cal, 2, d('2023-10-02'), d('2023-10-27'));
    trips.push({ ...makeTrip(rng, phuc, 'phong-trao', from, to, false), status: 'Đã duyệt', plant: 'P-past-approved' });
  }
  // P-cancelled: a cancelled trip (counts nowhere) of Kiều Văn Đạt.
  {
    const dat = byName('Kiều Văn Đạt');
    const cal = occupiedCalendar(trips, dat);
    const [from, to] = freeWindow(rng, cal, 3, d('2023-05-01'), d('2023-05-20'));
    trips.push({ ...makeTrip(rng, dat, 'phoi-hop', from, to, false), status: 'Hủy', plant: 'P-cancelled' });
  }
  // P-blank-status-1/2: done-looking trips with the status left blank.
  trips.push({ ...extraTrip(rng, trips, byName('Võ Thị Ngọc Hân'), 'hoi-nghi', 2, d('2023-03-01'), d('2023-05-20')), plant: 'P-blank-status-1', status: '' });
  trips.push({ ...extraTrip(rng, trips, byName('Lưu Hoàng Nam'), 'phong-trao', 2, d('2023-07-01'), d('2023-09-20')), plant: 'P-blank-status-2', status: '' });
  // P-declared-less: "10 ngày, từ 01/6 – 15/6" style: Số ngày below the window (allowed; counts the declared days).
  {
    const t = pickTrip(trips, byName('Lê Hoàng Khoa'), 'declared less', (x) => ordinary(x) && x.declared! >= 2);
    const cal = occupiedCalendar(
      trips.filter((x) => x !== t),
      t.cadre,
    );
    if (cal.free(t.from, addDays(t.to, 2))) {
      t.to = addDays(t.to, 2);
    } else {
      t.declared = t.declared! - 1;
    }
    t.plant = 'P-declared-less';
  }
  // P-blank-days: Số ngày blank means the whole window.
  Object.assign(
    pickTrip(trips, byName('Trần Văn Hòa'), 'blank days', (t) => ordinary(t) && t.declared! >= 2),
    { plant: 'P-blank-days', declared: null },
  );
  // P-text-date-long: "ngày 5 tháng 6 năm 2023" typed as text.
  {
    const t = pickTrip(trips, byName('Đỗ Thị Thanh Tâm'), 'long text date', (x) => done(x));
    t.plant = 'P-text-date-long';
    t.override = { 'Từ ngày': longDate(t.from), 'Đến ngày': longDate(t.to) };
  }
}

/** A done trip of `length` days added for a plant, in a window free of the cadre's other trips. */
function extraTrip(rng: Random, trips: Trip[], c: Cadre, kind: Kind, length: number, from: CalendarDate, lastStart: CalendarDate): Trip {
  const [start, end] = freeWindow(rng, occupiedCalendar(trips, c), length, from, lastStart);
  return makeTrip(rng, c, kind, start, end, true);
}

function occupiedCalendar(trips: Trip[], c: Cadre): Calendar {
  const cal = new Calendar();
  for (const t of trips) if (t.cadre === c) cal.take(t.from, t.to);
  return cal;
}

function dmy(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function longDate(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

function dateCell(date: CalendarDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

export interface SampleBook {
  /** Tabs in order; rows from spreadsheet row 1. */
  tabs: { name: string; rows: RawCell[][] }[];
  planted: PlantedCase[];
  cadreCount: number;
  tripCount: number;
}

function rosterRows(): RawCell[][] {
  const rows: RawCell[][] = [
    [`DANH SÁCH CÁN BỘ TỈNH ĐOÀN NĂM ${SAMPLE_YEAR}`],
    ['(Cán bộ thực hiện chủ trương "1+2" – cập nhật ngày 15/11/2023)'],
    [...ROSTER_COLUMNS],
  ];
  CADRES.forEach((c, i) => {
    // Leave a few emails blank, as rosters often do.
    const email = i === 12 || i === 26 ? '' : emailOf(c);
    rows.push([i + 1, c.name, c.position, c.ban, c.group, email, c.exemption, c.waiver, c.start ? dateCell(c.start) : '']);
  });
  return rows;
}

function tripCells(rng: Random, t: Trip, stt: number): RawCell[] {
  const contentVariant = rng.float();
  let content: RawCell = LABELS[t.kind];
  const number = NUMBERS[t.kind];
  if (contentVariant < 0.08 && number) content = number;
  else if (contentVariant < 0.12 && number) content = Number(number);
  else if (contentVariant < 0.18 && number) content = `${number}. ${LABELS[t.kind]}`;
  else if (contentVariant < 0.24) content = withoutDiacritics(LABELS[t.kind]).toLowerCase();
  const textDates = rng.chance(0.07);
  const date = (x: CalendarDate | null): RawCell => (x === null ? '' : textDates ? dmy(x) : dateCell(x));
  const cells: Record<(typeof TRIP_COLUMNS)[number], RawCell> = {
    STT: stt,
    'Họ và tên': t.cadre.name,
    'Ban/Văn phòng': t.cadre.ban,
    'Nội dung': content,
    'Cụ thể nội dung': t.detail,
    'Số ngày': t.declared ?? '',
    'Từ ngày': date(t.from),
    'Đến ngày': date(t.to),
    'Địa điểm': t.place,
    Cấp: t.level,
    'Trạng thái': t.status,
    'Ngày đăng ký': t.registered === null ? '' : rng.chance(0.1) ? dmy(t.registered) : dateCell(t.registered),
    'Xác nhận cơ sở': t.confirmed,
    'Đã báo cáo': t.reported,
    Điểm: t.score ?? '',
    'Minh chứng': t.evidence,
    'Kết quả, đề xuất': t.result,
    ...t.override,
  };
  return TRIP_COLUMNS.map((column) => cells[column]);
}

const PLANT_TEXT: Record<string, string> = {
  'P-no-accents': 'Tên gõ không dấu "Nguyen Thi Thuy": vẫn khớp với Nguyễn Thị Thủy (chỉ có một người tên này).',
  'P-typo': 'Tên gõ sai "Nguyễn Thị Thủyy": không có trong danh sách; gợi ý Nguyễn Thị Thủy; 3 ngày này chưa được tính.',
  'P-unknown': 'Trần Minh Khang không có trong danh sách cán bộ.',
  'P-ambiguous': 'Nguyễn Văn An, ô Ban/Văn phòng trống: có hai người cùng tên (Ban Tổ chức – Kiểm tra và Ban Phong trào).',
  'P-overlap-1': 'Thời gian trùng với dòng P-overlap-2 (cảnh báo trên cả hai dòng).',
  'P-overlap-2': 'Thời gian trùng với dòng P-overlap-1 (cảnh báo trên cả hai dòng).',
  'P-no-end': 'Thiếu "Đến ngày".',
  'P-impossible-date': 'Từ ngày "31/02/2023" không tồn tại.',
  'P-days-over-window': 'Số ngày 5 lớn hơn số ngày từ "Từ ngày" đến "Đến ngày" (3 ngày).',
  'P-duplicate-original': 'Dòng gốc của P-duplicate.',
  'P-duplicate': 'Trùng hoàn toàn với dòng P-duplicate-original (trừ STT).',
  'P-outside-year': 'Đợt tháng 12/2022: ngoài thời gian thực hiện năm 2023, không tính.',
  'P-formula-text': 'Ô "Kết quả, đề xuất" bắt đầu bằng "=": là chữ, không phải công thức.',
  'P-past-approved': 'Đợt tháng 10 vẫn ở trạng thái "Đã duyệt" (đã qua ngày, chưa cập nhật "Đã thực hiện").',
  'P-cancelled': 'Đợt "Hủy": không tính ở đâu cả.',
  'P-blank-status-1': 'Trạng thái để trống trên một đợt đã qua: được tính là đã thực hiện.',
  'P-blank-status-2': 'Trạng thái để trống trên một đợt đã qua: được tính là đã thực hiện.',
  'P-declared-less': 'Số ngày nhỏ hơn khoảng thời gian (hợp lệ: tính theo Số ngày).',
  'P-blank-days': 'Số ngày để trống: tính cả khoảng thời gian.',
  'P-text-date-long': 'Ngày gõ dạng chữ "ngày d tháng m năm yyyy".',
  'P-back-to-back': 'Đợt chuyên đề thứ hai bắt đầu ngay sau đợt thứ nhất: hai đợt liền nhau chỉ tính một.',
  'P-process-gap': 'Đợt đã thực hiện nhưng chưa có xác nhận cơ sở, "Đã báo cáo" = "Chưa".',
};

/** All trips in sheet order: by cadre in roster order (strangers last), then by start date. */
function generateTrips(): Trip[] {
  const rng = new Random(20231115);
  const trips: Trip[] = [];
  for (const c of CADRES) trips.push(...tripsFor(rng, c));
  plant(rng, trips);
  const order = (t: Trip) => {
    const i = CADRES.indexOf(t.cadre);
    return i < 0 ? CADRES.length : i;
  };
  return trips
    .map((t, index) => ({ t, index }))
    .sort((a, b) => order(a.t) - order(b.t) || dayNumber(a.t.from) - dayNumber(b.t.from) || a.index - b.index)
    .map((x) => x.t);
}

/** The sample, as cells. Pure and deterministic: the same result on every call. */
export function buildSample(): SampleBook {
  const sorted = generateTrips();
  const cellRng = new Random(7);
  const tripRows: RawCell[][] = [[...TRIP_COLUMNS]];
  const planted: PlantedCase[] = [];
  sorted.forEach((t, i) => {
    const row = TRIPS_HEADER_ROW + 1 + i;
    tripRows.push(tripCells(cellRng, t, i + 1));
    if (t.plant) planted.push({ id: t.plant, tab: TRIPS_TAB, row, what: PLANT_TEXT[t.plant] ?? t.plant });
  });

  const settings: RawCell[][] = [
    ['Tỉnh', 'Kiên Giang'],
    ['Năm', SAMPLE_YEAR],
    ['Bộ quy định', 'kien-giang-2023'],
    ['Kế hoạch số', '06-HD/TĐTN-BTCKT'],
    ['Ngày kế hoạch', dateCell(d('2023-03-10'))],
  ];

  return {
    tabs: [
      { name: ROSTER_TAB, rows: rosterRows() },
      { name: TRIPS_TAB, rows: tripRows },
      { name: SETTINGS_TAB, rows: settings },
    ],
    planted,
    cadreCount: CADRES.length,
    tripCount: sorted.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the checker should conclude (documented in samples/README.md; the tables there are printed by --readme)

/** Rows that do not count for the cadre they were meant for: unmatched names, row errors, not done. */
const NOT_COUNTED = new Set(['P-typo', 'P-ambiguous', 'P-unknown', 'P-no-end', 'P-impossible-date', 'P-days-over-window']);

export interface ExpectedOutcome {
  row: number;
  name: string;
  ban: string;
  /** Counted days of done trips inside 2023 (min of declared sum and distinct days). */
  doneDays: number;
  /** Days of trips registered for after 15/11. */
  plannedDays: number;
  /** Counted days if every planned trip is done. */
  projectedDays: number;
  validRounds: number;
  rating: 'Miễn' | 'Xuất sắc' | 'Đạt' | 'Không đạt';
  reasons: string[];
}

function countedDays(trips: Trip[]): number {
  const days = new Set<number>();
  let declared = 0;
  for (const t of trips) {
    const from = Math.max(dayNumber(t.from), dayNumber(d('2023-01-01')));
    const to = Math.min(dayNumber(t.to), dayNumber(d('2023-12-31')));
    if (to < from) continue;
    for (let n = from; n <= to; n++) days.add(n);
    declared += Math.min(t.declared ?? daysInclusive(t.from, t.to), to - from + 1);
  }
  return Math.min(declared, days.size);
}

/** Valid chuyên đề rounds: 5–7 days; rounds that overlap or touch form one stint, which counts once at most. */
function validRounds(trips: Trip[]): number {
  const rounds = trips.filter((t) => t.kind === 'chuyen-de').sort((a, b) => dayNumber(a.from) - dayNumber(b.from));
  let count = 0;
  let stintEnd = -Infinity;
  let stintCounted = false;
  for (const r of rounds) {
    if (dayNumber(r.from) > stintEnd + 1) stintCounted = false;
    stintEnd = Math.max(stintEnd, dayNumber(r.to));
    const length = r.declared ?? daysInclusive(r.from, r.to);
    if (length >= 5 && length <= 7 && !stintCounted) {
      count++;
      stintCounted = true;
    }
  }
  return count;
}

/** The Kiên Giang rating each cadre should get at 31/12/2023 if every planned trip is done as registered. */
export function expectedOutcomes(): ExpectedOutcome[] {
  const trips = generateTrips();
  return CADRES.map((c, i) => {
    const own = trips.filter((t) => t.cadre === c && !NOT_COUNTED.has(t.plant ?? ''));
    // DOMAIN.md: a blank status is done once the trip has ended; registered/approved trips are planned while their
    // end is still ahead, and count nowhere once it has passed (overdue).
    const isDone = (t: Trip) => t.status === 'Đã thực hiện' || (t.status === '' && t.to <= SAMPLE_TODAY);
    const isFuture = (t: Trip) => ((t.status === 'Đăng ký' || t.status === 'Đã duyệt') && t.to >= SAMPLE_TODAY) || (t.status === '' && t.to > SAMPLE_TODAY);
    const doneTrips = own.filter(isDone);
    const projected = [...doneTrips, ...own.filter(isFuture)];
    const rounds = validRounds(projected);
    const reasons: string[] = [];
    const projectedDays = countedDays(projected);
    if (projectedDays < 60) reasons.push(`thiếu ngày (${projectedDays}/60)`);
    if (rounds < 2 && !c.waiver) reasons.push(`thiếu đợt chuyên đề (${rounds}/2)`);
    // 06-HD §III.2: "phải có nội dung dự sinh hoạt chi đoàn (… phải đi cơ sở ở cấp huyện, cấp cơ sở)".
    if (!projected.some((t) => t.kind === 'chi-doan')) reasons.push('chưa dự sinh hoạt chi đoàn');
    const levels = new Set(projected.map((t) => t.level));
    if (!levels.has('Huyện')) reasons.push('chưa đi cấp huyện');
    if (!levels.has('Cơ sở') && !levels.has('Chi đoàn')) reasons.push('chưa đi cấp cơ sở');
    if (own.some((t) => t.registered !== null && t.from >= d('2023-07-01') && t.registered > ROUND2_DEADLINE)) reasons.push('đăng ký đợt 2 sau 20/6');
    if (doneTrips.some((t) => t.confirmed !== 'Có' || t.reported !== 'Có')) reasons.push('thiếu xác nhận cơ sở / báo cáo kết quả');
    const excellent = doneTrips.some((t) => t.kind === 'chuyen-de' && t.evidence !== '' && (t.score ?? 0) >= 80);
    const rating = c.exemption ? 'Miễn' : reasons.length > 0 ? 'Không đạt' : excellent ? 'Xuất sắc' : 'Đạt';
    // "có văn bản nhắc nhở của đơn vị thường trực": the sample's roster keeps no reminder letter, so a registration left
    // undone is a to-do, not a reason for Không đạt.
    if (!c.exemption && own.some((t) => (t.status === 'Đăng ký' || t.status === 'Đã duyệt') && t.to < SAMPLE_TODAY))
      reasons.push('(việc cần làm) đợt đã duyệt nhưng không thực hiện, chưa có văn bản nhắc nhở');
    if (c.exemption) reasons.splice(0, reasons.length, `miễn: ${c.exemption}`);
    if (c.waiver && !c.exemption) reasons.push(`miễn chuyên đề: ${c.waiver}`);
    return {
      row: ROSTER_HEADER_ROW + 1 + i,
      name: c.name,
      ban: c.ban,
      doneDays: countedDays(doneTrips),
      plannedDays: countedDays(own.filter(isFuture)),
      projectedDays,
      validRounds: rounds,
      rating,
      reasons,
    };
  });
}

/** The two tables of samples/README.md, as markdown lines (the sample test checks that the README holds them). */
export function readmeTables(): string[] {
  const sample = buildSample();
  const lines = ['| id | tab | row | what the checker should say |', '|---|---|---|---|'];
  for (const p of sample.planted) lines.push(`| ${p.id} | ${p.tab} | ${p.row} | ${p.what} |`);
  lines.push('');
  lines.push('| roster row | cán bộ | ban | days done by 15/11 | planned | projected | valid chuyên đề rounds | rating at 31/12 | why |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const o of expectedOutcomes()) {
    lines.push(
      `| ${o.row} | ${o.name} | ${o.ban} | ${o.doneDays} | ${o.plannedDays} | ${o.projectedDays} | ${o.validRounds} | ${o.rating} | ${o.reasons.join('; ')} |`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// The file

const DATE_FORMAT = 'dd/mm/yyyy';
const ROSTER_WIDTHS = [6, 26, 20, 24, 16, 34, 16, 34, 14];
const TRIP_WIDTHS = [6, 24, 24, 30, 48, 9, 12, 12, 36, 11, 14, 13, 13, 11, 8, 34, 44];

/** Writes the sample workbook to `path`. */
export async function writeSample(path: string): Promise<SampleBook> {
  const sample = buildSample();
  const excel = new ExcelJS.Workbook();
  excel.creator = 'dicoso';
  // Fixed metadata: the file differs only when the content does.
  excel.created = new Date(Date.UTC(2023, 10, 15));
  excel.modified = new Date(Date.UTC(2023, 10, 15));

  for (const tab of sample.tabs) {
    const ws = excel.addWorksheet(tab.name);
    tab.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === '' || value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
      }),
    );
  }

  const roster = excel.getWorksheet(ROSTER_TAB)!;
  roster.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  roster.mergeCells(2, 1, 2, ROSTER_COLUMNS.length);
  roster.getCell(1, 1).style = { font: { name: 'Times New Roman', size: 14, bold: true }, alignment: { horizontal: 'center' } };
  roster.getCell(2, 1).style = { font: { name: 'Times New Roman', size: 12, italic: true }, alignment: { horizontal: 'center' } };
  roster.getRow(ROSTER_HEADER_ROW).font = { name: 'Times New Roman', size: 12, bold: true };
  ROSTER_WIDTHS.forEach((w, i) => (roster.getColumn(i + 1).width = w));
  roster.views = [{ state: 'frozen', xSplit: 0, ySplit: ROSTER_HEADER_ROW }];

  const tripsSheet = excel.getWorksheet(TRIPS_TAB)!;
  tripsSheet.getRow(1).font = { name: 'Calibri', size: 11, bold: true };
  TRIP_WIDTHS.forEach((w, i) => (tripsSheet.getColumn(i + 1).width = w));
  tripsSheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  const last = sample.tripCount + TRIPS_HEADER_ROW;
  listValidation(tripsSheet, TRIP_COLUMNS.indexOf('Trạng thái') + 1, last + 200, ['Đăng ký', 'Đã duyệt', 'Đã thực hiện', 'Hủy']);
  listValidation(tripsSheet, TRIP_COLUMNS.indexOf('Cấp') + 1, last + 200, ['Huyện', 'Cơ sở', 'Chi đoàn']);

  const settings = excel.getWorksheet(SETTINGS_TAB)!;
  settings.getColumn(1).width = 18;
  settings.getColumn(2).width = 22;

  await mkdir(dirname(path), { recursive: true });
  await excel.xlsx.writeFile(path);
  return sample;
}

/** A dropdown on rows 2…lastRow of a column, typing another value allowed with a warning (as `dicoso init` makes it). */
function listValidation(ws: ExcelJS.Worksheet, column: number, lastRow: number, values: string[]): void {
  for (let row = 2; row <= lastRow; row++) {
    ws.getCell(row, column).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Giá trị ngoài danh sách',
      error: 'Giá trị này không có trong danh sách. Vẫn giữ?',
    };
  }
}

async function main(): Promise<void> {
  const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? DEFAULT_SAMPLE_PATH;
  const sample = await writeSample(path);
  console.log(`Đã ghi ${path}: ${sample.cadreCount} cán bộ, ${sample.tripCount} đợt.`);
  if (process.argv.includes('--readme')) console.log(readmeTables().join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
