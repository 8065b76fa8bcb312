import { lazy } from './lazy';
import * as z from './zod-vi';
import {
  DayOfMonthSchema,
  DeadlineSchema,
  ExemptionItemSchema,
  PolicySchema,
  RequiredLevelSchema,
  VerdictKindSchema,
  type Policy,
  type PolicyInput,
} from './policy';

/**
 * One preset per source document (shared/seeds). Presets are data: change a number here, not in evaluation.
 */

export const PRESET_IDS = ['kien-giang-2023', 'tay-ninh-2023', 'ha-nam-2022'] as const;
export const PresetIdSchema = lazy(() => z.enum(PRESET_IDS, { message: 'Bộ quy định phải là kien-giang-2023, tay-ninh-2023 hoặc ha-nam-2022.' }));
export type PresetId = z.infer<typeof PresetIdSchema>;
export const DEFAULT_PRESET: PresetId = 'kien-giang-2023';

export interface PresetInfo {
  id: PresetId;
  title: string;
  source: string;
  province: string;
  policy: Policy;
}

/** 06-HD §II and 001 §II.2 name the same study leave: "cử đi học tập dài hạn (6 tháng trở lên)". */
const STUDY_WORDS = ['hoc tap dai han', 'hoc dai han', 'cu di hoc', 'dang di hoc', 'di hoc', 'hoc thac si', 'hoc tien si', 'hoc cao cap'];
const MATERNITY_WORDS = ['thai san', 'nghi sinh', 'nghi de', 'nghi sinh con'];

/** Kiên Giang 06-HD/TĐTN-BTCKT (2023), following central 09-HD/TWĐTN-BTC. */
const kienGiang2023: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '12-31' },
  rounds: {
    count: 2,
    label: 'chuyên đề',
    noun: 'chuyên đề',
    rule: { kinds: ['chuyen-de'], minDays: 5, maxDays: 7 },
    byGroup: {},
    notBackToBack: true,
  },
  // 06-HD §III.2: "phải có nội dung dự sinh hoạt chi đoàn (cán bộ đoàn cấp tỉnh phải đi cơ sở ở cấp huyện, cấp cơ sở)".
  requireChiDoan: true,
  requiredLevels: [
    { label: 'cấp huyện', levels: ['Huyện'] },
    // A chi đoàn belongs to a cơ sở đoàn: a trip down to a chi đoàn has reached the cơ sở level.
    { label: 'cấp cơ sở', levels: ['Cơ sở', 'Chi đoàn'] },
  ],
  // The levels of 2023 (the district level was abolished in 2025; a later preset would list two levels).
  levels: ['Huyện', 'Cơ sở', 'Chi đoàn'],
  verdict: 'rating',
  excellentScore: 80,
  exemptions: {
    source: 'Hướng dẫn 06-HD/TĐTN-BTCKT, mục II',
    needsDocument: false,
    yearsAtOffice: 20,
    items: [
      { label: 'Cán bộ được cử đi học tập dài hạn (6 tháng trở lên)', words: STUDY_WORDS },
      {
        label: 'Cán bộ ốm đau, bệnh tật phải xin nghỉ dài hạn',
        words: ['om dau', 'benh tat', 'nghi om', 'om dai han', 'nghi benh', 'dieu tri benh', 'benh nang'],
      },
      { label: 'Cán bộ từ 20 năm trở lên công tác tại cơ quan Tỉnh đoàn', words: ['20 nam', 'hai muoi nam'] },
      { label: 'Cán bộ nữ đang mang thai có nguyện vọng không đi cơ sở', words: ['mang thai', 'co thai'] },
      { label: 'Cán bộ nữ nuôi con nhỏ dưới 12 tháng', words: ['nuoi con nho', 'con nho', 'con duoi 12 thang', 'con duoi 1 tuoi'] },
      { label: 'Cán bộ nữ đang nghỉ chế độ thai sản', words: MATERNITY_WORDS },
      { label: 'Kế toán', words: ['ke toan'] },
      { label: 'Văn thư', words: ['van thu'] },
      { label: 'Thủ quỹ', words: ['thu quy'] },
      { label: 'Quản trị cơ quan', words: ['quan tri co quan', 'quan tri'] },
    ],
  },
  compilingDepartment: 'Ban Tổ chức – Kiểm tra',
  document: { kind: 'Hướng dẫn', number: '06-HD/TĐTN-BTCKT', date: '2023-03-10' },
  numbering: { 'chuyen-de': '3.1', 'phoi-hop': '3.2', 'kiem-tra': '3.3', 'hoi-nghi': '3.4', 'chi-doan': '3.4', 'phong-trao': '3.5' },
  // 06-HD §III.3.4 is one item for two kinds: the chi đoàn meeting is told apart by the row's own words.
  itemLabels: { '3.4': 'Dự sinh hoạt chuyên đề của hội nghị ban chấp hành, ban thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn' },
  // 06-HD §IV.2: lists sent after the deadline are not considered for approval (§IV.1: unless an urgent task).
  lateRegistrationsRefused: true,
  // 06-HD §IV works by Đợt, twice a year: no quarterly report and no mẫu 3.
  deadlines: [
    {
      id: 'dang-ky-dot-1',
      label: 'Gửi đăng ký đi cơ sở đợt 1',
      kind: 'registration',
      when: { type: 'yearly', monthDay: '12-20', yearOffset: -1 },
      covers: { start: '01-01', end: '06-30' },
      // 06-HD §IV.1: "Riêng năm 2023, hoàn thành việc đăng ký đi cơ sở đợt 1 trong tháng 5/2023."
      byYear: { '2023': '2023-05-31' },
    },
    {
      id: 'dang-ky-dot-2',
      label: 'Gửi đăng ký đi cơ sở đợt 2',
      kind: 'registration',
      when: { type: 'yearly', monthDay: '06-20', yearOffset: 0 },
      // "từ ngày 01/7 đến hết ngày 30/12": 31/12 is kept in Đợt 2 so that no day of the period has no Đợt.
      covers: { start: '07-01', end: '12-31' },
    },
    {
      id: 'phe-duyet-dot-1',
      label: 'Thường trực Tỉnh đoàn thông báo phê duyệt đăng ký đợt 1',
      kind: 'approval',
      when: { type: 'yearly', monthDay: '12-30', yearOffset: -1 },
      covers: { start: '01-01', end: '06-30' },
      // 2023 registered Đợt 1 in May 2023: an approval "trước ngày 30/12 năm trước" cannot apply that year, and 06-HD
      // gives no other date for it.
      byYear: { '2023': null },
    },
    {
      id: 'phe-duyet-dot-2',
      label: 'Thường trực Tỉnh đoàn thông báo phê duyệt đăng ký đợt 2',
      kind: 'approval',
      when: { type: 'yearly', monthDay: '06-30', yearOffset: 0 },
      covers: { start: '07-01', end: '12-31' },
    },
    {
      id: 'bao-cao-dot-1',
      label: 'Gửi báo cáo kết quả đi cơ sở đợt 1 của ban (kèm báo cáo từng cán bộ)',
      kind: 'report',
      when: { type: 'yearly', monthDay: '06-30', yearOffset: 0 },
    },
    {
      id: 'bao-cao-dot-2',
      label: 'Gửi báo cáo kết quả đi cơ sở đợt 2 của ban (kèm báo cáo từng cán bộ)',
      kind: 'report',
      when: { type: 'yearly', monthDay: '12-30', yearOffset: 0 },
    },
  ],
};

/** Tây Ninh plan for 2023 (seed 001). */
const tayNinh2023: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '10-25' },
  rounds: {
    count: 2,
    label: '“cùng ăn, cùng ở, cùng làm”',
    noun: 'đợt “3 cùng”',
    rule: { kinds: ['chuyen-de', 'phoi-hop', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'phong-trao'], minDays: null, maxDays: null },
    // Plan §II.2.3: Chuyên viên "tối thiểu có 02 đợt công tác … mỗi đợt tối thiểu 30 ngày"; 1.1 and 1.5 are the advised
    // focus ("tập trung"), not a condition of the round.
    byGroup: { 'chuyen-vien': { kinds: ['chuyen-de', 'phoi-hop', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'phong-trao'], minDays: 30, maxDays: null } },
    notBackToBack: false,
  },
  focusByGroup: {
    'thuong-truc': ['kiem-tra', 'chi-doan'],
    'lanh-dao-ban': ['kiem-tra', 'hoi-nghi', 'chi-doan'],
    'chuyen-vien': ['phoi-hop', 'chi-doan'],
  },
  levels: ['Huyện', 'Xã', 'Chi đoàn', 'Cơ sở'],
  verdict: 'completion',
  exemptions: {
    source: 'Kế hoạch đi công tác cơ sở năm 2023, mục II.2',
    needsDocument: false,
    yearsAtOffice: null,
    items: [
      { label: 'Cán bộ đang cử đi học tập dài hạn từ 06 tháng trở lên', words: STUDY_WORDS },
      { label: 'Cán bộ nữ đang trong thời gian nghỉ thai sản', words: MATERNITY_WORDS },
      { label: 'Văn thư', words: ['van thu'] },
      { label: 'Kế toán', words: ['ke toan'] },
      { label: 'Cán bộ phụ trách công tác thi đua khen thưởng', words: ['thi dua', 'khen thuong'] },
    ],
  },
  compilingDepartment: 'Ban Tổ chức – Kiểm tra',
  // Seed 001 prints the plan's number as a blank to fill: "Kế hoạch số -KH/TĐTN-TCKT, ngày / /".
  document: { kind: 'Kế hoạch', number: '……-KH/TĐTN-TCKT', date: '' },
  numbering: { 'phoi-hop': '1.1', 'kiem-tra': '1.2', 'chuyen-de': '1.3', 'hoi-nghi': '1.4', 'chi-doan': '1.5' },
  deadlines: [
    { id: 'mau-1', label: 'Nộp bản đăng ký cá nhân (mẫu 1)', kind: 'registration', form: 'mau1', when: { type: 'yearly', monthDay: '02-15', yearOffset: 0 } },
    {
      id: 'mau-2',
      label: 'Gửi bảng tổng hợp đăng ký của ban (mẫu 2)',
      kind: 'registration',
      form: 'mau2',
      when: { type: 'yearly', monthDay: '02-20', yearOffset: 0 },
    },
    // Plan §III.1.2: "Cuối quý, lãnh đạo ban, văn phòng tổng hợp báo cáo kết quả đi cơ sở (theo mẫu 3) … (trước ngày 27 của tháng cuối quý)".
    {
      id: 'mau-3',
      label: 'Gửi báo cáo kết quả đi cơ sở của ban (mẫu 3)',
      kind: 'report',
      form: 'mau3',
      when: { type: 'quarterly', monthOfQuarter: 3, day: 27 },
    },
  ],
};

/** Hà Nam 2022 (seed 000): 60 days, January–December, plans approved before the 5th of each quarter's first month. */
const haNam2022: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '12-31' },
  rounds: {
    count: 0,
    label: 'chuyên đề',
    noun: 'chuyên đề',
    rule: { kinds: ['chuyen-de'], minDays: null, maxDays: null },
    byGroup: {},
    notBackToBack: false,
  },
  levels: ['Huyện', 'Xã', 'Chi đoàn', 'Cơ sở'],
  verdict: 'completion',
  // Seed 000 lists no exemption: its subjects are the cadres "đang trực tiếp làm công tác Đoàn, Hội, Đội".
  exemptions: { source: 'Hướng dẫn 25-HD/TĐTN', needsDocument: true, yearsAtOffice: null, items: [] },
  compilingDepartment: 'Ban Xây dựng Đoàn',
  document: { kind: 'Hướng dẫn', number: '25-HD/TĐTN', date: '2019-03-27' },
  numbering: {},
  deadlines: [
    {
      id: 'ke-hoach-quy',
      // The plan is the registration: it must be made and approved before the quarter's 5th.
      label: 'Kế hoạch đi cơ sở được phê duyệt',
      kind: 'registration',
      // "phải được phê duyệt trước ngày mùng 5 tháng đầu tiên của mỗi quý": the 5th itself is late.
      when: { type: 'quarterly', monthOfQuarter: 1, day: 5 },
      before: true,
    },
    {
      id: 'thu-hoach-quy',
      label: 'Báo cáo thu hoạch đi cơ sở của cán bộ',
      kind: 'report',
      // "cuối mỗi quý cán bộ phải có báo cáo thu hoạch".
      when: { type: 'quarterly', monthOfQuarter: 3, day: 'last' },
    },
  ],
};

// Each preset is parsed through PolicySchema (defaults filled in) by the first call that reads one: lazy.
export const PRESETS: Record<PresetId, PresetInfo> = lazy(() => ({
  'kien-giang-2023': {
    id: 'kien-giang-2023',
    title: 'Kiên Giang 2023 (theo Hướng dẫn 09-HD/TWĐTN-BTC)',
    source: 'Hướng dẫn 06-HD/TĐTN-BTCKT ngày 10/3/2023',
    province: 'Kiên Giang',
    policy: PolicySchema.parse(kienGiang2023),
  },
  'tay-ninh-2023': {
    id: 'tay-ninh-2023',
    title: 'Tây Ninh 2023',
    source: 'Kế hoạch đi công tác cơ sở của cán bộ Đoàn cấp tỉnh năm 2023',
    province: 'Tây Ninh',
    policy: PolicySchema.parse(tayNinh2023),
  },
  'ha-nam-2022': {
    id: 'ha-nam-2022',
    title: 'Hà Nam 2022',
    source: 'Hướng dẫn 25-HD/TĐTN ngày 27/3/2019, áp dụng năm 2022',
    province: 'Hà Nam',
    policy: PolicySchema.parse(haNam2022),
  },
}));

/** Overrides a user may set on top of a preset (the Cài đặt tab and the settings page): a province not in the seeds sets every item. */
export const PolicyOverridesSchema = lazy(() =>
  z.partial(
    z.object({
      minDays: z
        .number()
        .check(z.int(), z.gte(1, { message: 'Số ngày tối thiểu phải từ 1 trở lên.' }), z.lte(366, { message: 'Số ngày tối thiểu không vượt quá 366.' })),
      periodStart: z.string(),
      periodEnd: z.string(),
      roundsCount: z.number().check(z.int(), z.gte(0, { message: 'Số đợt bắt buộc không được âm.' }), z.lte(12, { message: 'Số đợt bắt buộc tối đa là 12.' })),
      roundMinDays: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(366))),
      roundMaxDays: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(366))),
      notBackToBack: z.boolean(),
      proRating: z.boolean(),
      requireChiDoan: z.boolean(),
      requiredLevels: z.array(RequiredLevelSchema),
      levels: z.array(z.string().check(z.trim(), z.minLength(1))).check(z.minLength(1, { message: 'Cần ít nhất một cấp.' })),
      verdict: VerdictKindSchema,
      /** The closed list of exemptions, each as the province's document words it. */
      exemptions: z.array(ExemptionItemSchema),
      exemptionsNeedDocument: z.boolean(),
      yearsAtOffice: z.nullable(z.number().check(z.int(), z.gte(1, { message: 'Số năm công tác phải từ 1 trở lên.' }), z.lte(60))),
      compilingDepartment: z.string().check(z.trim(), z.minLength(1, { message: 'Tên ban tổng hợp không được trống.' }), z.maxLength(80)),
      documentKind: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
      /** The deadlines of one kind, replacing the preset's of that kind. */
      registrationDeadlines: z.array(DeadlineSchema),
      approvalDeadlines: z.array(DeadlineSchema),
      reportDeadlines: z.array(DeadlineSchema),
      summaryDay: DayOfMonthSchema,
    }),
  ),
);
export type PolicyOverrides = z.infer<typeof PolicyOverridesSchema>;

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** The preset with the overrides applied, validated; errors are Vietnamese sentences naming the setting. */
export function resolvePolicy(presetId: PresetId, overrides: PolicyOverrides = {}): PolicyResult {
  const parsedOverrides = PolicyOverridesSchema.safeParse(overrides);
  if (!parsedOverrides.success) return { ok: false, errors: zodMessages(parsedOverrides.error) };
  const o = parsedOverrides.data;
  const base = PRESETS[presetId].policy;
  const candidate: Policy = {
    ...base,
    minDays: o.minDays ?? base.minDays,
    period: { start: o.periodStart ?? base.period.start, end: o.periodEnd ?? base.period.end },
    rounds: {
      ...base.rounds,
      count: o.roundsCount ?? base.rounds.count,
      notBackToBack: o.notBackToBack ?? base.rounds.notBackToBack,
      rule: {
        ...base.rounds.rule,
        minDays: o.roundMinDays !== undefined ? o.roundMinDays : base.rounds.rule.minDays,
        maxDays: o.roundMaxDays !== undefined ? o.roundMaxDays : base.rounds.rule.maxDays,
      },
    },
    proRating: o.proRating ?? base.proRating,
    requireChiDoan: o.requireChiDoan ?? base.requireChiDoan,
    requiredLevels: o.requiredLevels ?? base.requiredLevels,
    levels: o.levels ?? base.levels,
    verdict: o.verdict ?? base.verdict,
    exemptions: {
      ...base.exemptions,
      items: o.exemptions ?? base.exemptions.items,
      needsDocument: o.exemptionsNeedDocument ?? base.exemptions.needsDocument,
      yearsAtOffice: o.yearsAtOffice !== undefined ? o.yearsAtOffice : base.exemptions.yearsAtOffice,
      source: o.exemptions || o.exemptionsNeedDocument !== undefined ? 'tab Cài đặt' : base.exemptions.source,
    },
    compilingDepartment: o.compilingDepartment ?? base.compilingDepartment,
    document: documentOf(base.document, o.documentKind),
    deadlines: [
      ...(o.registrationDeadlines ?? base.deadlines.filter((d) => d.kind === 'registration')),
      ...(o.approvalDeadlines ?? base.deadlines.filter((d) => d.kind === 'approval')),
      ...(o.reportDeadlines ?? base.deadlines.filter((d) => d.kind === 'report')),
    ],
    summaryDay: o.summaryDay ?? base.summaryDay,
  };
  const parsed = PolicySchema.safeParse(candidate);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, errors: zodMessages(parsed.error) };
}

/**
 * The document forms cite: another kind of document is another document, so the preset's number and date (06-HD's
 * "ngày 10/3/2023") are not printed under it; the forms leave them to fill in unless the settings give them.
 */
function documentOf(base: Policy['document'], kind: string | undefined): Policy['document'] {
  if (kind === undefined || kind.trim() === base.kind) return base;
  return { kind, number: '', date: '' };
}

const FIELD_NAMES: Record<string, string> = {
  minDays: 'Số ngày tối thiểu',
  periodStart: 'Ngày bắt đầu kỳ',
  periodEnd: 'Ngày kết thúc kỳ',
  period: 'Kỳ tính',
  roundsCount: 'Số đợt bắt buộc',
  roundMinDays: 'Số ngày tối thiểu của một đợt',
  roundMaxDays: 'Số ngày tối đa của một đợt',
  rounds: 'Đợt bắt buộc',
  levels: 'Danh sách cấp',
  summaryDay: 'Ngày gửi tổng hợp quý',
  requiredLevels: 'Cấp phải đến',
  exemptions: 'Danh sách được miễn',
  yearsAtOffice: 'Số năm công tác được miễn',
  compilingDepartment: 'Ban tổng hợp',
  documentKind: 'Loại văn bản',
  registrationDeadlines: 'Hạn đăng ký',
  approvalDeadlines: 'Hạn phê duyệt',
  reportDeadlines: 'Hạn báo cáo',
  verdict: 'Cách đánh giá cuối năm',
};

export function zodMessages(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const field = FIELD_NAMES[String(issue.path[0] ?? '')];
    return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
  });
}
