import * as z from './zod-vi';
import { PolicySchema, type Policy, type PolicyInput } from './policy';

/**
 * One preset per source document (shared/seeds). Presets are data: change a number here, not in evaluation.
 */

export const PRESET_IDS = ['kien-giang-2023', 'tay-ninh-2023', 'ha-nam-2022'] as const;
export const PresetIdSchema = z.enum(PRESET_IDS, { message: 'Bộ quy định phải là kien-giang-2023, tay-ninh-2023 hoặc ha-nam-2022.' });
export type PresetId = z.infer<typeof PresetIdSchema>;
export const DEFAULT_PRESET: PresetId = 'kien-giang-2023';

export interface PresetInfo {
  id: PresetId;
  title: string;
  source: string;
  province: string;
  policy: Policy;
}

const TWO_LEVEL_PLACES = ['Tỉnh', 'Xã/Phường', 'Chi đoàn', 'Cơ sở'];

/** Kiên Giang 06-HD/TĐTN-BTCKT (2023), following central 09-HD/TWĐTN-BTC. */
const kienGiang2023: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '12-31' },
  rounds: {
    count: 2,
    label: 'chuyên đề',
    rule: { kinds: ['chuyen-de'], minDays: 5, maxDays: 7 },
    byGroup: {},
    notBackToBack: true,
  },
  requireChiDoan: true,
  levels: TWO_LEVEL_PLACES,
  excellentScore: 80,
  quarterlyReportDay: 27,
  numbering: { 'chuyen-de': '3.1', 'phoi-hop': '3.2', 'kiem-tra': '3.3', 'hoi-nghi': '3.4', 'chi-doan': '3.4', 'phong-trao': '3.5' },
  // 06-HD §III.3.4 is one item for two kinds: the chi đoàn meeting is told apart by the row's own words.
  itemLabels: { '3.4': 'Dự sinh hoạt chuyên đề của hội nghị ban chấp hành, ban thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn' },
  deadlines: [
    {
      id: 'dang-ky-dot-1',
      label: 'Gửi đăng ký đi cơ sở đợt 1',
      kind: 'registration',
      form: 'mau2',
      when: { type: 'yearly', monthDay: '12-20', yearOffset: -1 },
      covers: { start: '01-01', end: '06-30' },
      // 06-HD §IV.1: "Riêng năm 2023, hoàn thành việc đăng ký đi cơ sở đợt 1 trong tháng 5/2023."
      byYear: { '2023': '2023-05-31' },
    },
    {
      id: 'dang-ky-dot-2',
      label: 'Gửi đăng ký đi cơ sở đợt 2',
      kind: 'registration',
      form: 'mau2',
      when: { type: 'yearly', monthDay: '06-20', yearOffset: 0 },
      covers: { start: '07-01', end: '12-31' },
    },
    { id: 'bao-cao-dot-1', label: 'Báo cáo kết quả đi cơ sở đợt 1', kind: 'report', form: 'mau3', when: { type: 'yearly', monthDay: '06-30', yearOffset: 0 } },
    { id: 'bao-cao-dot-2', label: 'Báo cáo kết quả đi cơ sở đợt 2', kind: 'report', form: 'mau3', when: { type: 'yearly', monthDay: '12-30', yearOffset: 0 } },
  ],
};

/** Tây Ninh plan for 2023 (seed 001). */
const tayNinh2023: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '10-25' },
  rounds: {
    count: 2,
    label: '“cùng ăn, cùng ở, cùng làm”',
    rule: { kinds: ['chuyen-de', 'phoi-hop', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'phong-trao'], minDays: null, maxDays: null },
    // Plan §II.2.3: Chuyên viên focus on 1.1 and 1.5, "tối thiểu có 02 đợt … mỗi đợt tối thiểu 30 ngày".
    byGroup: { 'chuyen-vien': { kinds: ['phoi-hop', 'chi-doan'], minDays: 30, maxDays: null } },
    notBackToBack: false,
  },
  focusByGroup: {
    'thuong-truc': ['kiem-tra', 'chi-doan'],
    'lanh-dao-ban': ['kiem-tra', 'hoi-nghi', 'chi-doan'],
    'chuyen-vien': ['phoi-hop', 'chi-doan'],
  },
  levels: ['Huyện', 'Xã', 'Chi đoàn', 'Cơ sở'],
  quarterlyReportDay: 27,
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
  ],
};

/** Hà Nam 2022 (seed 000): 60 days, January–December, plans approved before the 5th of each quarter's first month. */
const haNam2022: PolicyInput = {
  minDays: 60,
  period: { start: '01-01', end: '12-31' },
  rounds: {
    count: 0,
    label: 'chuyên đề',
    rule: { kinds: ['chuyen-de'], minDays: null, maxDays: null },
    byGroup: {},
    notBackToBack: false,
  },
  levels: ['Huyện', 'Xã', 'Chi đoàn', 'Cơ sở'],
  quarterlyReportDay: 'last',
  numbering: {},
  deadlines: [
    {
      id: 'ke-hoach-quy',
      label: 'Phê duyệt kế hoạch đi cơ sở của quý',
      kind: 'registration',
      form: 'mau2',
      when: { type: 'quarterly', monthOfQuarter: 1, day: 5 },
    },
  ],
};

export const PRESETS: Record<PresetId, PresetInfo> = {
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
};

/** Overrides a user may set on top of a preset (the settings page's fields). */
export const PolicyOverridesSchema = z.partial(
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
    levels: z.array(z.string().check(z.trim(), z.minLength(1))).check(z.minLength(1, { message: 'Cần ít nhất một cấp.' })),
    quarterlyReportDay: z.union([z.number().check(z.int(), z.gte(1), z.lte(31)), z.literal('last')]),
  }),
);
export type PolicyOverrides = z.infer<typeof PolicyOverridesSchema>;

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** The preset with the overrides applied, validated; errors are Vietnamese sentences naming the setting. */
export function resolvePolicy(presetId: PresetId, overrides: PolicyOverrides = {}): PolicyResult {
  const parsedOverrides = PolicyOverridesSchema.safeParse(overrides);
  if (!parsedOverrides.success) return { ok: false, errors: zodMessages(parsedOverrides.error) };
  const o = parsedOverrides.data;
  const base = PRESETS[presetId].policy;
  const candidate = {
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
    levels: o.levels ?? base.levels,
    quarterlyReportDay: o.quarterlyReportDay ?? base.quarterlyReportDay,
  };
  const parsed = PolicySchema.safeParse(candidate);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, errors: zodMessages(parsed.error) };
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
  quarterlyReportDay: 'Hạn báo cáo quý',
};

export function zodMessages(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const field = FIELD_NAMES[String(issue.path[0] ?? '')];
    return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
  });
}
