/**
 * Seeded synthetic workbooks for the benchmarks (issue 7): a province, a merged large province and a national
 * roll-up, plus a small one for the smoke test. Deterministic: the same size and seed give the same cells, with no
 * clock. The data looks like what departments type: Vietnamese names (unique within a ban, repeated across bans),
 * six or more bans, real Date cells and some day-first text dates, every content kind and status, and a few of the
 * mistakes real sheets carry (unknown names, impossible dates, reversed windows, unknown statuses…), so the check
 * writes notes and colours as it would on a real sheet.
 */
import type { CalendarDate } from '../src/core/calendar-date';
import { ROSTER_COLUMNS, templateColumns, TRIP_COLUMNS } from '../src/core/columns';
import { resolvePolicy } from '../src/core/presets';
import { registrationRounds, roundOf } from '../src/core/registration-rounds';
import type { RawCell } from '../src/sheets/workbook';
import { Random } from '../scripts/seeded-random';

export const BENCH_YEAR = 2023;
/** The day the workbooks are "seen": earlier trips are mostly done, later ones registered. */
export const BENCH_TODAY = '2023-11-15';
/** Sheets hands Date cells out as midnights in the spreadsheet's zone; a Vietnamese sheet runs in this one. */
export const BENCH_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ZONE_OFFSET_MS = 7 * 3_600_000;

export const ROSTER_TAB = 'Cán bộ';
export const TRIPS_TAB = 'Đi cơ sở';
export const SETTINGS_TAB = 'Cài đặt';

/** The captions a new registration spreadsheet is made with (dicoso init, Khởi tạo bảng tính). */
export const ROSTER_HEADER: string[] = templateColumns(ROSTER_COLUMNS, { rating: true, deadlines: true }).map((c) => c.caption);
export const TRIP_HEADER: string[] = templateColumns(TRIP_COLUMNS, { rating: true, deadlines: true }).map((c) => c.caption);

export type SizeId = 'small' | 'province' | 'large' | 'national' | 'national3x';

export interface BenchSize {
  id: SizeId;
  label: string;
  cadres: number;
  trips: number;
}

export const SIZES: Record<SizeId, BenchSize> = {
  small: { id: 'small', label: 'small (smoke test)', cadres: 10, trips: 250 },
  province: { id: 'province', label: 'province', cadres: 60, trips: 1_500 },
  large: { id: 'large', label: 'large merged province', cadres: 300, trips: 8_000 },
  national: { id: 'national', label: 'national roll-up', cadres: 4_000, trips: 100_000 },
  national3x: { id: 'national3x', label: 'three times national', cadres: 12_000, trips: 300_000 },
};

/** The roll-up across provinces (`dicoso tong-hop`): one file per province, each with its own Tỉnh. */
export const ROLLUP = { provinces: 34, cadres: 120, trips: 3_000 } as const;

/** A province's workbook for the roll-up: its own seed and its own Tỉnh in the Cài đặt tab. */
export function rollupProvince(index: number): GeneratedWorkbook {
  const g = generateWorkbook({ cadres: ROLLUP.cadres, trips: ROLLUP.trips, seed: 1_000 + index });
  g.tabs[SETTINGS_TAB]![1] = ['Tỉnh', PROVINCES[index % PROVINCES.length]!];
  return g;
}

export interface GenerateOptions {
  cadres: number;
  trips: number;
  seed?: number;
}

export interface GeneratedWorkbook {
  tabs: Record<string, RawCell[][]>;
  cadres: number;
  trips: number;
  bans: string[];
  /** Planted mistakes, by kind: the check must report at least these. */
  planted: Record<string, number>;
  /** 1-based sheet rows of the trips tab that hold a trip, for the onEdit benchmark. */
  firstTripRow: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

// ---------------------------------------------------------------------------------------------------------------
// Words

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lâm',
  'Trương',
  'Đinh',
  'Mai',
  'Tô',
  'Châu',
  'Quách',
  'Kiều',
  'Tạ',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Hoàng', 'Công', 'Xuân', 'Duy', 'Tuấn', 'Gia'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Mỹ', 'Kim', 'Thanh', 'Bích', 'Hồng', 'Thị Thu', 'Thị Ngọc', 'Diễm', 'Khánh'];
const GIVEN_M = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hòa',
  'Huy',
  'Hùng',
  'Khoa',
  'Khánh',
  'Long',
  'Lợi',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Quân',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Trí',
  'Trung',
  'Tuấn',
  'Tùng',
  'Vinh',
  'Việt',
];
const GIVEN_F = [
  'Anh',
  'Ánh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hân',
  'Hằng',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'My',
  'Ngân',
  'Nhi',
  'Nhung',
  'Phượng',
  'Quyên',
  'Tâm',
  'Thảo',
  'Thủy',
  'Trang',
  'Trinh',
  'Uyên',
  'Vy',
  'Yến',
];

const BAN_BASES = ['Thường trực Tỉnh đoàn', 'Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng'];
const EXTRA_BANS = ['Ban Mặt trận', 'Ban Thanh niên Trường học', 'Ban Kinh tế – Xã hội', 'Trung tâm Hoạt động Thanh thiếu nhi'];
const PROVINCES = [
  'Hà Giang',
  'Cao Bằng',
  'Lào Cai',
  'Yên Bái',
  'Thái Nguyên',
  'Lạng Sơn',
  'Quảng Ninh',
  'Bắc Giang',
  'Phú Thọ',
  'Vĩnh Phúc',
  'Bắc Ninh',
  'Hải Dương',
  'Hải Phòng',
  'Hưng Yên',
  'Thái Bình',
  'Hà Nam',
  'Nam Định',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Thừa Thiên Huế',
  'Đà Nẵng',
  'Quảng Nam',
  'Quảng Ngãi',
  'Bình Định',
  'Phú Yên',
  'Khánh Hòa',
  'Ninh Thuận',
  'Bình Thuận',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Đắk Nông',
  'Lâm Đồng',
  'Bình Phước',
  'Tây Ninh',
  'Bình Dương',
  'Đồng Nai',
  'Bà Rịa – Vũng Tàu',
  'Long An',
  'Tiền Giang',
  'Bến Tre',
  'Trà Vinh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Kiên Giang',
  'Cần Thơ',
  'Hậu Giang',
  'Sóc Trăng',
  'Bạc Liêu',
  'Cà Mau',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Hòa Bình',
  'Tuyên Quang',
  'Bắc Kạn',
];
const POSITIONS = ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Phó Trưởng ban', 'Trưởng ban'];

type Kind = 'chuyen-de' | 'phoi-hop' | 'kiem-tra' | 'hoi-nghi' | 'chi-doan' | 'phong-trao';
const KIND_TEXT: Record<Kind, readonly string[]> = {
  'chuyen-de': ['Theo chuyên đề', 'Theo chuyên đề', '3.1', 'chuyên đề'],
  'phoi-hop': ['Phối hợp tổ chức, triển khai hoạt động tại cơ sở', '3.2', 'Phối hợp tổ chức'],
  'kiem-tra': ['Kiểm tra, giám sát', '3.3'],
  'hoi-nghi': ['Dự họp, sinh hoạt chuyên đề hội nghị BCH, BTV đoàn cấp dưới', 'Dự hội nghị'],
  'chi-doan': ['Dự sinh hoạt chi đoàn', 'sinh hoạt chi đoàn'],
  'phong-trao': ['Dự các hoạt động phong trào của cấp dưới', '3.5'],
};
const OTHER_KINDS: readonly Kind[] = ['phoi-hop', 'phoi-hop', 'phoi-hop', 'kiem-tra', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'chi-doan', 'phong-trao'];
const DETAILS = [
  'Cùng ăn, cùng ở, cùng làm: hỗ trợ Đoàn xã xây dựng mô hình thanh niên phát triển kinh tế',
  'Củng cố chi đoàn ấp hoạt động chưa hiệu quả',
  'Phối hợp tổ chức Tháng Thanh niên năm 2023',
  'Kiểm tra công tác thu, nộp đoàn phí',
  'Dự Hội nghị BCH Đoàn xã sơ kết công tác 6 tháng đầu năm',
  'Dự sinh hoạt chi đoàn ấp định kỳ',
  'Dự Lễ ra quân "Mùa hè xanh"',
  '',
];
const PLACES = [
  'Xã Phi Thông',
  'Phường Vĩnh Quang',
  'Xã Mỹ Đức',
  'Xã Hàm Ninh',
  'Xã Bãi Thơm',
  'Thị trấn Minh Lương',
  'Xã Sơn Kiên',
  'Xã Hòn Tre',
  'Xã Nam Yên',
  'Xã Vân Khánh',
];
const LEVELS = ['Xã/Phường', 'Cơ sở', 'Chi đoàn', 'Tỉnh'];
const RESULTS = [
  'Cơ sở triển khai tốt; đoàn viên tham gia đông.',
  'Đã hướng dẫn cơ sở khắc phục hạn chế về sổ sách.',
  'Đề xuất Huyện đoàn tiếp tục hỗ trợ mô hình.',
  '',
  '',
];

// ---------------------------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(BENCH_YEAR, 0, 2);
const YEAR_DAYS = 360;
const TODAY_MS = Date.UTC(2023, 10, 15);

/** A Date cell as Sheets hands it out: midnight of that day in the spreadsheet's zone. */
function dateCell(dayMs: number): Date {
  return new Date(dayMs - ZONE_OFFSET_MS);
}

function parts(dayMs: number): { d: number; m: number; y: number } {
  const date = new Date(dayMs);
  return { d: date.getUTCDate(), m: date.getUTCMonth() + 1, y: date.getUTCFullYear() };
}

/** A date typed as text, day first, in one of the spellings people use. */
function dateText(rng: Random, dayMs: number): string {
  const { d, m, y } = parts(dayMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (rng.int(0, 3)) {
    case 0:
      return `${pad(d)}/${pad(m)}/${y}`;
    case 1:
      return `${d}/${m}/${y}`;
    case 2:
      return `${d}-${m}-${y}`;
    default:
      return `${d}.${m}.${y}`;
  }
}

function dateValue(rng: Random, dayMs: number): RawCell {
  return rng.chance(0.15) ? dateText(rng, dayMs) : dateCell(dayMs);
}

/** Kiên Giang's registration rounds (the bench's preset): 06-HD §IV, Đợt 1 sent by 20/12 of the year before, Đợt 2 by 20/6. */
const ROUNDS = (() => {
  const resolved = resolvePolicy('kien-giang-2023', {});
  if (!resolved.ok) throw new Error(resolved.errors.join(' '));
  return registrationRounds(resolved.policy, BENCH_YEAR);
})();
const dayMsOf = (date: CalendarDate) => Date.parse(`${date}T00:00:00Z`);

/**
 * When a trip was registered, approved by its Ban and approved in the Thường trực's notice: on time for its round, as
 * a Ban that keeps to the guideline does (a few days before the round's deadline, and before the trip).
 */
function registrationDays(rng: Random, startMs: number): { registered: number; banApproved: number; notice: number } {
  const round = roundOf(ROUNDS, new Date(startMs).toISOString().slice(0, 10) as CalendarDate);
  const banLast = round?.banDeadline ?? round?.listDeadline;
  const lastDay = Math.min(startMs - DAY_MS, banLast ? dayMsOf(banLast.date) : Infinity);
  const banApproved = lastDay - rng.int(0, 3) * DAY_MS;
  const registered = banApproved - rng.int(1, 10) * DAY_MS;
  const noticeLast = round?.approvalDeadline ? dayMsOf(round.approvalDeadline.date) : startMs - DAY_MS;
  const notice = Math.max(banApproved, noticeLast - rng.int(0, 5) * DAY_MS);
  return { registered, banApproved, notice };
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook

interface CadreRecord {
  name: string;
  ban: string;
  position: string;
  exempt: boolean;
  /** Name appears in another ban too: every trip row must name the ban. */
  shared: boolean;
}

/** How many bans a roster of this size has: six in a province, more when merged, one set per province nationally. */
function bansFor(cadres: number, rng: Random): string[] {
  if (cadres <= 100) return [...BAN_BASES];
  if (cadres <= 1_000) return [...BAN_BASES, ...EXTRA_BANS];
  const provinces = Math.ceil(cadres / 60);
  const out: string[] = [];
  for (let p = 0; p < provinces; p++) {
    const province = PROVINCES[p % PROVINCES.length]! + (p >= PROVINCES.length ? ` ${Math.floor(p / PROVINCES.length) + 1}` : '');
    for (const ban of BAN_BASES) out.push(`${ban.replace(' Tỉnh đoàn', '')} – ${province}`);
  }
  void rng;
  return out;
}

function makeName(rng: Random): string {
  const female = rng.chance(0.5);
  return `${rng.pick(SURNAMES)} ${rng.pick(female ? MIDDLE_F : MIDDLE_M)} ${rng.pick(female ? GIVEN_F : GIVEN_M)}`;
}

/** A trip row from its cells by caption: each value under its column of TRIP_HEADER, wherever the template puts it. */
function tripRow(cells: Partial<Record<TripCaption, RawCell>>): RawCell[] {
  const row: RawCell[] = TRIP_HEADER.map(() => '');
  for (const [caption, value] of Object.entries(cells)) row[columnOf(caption as TripCaption)] = value;
  return row;
}

type TripCaption =
  | 'STT'
  | 'Họ và tên'
  | 'Ban/Văn phòng'
  | 'Nội dung'
  | 'Cụ thể nội dung'
  | 'Số ngày'
  | 'Từ ngày'
  | 'Đến ngày'
  | 'Địa điểm'
  | 'Cấp'
  | 'Trạng thái'
  | 'Ngày đăng ký'
  | 'Ban duyệt (người)'
  | 'Ban duyệt (ngày)'
  | 'Thông báo phê duyệt (số)'
  | 'Thông báo phê duyệt (ngày)'
  | 'Xác nhận cơ sở'
  | 'Đã báo cáo'
  | 'Điểm'
  | 'Minh chứng'
  | 'Kết quả, đề xuất';

/** The column of a caption in TRIP_HEADER; a caption the template no longer has stops the generator. */
function columnOf(caption: TripCaption): number {
  const column = TRIP_HEADER.indexOf(caption);
  if (column < 0) throw new Error(`bench/generate.ts: the trips template has no column “${caption}”`);
  return column;
}

/** The columns the planted mistakes spoil. */
const TRIP = {
  name: columnOf('Họ và tên'),
  kind: columnOf('Nội dung'),
  days: columnOf('Số ngày'),
  from: columnOf('Từ ngày'),
  to: columnOf('Đến ngày'),
  status: columnOf('Trạng thái'),
  score: columnOf('Điểm'),
};

export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const rng = new Random(options.seed ?? 20231115);
  const bans = bansFor(options.cadres, rng);
  const planted: Record<string, number> = {};
  const plant = (kind: string) => (planted[kind] = (planted[kind] ?? 0) + 1);

  // Roster: cadres spread over the bans in blocks (a ban's people sit together), names unique within a ban.
  const cadres: CadreRecord[] = [];
  const namesByBan = new Map<string, Set<string>>();
  const banOfName = new Map<string, Set<string>>();
  for (let i = 0; i < options.cadres; i++) {
    const ban = bans[Math.floor((i * bans.length) / options.cadres)]!;
    const taken = namesByBan.get(ban) ?? new Set<string>();
    namesByBan.set(ban, taken);
    let name = makeName(rng);
    for (let attempt = 0; taken.has(name); attempt++) name = attempt < 50 ? makeName(rng) : `${makeName(rng)} ${attempt}`;
    taken.add(name);
    const inBans = banOfName.get(name) ?? new Set<string>();
    inBans.add(ban);
    banOfName.set(name, inBans);
    const first = taken.size === 1;
    const position = ban.startsWith('Thường trực')
      ? first
        ? 'Bí thư'
        : 'Phó Bí thư'
      : ban.startsWith('Văn phòng') && first
        ? 'Chánh Văn phòng'
        : first
          ? 'Trưởng ban'
          : rng.pick(POSITIONS);
    cadres.push({ name, ban, position, exempt: rng.chance(0.03), shared: false });
  }
  for (const c of cadres) c.shared = (banOfName.get(c.name)?.size ?? 0) > 1;

  const rosterRows: RawCell[][] = [ROSTER_HEADER];
  cadres.forEach((c, i) => {
    const email = `cb${i + 1}@tinhdoan.example.vn`;
    const exemption = c.exempt ? rng.pick(['Nghỉ thai sản từ 01/3/2023 đến 31/8/2023', 'Kế toán', 'Văn thư', 'Đi học dài hạn']) : '';
    const waiver = !c.exempt && rng.chance(0.02) ? 'Công văn số 12/TĐTN ngày 03/4/2023' : '';
    const start = rng.chance(0.1) ? dateValue(rng, Date.UTC(rng.int(2010, 2023), rng.int(0, 11), rng.int(1, 28))) : '';
    const group = rng.chance(0.3)
      ? c.position === 'Chuyên viên'
        ? 'Chuyên viên'
        : c.position.startsWith('Bí thư') || c.position.startsWith('Phó Bí thư')
          ? 'Thường trực'
          : 'Lãnh đạo ban'
      : '';
    rosterRows.push([i + 1, c.name, c.position, c.ban, group, email, exemption, waiver, start]);
  });
  // A roster mistake or two: an impossible start date, a row without a ban.
  const badRosterRows = Math.max(1, Math.floor(options.cadres / 500));
  for (let k = 0; k < badRosterRows; k++) {
    const row = rosterRows[1 + rng.int(0, options.cadres - 1)]!;
    row[8] = '31/02/2020';
    plant('roster: impossible date');
  }

  // Each Ban's leader (its first cadre, the Trưởng ban or Chánh Văn phòng) approves its registrations.
  const leaders = new Map<string, string>();
  cadres.forEach((c, i) => leaders.has(c.ban) || leaders.set(c.ban, `cb${i + 1}@tinhdoan.example.vn`));
  const leaderOf = (ban: string) => leaders.get(ban)!;

  // Trips: each cadre gets an equal share; the year is cut into one slot per trip, the trip sits inside its slot.
  const tripRows: RawCell[][] = [TRIP_HEADER];
  const perCadre = Math.floor(options.trips / options.cadres);
  let extra = options.trips - perCadre * options.cadres;
  let stt = 0;
  cadres.forEach((c) => {
    const count = perCadre + (extra-- > 0 ? 1 : 0);
    if (count === 0) return;
    const slot = Math.max(2, Math.floor(YEAR_DAYS / count));
    const roundSlots = new Set<number>([Math.floor(count * 0.25), Math.floor(count * 0.7)]);
    for (let t = 0; t < count; t++) {
      const kind: Kind = roundSlots.has(t) && slot >= 6 ? 'chuyen-de' : rng.pick(OTHER_KINDS);
      const maxLength = Math.max(1, Math.min(slot - 1, kind === 'chuyen-de' ? 7 : kind === 'chi-doan' ? 2 : 10));
      const length = kind === 'chuyen-de' ? Math.min(maxLength, rng.int(5, 7)) : rng.int(1, maxLength);
      const start = YEAR_START + (t * slot + rng.int(0, Math.max(0, slot - length - 1))) * DAY_MS;
      const end = start + (length - 1) * DAY_MS;
      const past = end <= TODAY_MS;
      const status = past ? (rng.chance(0.85) ? 'Đã thực hiện' : rng.chance(0.5) ? '' : 'Hủy') : rng.pick(['Đăng ký', 'Đã duyệt', '']);
      const { registered, banApproved, notice } = registrationDays(rng, start);
      const done = past && status !== 'Hủy';
      const approved = done || (status === 'Đã duyệt' && rng.chance(0.8));
      const row = tripRow({
        STT: ++stt,
        'Họ và tên': c.name,
        'Ban/Văn phòng': c.shared || rng.chance(0.7) ? c.ban : '',
        'Nội dung': rng.pick(KIND_TEXT[kind]),
        'Cụ thể nội dung': rng.pick(DETAILS),
        'Số ngày': rng.chance(0.8) ? length : '',
        'Từ ngày': dateValue(rng, start),
        'Đến ngày': dateValue(rng, end),
        'Địa điểm': rng.pick(PLACES),
        Cấp: rng.pick(LEVELS),
        'Trạng thái': status,
        'Ngày đăng ký': dateValue(rng, registered),
        // 06-HD §IV: the Ban's leader approves the registration, then the Thường trực's notice approves the list.
        'Ban duyệt (người)': approved ? leaderOf(c.ban) : '',
        'Ban duyệt (ngày)': approved ? dateValue(rng, banApproved) : '',
        'Thông báo phê duyệt (số)': approved ? `${rng.int(10, 90)}-TB/TĐTN` : '',
        'Thông báo phê duyệt (ngày)': approved ? dateValue(rng, notice) : '',
        'Xác nhận cơ sở': done ? 'Có' : '',
        'Đã báo cáo': done ? 'Có' : '',
        Điểm: done && kind === 'chuyen-de' ? rng.int(70, 95) : '',
        'Minh chứng': done && kind === 'chuyen-de' ? 'Báo cáo kết quả, 14 ảnh hoạt động' : '',
        'Kết quả, đề xuất': done ? rng.pick(RESULTS) : '',
      });
      tripRows.push(row);
    }
  });

  // The mistakes real sheets carry, about one row in 250 (at least one of each kind).
  const mistakes: [string, (row: RawCell[]) => void][] = [
    ['trips: unknown cadre', (row) => (row[TRIP.name] = `${String(row[TRIP.name])}h`)],
    ['trips: impossible date', (row) => (row[TRIP.from] = '31/02/2023')],
    ['trips: end before start', (row) => ([row[TRIP.from], row[TRIP.to]] = [row[TRIP.to]!, row[TRIP.from]!])],
    ['trips: unknown status', (row) => (row[TRIP.status] = 'Đang làm')],
    ['trips: unknown content', (row) => (row[TRIP.kind] = 'Đi công tác')],
    ['trips: days over window', (row) => (row[TRIP.days] = 40)],
    ['trips: bad score', (row) => (row[TRIP.score] = 'tốt')],
  ];
  const mistakeRows = Math.max(mistakes.length, Math.floor(options.trips / 250));
  for (let k = 0; k < mistakeRows; k++) {
    const [kind, apply] = mistakes[k % mistakes.length]!;
    const row = tripRows[1 + rng.int(0, tripRows.length - 2)]!;
    const [from, to] = [row[TRIP.from], row[TRIP.to]];
    if (kind === 'trips: end before start' && from instanceof Date && to instanceof Date && from.getTime() === to.getTime()) continue;
    apply(row);
    plant(kind);
  }

  const settingsRows: RawCell[][] = [
    ['Cài đặt', ''],
    ['Tỉnh', 'Kiên Giang'],
    ['Năm', BENCH_YEAR],
    ['Kế hoạch số', '15-KH/TĐTN'],
  ];

  return {
    tabs: { [ROSTER_TAB]: rosterRows, [TRIPS_TAB]: tripRows, [SETTINGS_TAB]: settingsRows },
    cadres: cadres.length,
    trips: tripRows.length - 1,
    bans,
    planted,
    firstTripRow: 2,
  };
}

/** Every cell of every tab (the seeded size of the workbook, before the add-on writes anything). */
export function cellCount(tabs: Record<string, RawCell[][]>): number {
  let n = 0;
  for (const rows of Object.values(tabs)) {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    n += rows.length * width;
  }
  return n;
}

/** A deep copy whose Date cells are new objects (the adapters must never share a Date with the generator). */
export function cloneTabs(tabs: Record<string, RawCell[][]>): Record<string, RawCell[][]> {
  const out: Record<string, RawCell[][]> = {};
  for (const [name, rows] of Object.entries(tabs)) out[name] = rows.map((r) => r.map((c) => (c instanceof Date ? new Date(c.getTime()) : c)));
  return out;
}
