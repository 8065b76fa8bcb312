import { formatDayFirst, type CalendarDate } from './calendar-date';
import { parseDateCell } from './date-parse';
import { isEmailAddress, splitEmailList } from './email/address';
import { deadlinesText, readDeadlines } from './deadline-text';
import { itemWords } from './exemptions';
import { PRESET_IDS, PRESETS, type PolicyOverrides, type PresetId, type PresetInfo } from './presets';
import { documentQuarterlyReportDay, summaryDayOf, type ExemptionItem, type Policy, type RequiredLevel } from './policy';
import type { Settings } from './settings';
import { foldKey } from './text';

/**
 * Every setting a person can give, with its Vietnamese key in the Cài đặt tab, how a cell is read and written, and
 * which stored settings it sets, and how the settings page offers it (label, section, input kind, what a blank
 * means). One table: the tab reader, `dicoso init`'s template, the add-on's set-up, the printed policy of `dicoso
 * check` and the settings page (src/ui/settings/main.ts builds its fields from it) all read it.
 */

/** What a field sets, as a patch on Settings (overrides and recipients merged by the caller). */
export interface SettingsPatch {
  province?: string;
  year?: number;
  preset?: PresetId;
  planNumber?: string;
  planDate?: string;
  overrides?: PolicyOverrides;
  btcKt?: string[];
  banLeaders?: Record<string, string>;
  thuongTruc?: string[];
  schedule?: Partial<Settings['schedule']>;
}

export type FieldRead = { ok: true; patch: SettingsPatch; problems?: string[] } | { ok: false; message: string };

export interface SettingField {
  /** The key as `dicoso init` and the set-up write it in column A. */
  key: string;
  /** Other keys people write (folded, without a trailing colon). */
  aliases: readonly string[];
  /** The dotted Settings paths this field sets: the settings page shows these read-only when the tab sets them. */
  paths: readonly string[];
  /** Column C of the template: what to write, and what a blank means. */
  hint: (policy: Policy) => string;
  read: (cell: unknown, timeZone: string) => FieldRead;
  /** The value in effect, as written in the tab ('' when it is the preset's). */
  show: (settings: Settings, policy: Policy) => string;
  /** Its controls on the settings page, in page order within their section; none when the page does not offer it. */
  page?: readonly PageControl[];
  /** For a `tab-text` control: the stored override as the tab writes it ('' when the preset's applies). */
  stored?: (settings: Settings) => string;
}

/** The settings page's sections, in page order. */
export const PAGE_SECTIONS = {
  general: 'Chung',
  rules: 'Quy định riêng',
  calendar: 'Lịch và hạn',
  forms: 'Biểu mẫu',
  mail: 'Người nhận email',
  schedule: 'Gửi tự động',
} as const;
export type PageSection = keyof typeof PAGE_SECTIONS;

/** A preset's values, as the settings page shows what a blank override means (period bounds as dd/mm). */
export interface PresetDefaults {
  province: string;
  verdict: string;
  compilingDepartment: string;
  documentKind: string;
  summaryDay: string;
  /** The preset's texts of the `tab-text` fields, by path: what a blank one means. */
  texts: Record<string, string>;
  minDays: number;
  periodStart: string;
  periodEnd: string;
  roundsCount: number;
  roundLabel: string;
  roundMinDays: number | null;
  roundMaxDays: number | null;
  notBackToBack: boolean;
  proRating: boolean;
  requireChiDoan: boolean;
}

export function presetDefaults(preset: PresetInfo): PresetDefaults {
  const policy = preset.policy;
  return {
    province: preset.province,
    verdict: VERDICT_CHOICES.find((c) => c.value === policy.verdict)!.label,
    compilingDepartment: policy.compilingDepartment,
    documentKind: policy.document.kind,
    summaryDay: summaryDayText(summaryDayOf(policy)),
    texts: Object.fromEntries(
      SETTING_FIELDS.flatMap((f) => (f.page ?? []).filter((c) => c.input.kind === 'tab-text').map((c) => [c.path, f.show(DEFAULT_SHOWN, policy)])),
    ),
    minDays: policy.minDays,
    periodStart: formatMonthDay(policy.period.start),
    periodEnd: formatMonthDay(policy.period.end),
    roundsCount: policy.rounds.count,
    roundLabel: policy.rounds.label,
    roundMinDays: policy.rounds.rule.minDays,
    roundMaxDays: policy.rounds.rule.maxDays,
    notBackToBack: policy.rounds.notBackToBack,
    proRating: policy.proRating,
    requireChiDoan: policy.requireChiDoan,
  };
}

/**
 * How a control is typed. Text kinds read as the tab reads them: `integer` a whole number, `month-day` dd/mm
 * (parseMonthDay), `date` dd/mm/yyyy, `emails` one address a line. `yes-no` offers the preset's value, yes and no.
 */
export type PageInput =
  | { kind: 'text'; maxLength: number; placeholder?: string }
  | { kind: 'integer' | 'month-day' | 'date'; placeholder?: string }
  | { kind: 'preset' }
  | { kind: 'yes-no'; yes: string; no: string; presetYes: string; presetNo: string }
  | { kind: 'choice'; options: readonly { value: string; label: string }[] }
  | { kind: 'emails' }
  /** Several lines written as in the Cài đặt tab, read and shown by the field's own codec (tabText). */
  | { kind: 'tab-text'; placeholder?: string }
  | { kind: 'checkbox' };

export interface PageControl {
  /** The dotted Settings path it edits: also the key of its message in checkSettingsInput's fieldErrors. */
  path: string;
  label: string;
  section: PageSection;
  input: PageInput;
  hint?: string;
  /** What the text says when it cannot be read at all (before the schema's own check). */
  invalid?: string;
  /** The preset's value shown in a blank override (its placeholder, or the "Theo bộ quy định" choice). */
  blank?: keyof PresetDefaults;
  /** A hint that depends on the preset chosen. */
  presetHint?: (defaults: PresetDefaults) => string;
  /** A label that depends on the preset chosen (the compiling department's name). */
  presetLabel?: (defaults: PresetDefaults) => string;
  /** Controls sharing a pair id sit side by side, with the pair's hint below them. */
  pair?: { id: string; hint?: string };
  /** The switches (checkbox paths) this control depends on: it is disabled while any of them is off. */
  requires?: readonly string[];
}

/** The daily schedule's switch: set on the page only (it installs a trigger in the user's account), never in the tab. */
export const SCHEDULE_SWITCH: PageControl = { path: 'schedule.enabled', label: 'Gửi email tự động', section: 'schedule', input: { kind: 'checkbox' } };

// ------------------------------------------------------------------------------------------------ codecs

const text = (cell: unknown): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? '' : String(cell).trim());

function integer(cell: unknown, min: number, max: number, what: string): { ok: true; value: number } | { ok: false; message: string } {
  const raw = typeof cell === 'number' ? String(cell) : foldKey(text(cell)).replace(/\s*ngay\s*$/, '');
  const value = Number(raw);
  const typed = typeof cell === 'number' ? String(cell) : text(cell);
  if (!/^\d+(\.0+)?$/.test(raw) || !Number.isInteger(value)) return { ok: false, message: `${what} “${typed}” phải là số nguyên.` };
  if (value < min || value > max) return { ok: false, message: `${what} “${typed}” phải từ ${min} đến ${max}.` };
  return { ok: true, value };
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'bat', 'dung', 'ap dung']);
const NO = new Set(['khong', 'no', 'false', '0', 'tat', 'sai', 'khong ap dung']);

function yesNo(cell: unknown): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const key = foldKey(text(cell)).replace(/[.!]+$/, '');
  return YES.has(key) ? true : NO.has(key) ? false : null;
}

const yesNoText = (value: boolean): string => (value ? 'Có' : 'Không');

/** "25/10", "25-10", "25.10" → "10-25" (the policy's MM-DD); null when not a day of the year. */
export function parseMonthDay(textValue: string): string | null {
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(textValue.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > lengths[month - 1]!) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "10-25" → "25/10". */
export function formatMonthDay(monthDay: string): string {
  return `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}`;
}

/** "01/01 - 25/10", "từ 01/01 đến 25/10", "01/01–25/10"; a year written on either side ("01/01/2023 - 31/12/2023") is dropped. */
function monthDayRange(cell: unknown): { start: string; end: string } | null {
  const folded = foldKey(text(cell)).replace(/^tu\s*(ngay\s*)?/, '');
  const side = String.raw`(\d{1,2}\s*[/.]\s*\d{1,2})(?:\s*[/.]\s*\d{4})?`;
  const m = new RegExp(String.raw`^${side}\s*(?:-|–|—|den|toi)\s*(?:ngay\s*)?${side}$`).exec(folded);
  if (!m) return null;
  const start = parseMonthDay(m[1]!.replace(/\s/g, ''));
  const end = parseMonthDay(m[2]!.replace(/\s/g, ''));
  return start && end ? { start, end } : null;
}

function list(cell: unknown): string[] {
  return text(cell)
    .split(/[;\n]+|,(?=\s)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function emails(cell: unknown, what: string, list: 'btcKt' | 'thuongTruc'): FieldRead {
  const all = splitEmailList(text(cell));
  const good = all.filter(isEmailAddress);
  const bad = all.filter((a) => !isEmailAddress(a));
  // One mistyped address drops only itself: the others still receive the summaries.
  return { ok: true, patch: { [list]: good }, problems: bad.map((a) => `${what} “${a}” không hợp lệ; đã bỏ qua địa chỉ này.`) };
}

const fail = (message: string): FieldRead => ({ ok: false, message });

const DEADLINE_HINT =
  'Mỗi hạn một dòng (hoặc cách nhau bởi dấu chấm phẩy): “15/02”, “trước ngày 15/02”, “20/12 năm trước (01/01 - 30/06)”, “ngày 5 tháng đầu quý”, “ngày 27 tháng cuối quý”, “cuối quý”; “Không” = không có hạn.';

export const VERDICT_CHOICES = [
  { value: 'rating', label: 'Xếp loại: Không đạt / Đạt / Xuất sắc' },
  { value: 'completion', label: 'Hoàn thành / Chưa hoàn thành' },
] as const;

/** What `show` needs of the stored settings when only the policy's values are shown. */
const DEFAULT_SHOWN = null as unknown as Settings;

function summaryDayText(day: number | 'last'): string {
  return day === 'last' ? 'cuối quý' : String(day);
}

function requiredLevelsText(levels: readonly RequiredLevel[]): string {
  return levels.map((r) => r.levels.join(' hoặc ')).join('; ');
}

function exemptionsText(items: readonly ExemptionItem[], needsDocument: boolean): string {
  if (needsDocument && items.length === 0) return 'Theo văn bản';
  return items.map((i) => i.label).join('; ');
}

function deadlinesField(cell: unknown, kind: 'registration' | 'approval' | 'report', what: string): FieldRead {
  if (/^khong( co)?$/.test(foldKey(text(cell)))) return { ok: true, patch: { overrides: { [`${kind}Deadlines`]: [] } } };
  const read = readDeadlines(text(cell), kind);
  if (!read.ok) return fail(`${what}: không đọc được “${read.item}”. ${DEADLINE_HINT}`);
  return read.deadlines.length ? { ok: true, patch: { overrides: { [`${kind}Deadlines`]: read.deadlines } } } : fail(`${what} trống.`);
}

// ------------------------------------------------------------------------------------------------ the table

const MONTH_DAY_INVALID = 'Nhập ngày/tháng, ví dụ 31/12.';
const PERIOD_PAIR = { id: 'period', hint: 'Ngày/tháng, ví dụ 31/12.' };
const ROUND_PAIR = { id: 'round-days' };

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'Tỉnh',
    aliases: ['ten tinh', 'tinh thanh'],
    paths: ['province'],
    hint: () => 'Tên tỉnh ghi trên biểu mẫu; để trống: theo bộ quy định.',
    read: (cell) => ({ ok: true, patch: { province: text(cell) } }),
    show: (s) => s.province,
    page: [{ path: 'province', label: 'Tên tỉnh (trên biểu mẫu)', section: 'general', input: { kind: 'text', maxLength: 60 }, blank: 'province' }],
  },
  {
    key: 'Năm',
    aliases: ['nam theo doi', 'nam ke hoach'],
    paths: ['year'],
    hint: () => 'Năm theo dõi, ví dụ 2024.',
    read: (cell) => {
      const n = integer(cell, 2000, 2100, 'Năm');
      return n.ok ? { ok: true, patch: { year: n.value } } : fail(n.message);
    },
    show: (s) => String(s.year),
    page: [{ path: 'year', label: 'Năm theo dõi', section: 'general', input: { kind: 'integer' }, invalid: 'Nhập năm bằng số, ví dụ 2024.' }],
  },
  {
    key: 'Bộ quy định',
    aliases: ['quy dinh', 'preset', 'bo quy dinh ap dung'],
    paths: ['preset'],
    hint: () => `Một trong: ${PRESET_IDS.join(', ')} (hoặc tên tỉnh: Kiên Giang, Tây Ninh, Hà Nam).`,
    read: (cell) => {
      const value = foldKey(text(cell));
      const id = PRESET_IDS.find((p) => p === value) ?? Object.values(PRESETS).find((p) => foldKey(p.province) === value || foldKey(p.title) === value)?.id;
      return id ? { ok: true, patch: { preset: id } } : fail(`Bộ quy định “${text(cell)}” không có. Chọn: ${PRESET_IDS.join(', ')}.`);
    },
    show: (s) => s.preset,
    page: [{ path: 'preset', label: 'Bộ quy định', section: 'general', input: { kind: 'preset' } }],
  },
  {
    key: 'Kế hoạch số',
    aliases: ['so ke hoach', 'ke hoach'],
    paths: ['planNumber'],
    hint: () => 'Số kế hoạch ghi dưới tên biểu mẫu, ví dụ 12-KH/TĐTN-TCKT.',
    read: (cell) => ({ ok: true, patch: { planNumber: text(cell) } }),
    show: (s) => s.planNumber,
    page: [{ path: 'planNumber', label: 'Kế hoạch số', section: 'forms', input: { kind: 'text', maxLength: 60, placeholder: 'VD: 06-HD/TĐTN-BTCKT' } }],
  },
  {
    key: 'Ngày kế hoạch',
    aliases: ['ngay ban hanh ke hoach'],
    paths: ['planDate'],
    hint: () => 'Ngày/tháng/năm của kế hoạch.',
    read: (cell, timeZone) => {
      const d = parseDateCell(cell, { timeZone });
      return d.ok ? { ok: true, patch: { planDate: d.date } } : fail(`Ngày kế hoạch “${text(cell)}” không hợp lệ (nhập ngày/tháng/năm).`);
    },
    show: (s) => (s.planDate ? formatDayFirst(s.planDate as CalendarDate) : ''),
    page: [
      {
        path: 'planDate',
        label: 'Ngày kế hoạch',
        section: 'forms',
        input: { kind: 'date', placeholder: 'dd/mm/yyyy' },
        invalid: 'Ngày kế hoạch không hợp lệ: nhập ngày/tháng/năm, ví dụ 10/03/2023.',
      },
    ],
  },
  {
    key: 'Số ngày tối thiểu',
    aliases: ['so ngay', 'so ngay toi thieu trong nam'],
    paths: ['overrides.minDays'],
    hint: (p) => `Để trống: theo bộ quy định (${p.minDays} ngày).`,
    read: (cell) => {
      const n = integer(cell, 1, 366, 'Số ngày tối thiểu');
      return n.ok ? { ok: true, patch: { overrides: { minDays: n.value } } } : fail(n.message);
    },
    show: (_s, p) => String(p.minDays),
    page: [
      {
        path: 'overrides.minDays',
        label: 'Số ngày tối thiểu',
        section: 'rules',
        input: { kind: 'integer' },
        invalid: 'Nhập một số nguyên, ví dụ 60.',
        blank: 'minDays',
      },
    ],
  },
  {
    key: 'Kỳ tính',
    aliases: ['ky tinh ngay', 'thoi gian tinh', 'thoi gian ap dung'],
    paths: ['overrides.periodStart', 'overrides.periodEnd'],
    hint: (p) => `Từ ngày/tháng đến ngày/tháng, ví dụ 01/01 - 25/10. Để trống: ${formatMonthDay(p.period.start)} - ${formatMonthDay(p.period.end)}.`,
    read: (cell) => {
      const range = monthDayRange(cell);
      if (!range) return fail(`Kỳ tính “${text(cell)}” không đọc được: ghi ví dụ 01/01 - 25/10.`);
      return { ok: true, patch: { overrides: { periodStart: range.start, periodEnd: range.end } } };
    },
    show: (_s, p) => `${formatMonthDay(p.period.start)} - ${formatMonthDay(p.period.end)}`,
    page: [
      {
        path: 'overrides.periodStart',
        label: 'Kỳ tính từ ngày',
        section: 'rules',
        input: { kind: 'month-day' },
        invalid: MONTH_DAY_INVALID,
        blank: 'periodStart',
        pair: PERIOD_PAIR,
      },
      {
        path: 'overrides.periodEnd',
        label: 'đến ngày',
        section: 'rules',
        input: { kind: 'month-day' },
        invalid: MONTH_DAY_INVALID,
        blank: 'periodEnd',
        pair: PERIOD_PAIR,
      },
    ],
  },
  {
    key: 'Số đợt bắt buộc',
    aliases: ['so dot chuyen de', 'so dot', 'so dot toi thieu'],
    paths: ['overrides.roundsCount'],
    hint: (p) => `Số đợt ${p.rounds.label} tối thiểu; 0 = không yêu cầu. Để trống: ${p.rounds.count}.`,
    read: (cell) => {
      const n = integer(cell, 0, 12, 'Số đợt bắt buộc');
      return n.ok ? { ok: true, patch: { overrides: { roundsCount: n.value } } } : fail(n.message);
    },
    show: (_s, p) => String(p.rounds.count),
    page: [
      {
        path: 'overrides.roundsCount',
        label: 'Số đợt bắt buộc',
        section: 'rules',
        input: { kind: 'integer' },
        invalid: 'Nhập một số nguyên, ví dụ 2.',
        blank: 'roundsCount',
        presetHint: (d) => `Đợt ${d.roundLabel}.`,
      },
    ],
  },
  {
    key: 'Số ngày tối thiểu của một đợt',
    aliases: ['so ngay toi thieu moi dot', 'ngay dot toi thieu'],
    paths: ['overrides.roundMinDays'],
    hint: (p) => `"Không" = không giới hạn. Để trống: ${p.rounds.rule.minDays ?? 'không giới hạn'}.`,
    read: (cell) => roundBound(cell, 'roundMinDays', 'Số ngày tối thiểu của một đợt'),
    show: (_s, p) => (p.rounds.rule.minDays === null ? 'Không' : String(p.rounds.rule.minDays)),
    page: [
      {
        path: 'overrides.roundMinDays',
        label: 'Ngày/đợt tối thiểu',
        section: 'rules',
        input: { kind: 'integer' },
        invalid: 'Nhập một số nguyên, ví dụ 5.',
        blank: 'roundMinDays',
        pair: ROUND_PAIR,
      },
    ],
  },
  {
    key: 'Số ngày tối đa của một đợt',
    aliases: ['so ngay toi da moi dot', 'ngay dot toi da'],
    paths: ['overrides.roundMaxDays'],
    hint: (p) => `"Không" = không giới hạn. Để trống: ${p.rounds.rule.maxDays ?? 'không giới hạn'}.`,
    read: (cell) => roundBound(cell, 'roundMaxDays', 'Số ngày tối đa của một đợt'),
    show: (_s, p) => (p.rounds.rule.maxDays === null ? 'Không' : String(p.rounds.rule.maxDays)),
    page: [
      {
        path: 'overrides.roundMaxDays',
        label: 'Ngày/đợt tối đa',
        section: 'rules',
        input: { kind: 'integer' },
        invalid: 'Nhập một số nguyên, ví dụ 7.',
        blank: 'roundMaxDays',
        pair: ROUND_PAIR,
      },
    ],
  },
  {
    key: 'Không liên tiếp',
    aliases: ['hai dot khong lien tiep', 'dot khong lien tiep', 'khong thuc hien 2 dot lien tiep'],
    paths: ['overrides.notBackToBack'],
    hint: (p) => `Có: hai đợt liền nhau chỉ tính một đợt. Để trống: ${yesNoText(p.rounds.notBackToBack)}.`,
    read: (cell) => yesNoField(cell, 'Không liên tiếp', (v) => ({ notBackToBack: v })),
    show: (_s, p) => yesNoText(p.rounds.notBackToBack),
    page: [
      {
        path: 'overrides.notBackToBack',
        label: 'Hai đợt liền nhau',
        section: 'rules',
        input: { kind: 'yes-no', yes: 'Chỉ tính một đợt', no: 'Tính riêng từng đợt', presetYes: 'chỉ tính một đợt', presetNo: 'tính riêng từng đợt' },
        blank: 'notBackToBack',
      },
    ],
  },
  {
    key: 'Tính theo tỷ lệ',
    aliases: ['tinh theo ty le thoi gian', 'ty le', 'tinh theo thoi gian ap dung'],
    paths: ['overrides.proRating'],
    hint: (p) => `Có: cán bộ vào giữa kỳ hoặc miễn một thời gian thì yêu cầu giảm theo tỷ lệ. Để trống: ${yesNoText(p.proRating)}.`,
    read: (cell) => yesNoField(cell, 'Tính theo tỷ lệ', (v) => ({ proRating: v })),
    show: (_s, p) => yesNoText(p.proRating),
    page: [
      {
        path: 'overrides.proRating',
        label: 'Tính theo thời gian áp dụng',
        section: 'rules',
        input: { kind: 'yes-no', yes: 'Có: giảm theo tỷ lệ', no: 'Không', presetYes: 'có', presetNo: 'không' },
        blank: 'proRating',
      },
    ],
  },
  {
    key: 'Yêu cầu dự sinh hoạt chi đoàn',
    aliases: ['sinh hoat chi doan', 'phai du sinh hoat chi doan', 'du sinh hoat chi doan'],
    paths: ['overrides.requireChiDoan'],
    hint: (p) => `Có: trong năm phải có đợt dự sinh hoạt chi đoàn (thiếu là chưa đủ yêu cầu). Để trống: ${yesNoText(p.requireChiDoan)}.`,
    read: (cell) => yesNoField(cell, 'Yêu cầu dự sinh hoạt chi đoàn', (v) => ({ requireChiDoan: v })),
    show: (_s, p) => yesNoText(p.requireChiDoan),
    page: [
      {
        path: 'overrides.requireChiDoan',
        label: 'Phải có dự sinh hoạt chi đoàn',
        section: 'rules',
        input: { kind: 'yes-no', yes: 'Có: bắt buộc', no: 'Không bắt buộc', presetYes: 'bắt buộc', presetNo: 'không bắt buộc' },
        blank: 'requireChiDoan',
      },
    ],
  },
  {
    key: 'Danh sách cấp',
    aliases: ['cap', 'cac cap', 'danh sach cap co so'],
    paths: ['overrides.levels'],
    hint: (p) => `Các cấp cách nhau bởi dấu chấm phẩy. Để trống: ${p.levels.join('; ')}.`,
    read: (cell) => {
      const levels = list(cell);
      return levels.length ? { ok: true, patch: { overrides: { levels } } } : fail('Danh sách cấp trống.');
    },
    show: (_s, p) => p.levels.join('; '),
    stored: (s) => s.overrides.levels?.join('; ') ?? '',
    page: [
      { path: 'overrides.levels', label: 'Danh sách cấp (cột Cấp)', section: 'rules', input: { kind: 'tab-text', placeholder: 'Huyện; Cơ sở; Chi đoàn' } },
    ],
  },
  {
    key: 'Cấp phải đến',
    aliases: ['cap bat buoc', 'cac cap phai den', 'dia ban bat buoc'],
    paths: ['overrides.requiredLevels'],
    hint: (p) =>
      `Các cấp mà các đợt trong năm phải đến, cách nhau bởi dấu chấm phẩy; “hoặc” giữa các cấp cùng tính (Cơ sở hoặc Chi đoàn); “Không” = không yêu cầu. Để trống: ${requiredLevelsText(p.requiredLevels) || 'không yêu cầu'}.`,
    read: (cell) => {
      if (/^khong( yeu cau)?$/.test(foldKey(text(cell)))) return { ok: true, patch: { overrides: { requiredLevels: [] } } };
      const levels = list(cell).map((item) => {
        const names = item
          .split(/\s+hoặc\s+|\s+hoac\s+|\//i)
          .map((n) => n.trim())
          .filter(Boolean);
        return { label: `cấp ${names[0]!.toLocaleLowerCase('vi')}`, levels: names };
      });
      return levels.length ? { ok: true, patch: { overrides: { requiredLevels: levels } } } : fail('Cấp phải đến trống.');
    },
    show: (_s, p) => requiredLevelsText(p.requiredLevels),
    stored: (s) => (s.overrides.requiredLevels ? requiredLevelsText(s.overrides.requiredLevels) || 'Không' : ''),
    page: [
      {
        path: 'overrides.requiredLevels',
        label: 'Cấp các đợt phải đến',
        section: 'rules',
        input: { kind: 'tab-text', placeholder: 'Huyện; Cơ sở hoặc Chi đoàn' },
      },
    ],
  },
  {
    key: 'Cách đánh giá cuối năm',
    aliases: ['cach danh gia', 'danh gia cuoi nam', 'ket qua cuoi nam', 'xep loai'],
    paths: ['overrides.verdict'],
    hint: (p) =>
      `“Xếp loại” (Không đạt/Đạt/Xuất sắc) hoặc “Hoàn thành” (Hoàn thành/Chưa hoàn thành). Để trống: ${VERDICT_CHOICES.find((c) => c.value === p.verdict)!.label}.`,
    read: (cell) => {
      const folded = foldKey(text(cell));
      if (/^xep loai|dat|xuat sac/.test(folded)) return { ok: true, patch: { overrides: { verdict: 'rating' } } };
      if (/hoan thanh/.test(folded)) return { ok: true, patch: { overrides: { verdict: 'completion' } } };
      return fail(`Cách đánh giá “${text(cell)}” không có: ghi “Xếp loại” hoặc “Hoàn thành”.`);
    },
    show: (_s, p) => VERDICT_CHOICES.find((c) => c.value === p.verdict)!.label,
    page: [{ path: 'overrides.verdict', label: 'Đánh giá cuối năm', section: 'rules', input: { kind: 'choice', options: VERDICT_CHOICES }, blank: 'verdict' }],
  },
  {
    key: 'Danh sách được miễn',
    aliases: ['doi tuong duoc mien', 'truong hop duoc mien', 'duoc mien', 'danh sach mien'],
    paths: ['overrides.exemptions', 'overrides.exemptionsNeedDocument'],
    hint: (p) =>
      `Các trường hợp văn bản cho miễn, cách nhau bởi dấu chấm phẩy; hoặc “Theo văn bản” khi chỉ miễn người có văn bản cho phép. Để trống: ${exemptionsText(p.exemptions.items, p.exemptions.needsDocument)}.`,
    read: (cell) => {
      const items = list(cell);
      if (items.length === 0) return fail('Danh sách được miễn trống.');
      if (items.length === 1 && /^(theo |co )?van ban/.test(foldKey(items[0]!)))
        return { ok: true, patch: { overrides: { exemptions: [], exemptionsNeedDocument: true } } };
      return { ok: true, patch: { overrides: { exemptions: items.map((label) => ({ label, words: itemWords(label) })), exemptionsNeedDocument: false } } };
    },
    show: (_s, p) => exemptionsText(p.exemptions.items, p.exemptions.needsDocument),
    stored: (s) => (s.overrides.exemptions ? exemptionsText(s.overrides.exemptions, s.overrides.exemptionsNeedDocument ?? false) : ''),
    page: [
      {
        path: 'overrides.exemptions',
        label: 'Các trường hợp được miễn',
        section: 'rules',
        input: { kind: 'tab-text', placeholder: 'Kế toán; Văn thư; Nghỉ thai sản' },
      },
    ],
  },
  {
    key: 'Số năm công tác được miễn',
    aliases: ['so nam cong tac', 'mien tu so nam cong tac'],
    paths: ['overrides.yearsAtOffice'],
    hint: (p) =>
      `Cán bộ công tác tại cơ quan từ số năm này trở lên được miễn (tính từ Ngày bắt đầu); “Không” = không miễn. Để trống: ${p.exemptions.yearsAtOffice ?? 'không'}.`,
    read: (cell) => {
      if (/^khong$/.test(foldKey(text(cell)))) return { ok: true, patch: { overrides: { yearsAtOffice: null } } };
      const n = integer(cell, 1, 60, 'Số năm công tác được miễn');
      return n.ok ? { ok: true, patch: { overrides: { yearsAtOffice: n.value } } } : fail(`${n.message} Hoặc ghi “Không”.`);
    },
    show: (_s, p) => (p.exemptions.yearsAtOffice === null ? 'Không' : String(p.exemptions.yearsAtOffice)),
  },
  {
    key: 'Hạn đăng ký',
    aliases: ['han gui dang ky', 'thoi han dang ky'],
    paths: ['overrides.registrationDeadlines'],
    hint: (p) => `${DEADLINE_HINT} Để trống: ${deadlinesText(p.deadlines, 'registration') || 'không có'}.`,
    read: (cell) => deadlinesField(cell, 'registration', 'Hạn đăng ký'),
    show: (_s, p) => deadlinesText(p.deadlines, 'registration'),
    stored: (s) => (s.overrides.registrationDeadlines ? deadlinesText(s.overrides.registrationDeadlines, 'registration') || 'Không' : ''),
    page: [
      {
        path: 'overrides.registrationDeadlines',
        label: 'Hạn đăng ký',
        section: 'calendar',
        input: { kind: 'tab-text', placeholder: '15/02' },
        hint: DEADLINE_HINT,
      },
    ],
  },
  {
    key: 'Hạn phê duyệt',
    aliases: ['han phe duyet dang ky', 'thoi han phe duyet'],
    paths: ['overrides.approvalDeadlines'],
    hint: (p) => `${DEADLINE_HINT} Để trống: ${deadlinesText(p.deadlines, 'approval') || 'không có'}.`,
    read: (cell) => deadlinesField(cell, 'approval', 'Hạn phê duyệt'),
    show: (_s, p) => deadlinesText(p.deadlines, 'approval'),
    stored: (s) => (s.overrides.approvalDeadlines ? deadlinesText(s.overrides.approvalDeadlines, 'approval') || 'Không' : ''),
    page: [{ path: 'overrides.approvalDeadlines', label: 'Hạn phê duyệt', section: 'calendar', input: { kind: 'tab-text', placeholder: '30/06' } }],
  },
  {
    key: 'Hạn báo cáo',
    aliases: ['han bao cao ket qua', 'thoi han bao cao'],
    paths: ['overrides.reportDeadlines'],
    hint: (p) => `${DEADLINE_HINT} Để trống: ${deadlinesText(p.deadlines, 'report') || 'không có'}.`,
    read: (cell) => deadlinesField(cell, 'report', 'Hạn báo cáo'),
    show: (_s, p) => deadlinesText(p.deadlines, 'report'),
    stored: (s) => (s.overrides.reportDeadlines ? deadlinesText(s.overrides.reportDeadlines, 'report') || 'Không' : ''),
    page: [
      {
        path: 'overrides.reportDeadlines',
        label: 'Hạn báo cáo kết quả',
        section: 'calendar',
        input: { kind: 'tab-text', placeholder: 'ngày 27 tháng cuối quý' },
      },
    ],
  },
  {
    key: 'Ngày gửi tổng hợp quý',
    aliases: ['han bao cao quy', 'han mau 3', 'ngay bao cao quy', 'ngay gui bao cao quy', 'ngay gui tong hop'],
    paths: ['overrides.summaryDay'],
    hint: (p) =>
      `Ngày của tháng cuối quý (1–31) hoặc “cuối quý” mà thư tổng hợp quý được gửi. Để trống: ${summaryDayText(summaryDayOf(p))}${documentQuarterlyReportDay(p) === null ? '' : ' (hạn báo cáo quý của văn bản)'}.`,
    read: (cell) => {
      if (/^cuoi (quy|thang)$/.test(foldKey(text(cell)))) return { ok: true, patch: { overrides: { summaryDay: 'last' } } };
      const n = integer(cell, 1, 31, 'Ngày gửi tổng hợp quý');
      return n.ok ? { ok: true, patch: { overrides: { summaryDay: n.value } } } : fail(`${n.message} Hoặc ghi “cuối quý”.`);
    },
    show: (_s, p) => summaryDayText(summaryDayOf(p)),
    page: [
      {
        path: 'overrides.summaryDay',
        label: 'Ngày gửi thư tổng hợp quý',
        section: 'calendar',
        input: { kind: 'integer' },
        invalid: 'Nhập một ngày từ 1 đến 31.',
        blank: 'summaryDay',
        hint: 'Ngày của tháng cuối quý.',
      },
    ],
  },
  {
    key: 'Ban tổng hợp',
    aliases: ['ban tong hop danh sach', 'don vi tong hop', 'ban theo doi'],
    paths: ['overrides.compilingDepartment'],
    hint: (p) => `Ban nhận danh sách đăng ký và báo cáo của các ban. Để trống: ${p.compilingDepartment}.`,
    read: (cell) => (text(cell) ? { ok: true, patch: { overrides: { compilingDepartment: text(cell) } } } : fail('Ban tổng hợp trống.')),
    show: (_s, p) => p.compilingDepartment,
    page: [
      { path: 'overrides.compilingDepartment', label: 'Ban tổng hợp', section: 'forms', input: { kind: 'text', maxLength: 80 }, blank: 'compilingDepartment' },
    ],
  },
  {
    key: 'Loại văn bản',
    aliases: ['loai van ban ap dung', 'van ban'],
    paths: ['overrides.documentKind'],
    hint: (p) => `Hướng dẫn hoặc Kế hoạch: “(Kèm theo … số …)” trên biểu mẫu. Để trống: ${p.document.kind}.`,
    read: (cell) => (text(cell) ? { ok: true, patch: { overrides: { documentKind: text(cell) } } } : fail('Loại văn bản trống.')),
    show: (_s, p) => p.document.kind,
    page: [{ path: 'overrides.documentKind', label: 'Loại văn bản', section: 'forms', input: { kind: 'text', maxLength: 40 }, blank: 'documentKind' }],
  },
  {
    key: 'Email BTC-KT',
    aliases: ['email ban to chuc - kiem tra', 'email ban to chuc kiem tra', 'email btckt', 'email ban tong hop', 'email ban xay dung doan'],
    paths: ['recipients.btcKt'],
    hint: (p) => `Các địa chỉ của ${p.compilingDepartment} nhận bản tổng hợp toàn tỉnh, cách nhau bởi dấu phẩy.`,
    read: (cell) => emails(cell, 'Email BTC-KT', 'btcKt'),
    show: (s) => s.recipients.btcKt.join(', '),
    page: [
      {
        path: 'recipients.btcKt',
        label: 'Email ban tổng hợp',
        presetLabel: (d) => `Email ${d.compilingDepartment}`,
        section: 'mail',
        input: { kind: 'emails' },
        hint: 'Mỗi dòng một địa chỉ; nhận bản tổng hợp toàn tỉnh.',
        presetHint: (d) => `Mỗi dòng một địa chỉ của ${d.compilingDepartment}; nhận bản tổng hợp toàn tỉnh. Để trống thì không có thư tổng hợp toàn tỉnh.`,
      },
    ],
  },
  {
    key: 'Email Thường trực',
    aliases: ['email thuong truc tinh doan', 'email bi thu', 'email lanh dao tinh doan', 'email nguoi phe duyet'],
    paths: ['recipients.thuongTruc'],
    hint: () => 'Các địa chỉ của Thường trực Tỉnh đoàn (Bí thư, Phó Bí thư), cách nhau bởi dấu phẩy: người phê duyệt danh sách tổng hợp ở trang Duyệt đăng ký.',
    read: (cell) => emails(cell, 'Email Thường trực', 'thuongTruc'),
    show: (s) => s.recipients.thuongTruc.join(', '),
    page: [
      {
        path: 'recipients.thuongTruc',
        label: 'Email Thường trực Tỉnh đoàn',
        section: 'mail',
        input: { kind: 'emails' },
        hint: 'Mỗi dòng một địa chỉ; người phê duyệt danh sách đăng ký tổng hợp (trang Duyệt đăng ký) và nhận nhắc hạn phê duyệt.',
      },
    ],
  },
  {
    key: 'Gửi báo cáo quý',
    aliases: ['gui tong hop quy', 'gui ban tong hop moi quy'],
    paths: ['schedule.quarterlySummary'],
    hint: () => 'Có/Không: khi lịch gửi email đang bật (bật ở trang Cài đặt của tiện ích).',
    read: (cell) => scheduleFlag(cell, 'Gửi báo cáo quý', (v) => ({ quarterlySummary: v })),
    show: (s) => yesNoText(s.schedule.quarterlySummary),
    page: [
      {
        path: 'schedule.quarterlySummary',
        label: 'Gửi bản tổng hợp mỗi quý',
        section: 'schedule',
        input: { kind: 'checkbox' },
        requires: ['schedule.enabled'],
      },
    ],
  },
  {
    key: 'Gửi nhắc hạn',
    aliases: ['nhac han', 'nhac han dang ky va bao cao'],
    paths: ['schedule.reminders'],
    hint: () => 'Có/Không: nhắc hạn đăng ký và báo cáo khi lịch gửi email đang bật.',
    read: (cell) => scheduleFlag(cell, 'Gửi nhắc hạn', (v) => ({ reminders: v })),
    show: (s) => yesNoText(s.schedule.reminders),
    page: [
      { path: 'schedule.reminders', label: 'Nhắc hạn đăng ký và báo cáo', section: 'schedule', input: { kind: 'checkbox' }, requires: ['schedule.enabled'] },
    ],
  },
  {
    key: 'Nhắc trước hạn (ngày)',
    aliases: ['nhac truoc', 'nhac truoc han', 'so ngay nhac truoc'],
    paths: ['schedule.reminderDaysBefore'],
    hint: () => 'Số ngày nhắc trước hạn (1–60).',
    read: (cell) => {
      const n = integer(cell, 1, 60, 'Nhắc trước hạn');
      return n.ok ? { ok: true, patch: { schedule: { reminderDaysBefore: n.value } } } : fail(n.message);
    },
    show: (s) => String(s.schedule.reminderDaysBefore),
    page: [
      {
        path: 'schedule.reminderDaysBefore',
        label: 'Nhắc trước hạn (ngày)',
        section: 'schedule',
        input: { kind: 'integer' },
        invalid: 'Nhập một số nguyên, ví dụ 7.',
        requires: ['schedule.enabled', 'schedule.reminders'],
      },
    ],
  },
];

/** "Email lãnh đạo <Ban>": the leader's address of one Ban, when the roster's is not the one to use. */
export const BAN_LEADER_KEY_PREFIX = 'Email lãnh đạo ';

function roundBound(cell: unknown, key: 'roundMinDays' | 'roundMaxDays', what: string): FieldRead {
  if (/^(khong|khong gioi han|0)$/.test(foldKey(text(cell)))) return { ok: true, patch: { overrides: { [key]: null } } };
  const n = integer(cell, 1, 366, what);
  return n.ok ? { ok: true, patch: { overrides: { [key]: n.value } } } : fail(`${n.message} Hoặc ghi “Không”.`);
}

function yesNoField(cell: unknown, what: string, patch: (value: boolean) => PolicyOverrides): FieldRead {
  const value = yesNo(cell);
  return value === null ? fail(`${what}: ghi “Có” hoặc “Không” (đang ghi “${text(cell)}”).`) : { ok: true, patch: { overrides: patch(value) } };
}

function scheduleFlag(cell: unknown, what: string, patch: (value: boolean) => Partial<Settings['schedule']>): FieldRead {
  const value = yesNo(cell);
  return value === null ? fail(`${what}: ghi “Có” hoặc “Không” (đang ghi “${text(cell)}”).`) : { ok: true, patch: { schedule: patch(value) } };
}

let byKey: ReadonlyMap<string, SettingField> | undefined;
/** Built on first use (Code.js's top level builds nothing a call may not need: src/core/lazy.ts). */
function fieldByKey(): ReadonlyMap<string, SettingField> {
  if (byKey) return byKey;
  const map = new Map<string, SettingField>();
  for (const field of SETTING_FIELDS) for (const key of [field.key, ...field.aliases]) map.set(foldKey(key), field);
  return (byKey = map);
}

/** The field a column-A key names, or null. Keys are read without case, accents, a trailing colon or "(…)". */
export function settingFieldOf(key: string): SettingField | null {
  const folded = foldKey(key).replace(/\s*[:：]\s*$/, '');
  return fieldByKey().get(folded) ?? fieldByKey().get(folded.replace(/\s*\(.*\)\s*$/, '')) ?? null;
}

/** The Ban named by an "Email lãnh đạo <Ban>" key, or null. */
export function banLeaderKeyOf(key: string): string | null {
  const folded = foldKey(key);
  const prefix = foldKey(BAN_LEADER_KEY_PREFIX);
  if (!folded.startsWith(prefix)) return null;
  const ban = key
    .trim()
    .slice(BAN_LEADER_KEY_PREFIX.length)
    .replace(/\s*[:：]\s*$/, '')
    .trim();
  return ban === '' ? null : ban;
}

/** Where a setting in effect came from: a row of the Cài đặt tab, or the stored settings. */
export interface SettingSource {
  row: number;
  key: string;
}

/**
 * The policy in effect, as lines a person reads (`dicoso check` prints them): the preset, then every setting that
 * differs from the preset, with the preset's value and where the change came from.
 */
export function describePolicy(settings: Settings, policy: Policy, fromTab: readonly SettingSource[], tab = 'Cài đặt'): string[] {
  const preset = PRESETS[settings.preset];
  const lines = [`Bộ quy định: ${preset.title} (${preset.source}).`];
  for (const field of SETTING_FIELDS) {
    if (!field.paths.some((p) => p.startsWith('overrides.'))) continue;
    const now = field.show(settings, policy);
    const before = field.show(settings, preset.policy);
    if (now === before) continue;
    const row = fromTab.find((r) => r.key === field.key);
    const where = row ? `tab “${tab}”, dòng ${row.row}` : 'cài đặt đã lưu';
    lines.push(`${field.key}: ${now} (bộ quy định: ${before}; theo ${where}).`);
  }
  return lines;
}
