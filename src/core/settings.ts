import { isCalendarDate, type CalendarDate } from './calendar-date';
import { parseDateCell } from './date-parse';
import { PolicyOverridesSchema, PresetIdSchema, DEFAULT_PRESET, PRESETS, resolvePolicy, zodMessages, type PresetId } from './presets';
import type { Policy } from './policy';
import { foldKey } from './text';
import * as z from './zod-vi';

/**
 * The add-on's settings: one source of truth for defaults, validation messages and the settings page's fields.
 * Stored as one small JSON value (DocumentProperties in Sheets); the optional Cài đặt tab can override it.
 */

const email = z.string().check(z.trim(), z.email({ message: 'Địa chỉ email không hợp lệ.' }));

export const ScheduleSchema = z.object({
  /** The daily trigger that decides what to send. */
  enabled: z._default(z.boolean(), false),
  quarterlySummary: z._default(z.boolean(), true),
  reminders: z._default(z.boolean(), true),
  reminderDaysBefore: z._default(
    z.number().check(z.int(), z.gte(1, { message: 'Số ngày nhắc trước phải từ 1 trở lên.' }), z.lte(60, { message: 'Số ngày nhắc trước tối đa là 60.' })),
    7,
  ),
});

export const SettingsSchema = z.object({
  province: z._default(z.string().check(z.trim(), z.maxLength(60, { message: 'Tên tỉnh tối đa 60 ký tự.' })), ''),
  year: z
    .number({ message: 'Năm phải là một số.' })
    .check(z.int(), z.gte(2000, { message: 'Năm phải từ 2000 trở đi.' }), z.lte(2100, { message: 'Năm không vượt quá 2100.' })),
  preset: z._default(PresetIdSchema, DEFAULT_PRESET),
  overrides: z._default(PolicyOverridesSchema, {}),
  /** "(Kèm theo Kế hoạch số …, ngày …)" on the forms. */
  planNumber: z._default(z.string().check(z.trim(), z.maxLength(60)), ''),
  planDate: z._default(
    z.string().check(z.refine((s) => s === '' || isCalendarDate(s), { message: 'Ngày kế hoạch không hợp lệ.' })),
    '',
  ),
  recipients: z._default(
    z.object({
      /** Ban Tổ chức – Kiểm tra: the province-wide summary. */
      btcKt: z._default(z.array(email).check(z.maxLength(50, { message: 'Tối đa 50 địa chỉ.' })), []),
      /** Per Ban: the leader's address when the roster's is not the one to use. */
      banLeaders: z._default(z.record(z.string(), email), {}),
    }),
    { btcKt: [], banLeaders: {} },
  ),
  schedule: z._default(ScheduleSchema, { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 }),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function defaultSettings(year: number): Settings {
  return SettingsSchema.parse({ year });
}

export type SettingsResult = { ok: true; settings: Settings; policy: Policy } | { ok: false; errors: string[] };

/** Validates settings and resolves their policy in one step, with Vietnamese messages. */
export function validateSettings(input: unknown): SettingsResult {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const policy = resolvePolicy(parsed.data.preset, parsed.data.overrides);
  if (!policy.ok) return { ok: false, errors: policy.errors };
  return { ok: true, settings: parsed.data, policy: policy.policy };
}

/** The province shown on forms: the setting, else the preset's. */
export function provinceOf(settings: Settings): string {
  return settings.province || PRESETS[settings.preset].province;
}

const SHEET_KEYS: Record<string, keyof SheetSettings> = {
  'tinh': 'province',
  'ten tinh': 'province',
  'nam': 'year',
  'bo quy dinh': 'preset',
  'quy dinh': 'preset',
  'preset': 'preset',
  'ke hoach so': 'planNumber',
  'so ke hoach': 'planNumber',
  'ngay ke hoach': 'planDate',
  'so ngay toi thieu': 'minDays',
  'so dot chuyen de': 'roundsCount',
  'so dot bat buoc': 'roundsCount',
  'email btc-kt': 'btcKt',
  'email ban to chuc - kiem tra': 'btcKt',
  'email ban to chuc kiem tra': 'btcKt',
};

interface SheetSettings {
  province: string;
  year: number;
  preset: PresetId;
  planNumber: string;
  planDate: CalendarDate;
  minDays: number;
  roundsCount: number;
  btcKt: string[];
}

export interface SheetSettingsRead {
  values: Partial<SheetSettings>;
  /** Vietnamese messages naming the row. */
  problems: { row: number; message: string }[];
}

/** Reads the key/value rows of the Cài đặt tab (column A key, column B value), ignoring unknown keys' rows. */
export function readSettingsTab(values: readonly (readonly unknown[])[], timeZone: string): SheetSettingsRead {
  const out: Partial<SheetSettings> = {};
  const problems: { row: number; message: string }[] = [];
  values.forEach((row, i) => {
    const key = SHEET_KEYS[foldKey(String(row[0] ?? '')).replace(/[:]+$/, '')];
    if (!key) return;
    const raw = row[1];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text === '' && key !== 'planDate') return;
    const bad = (message: string) => problems.push({ row: i + 1, message: `Tab “Cài đặt”, dòng ${i + 1}: ${message}` });
    switch (key) {
      case 'province':
      case 'planNumber':
        out[key] = text;
        break;
      case 'year':
      case 'minDays':
      case 'roundsCount': {
        const n = typeof raw === 'number' ? raw : Number(text);
        if (Number.isInteger(n)) out[key] = n;
        else bad(`“${text}” không phải số nguyên.`);
        break;
      }
      case 'preset': {
        const id = PresetIdSchema.safeParse(text.toLowerCase());
        const byName = Object.values(PRESETS).find((p) => foldKey(p.province) === foldKey(text));
        if (id.success) out.preset = id.data;
        else if (byName) out.preset = byName.id;
        else bad(`Bộ quy định “${text}” không có. Chọn: ${Object.keys(PRESETS).join(', ')}.`);
        break;
      }
      case 'planDate': {
        const d = parseDateCell(raw, { timeZone });
        if (d.ok) out.planDate = d.date;
        else if (d.reason !== 'empty') bad(`Ngày kế hoạch “${text}” không hợp lệ (nhập ngày/tháng/năm).`);
        break;
      }
      case 'btcKt':
        out.btcKt = text.split(/[,;\s]+/).filter(Boolean);
        break;
    }
  });
  return { values: out, problems };
}

/** Settings with the Cài đặt tab's values laid over them. */
export function applySheetSettings(settings: Settings, sheet: Partial<SheetSettings>): SettingsInput {
  return {
    ...settings,
    province: sheet.province ?? settings.province,
    year: sheet.year ?? settings.year,
    preset: sheet.preset ?? settings.preset,
    planNumber: sheet.planNumber ?? settings.planNumber,
    planDate: sheet.planDate ?? settings.planDate,
    overrides: {
      ...settings.overrides,
      ...(sheet.minDays !== undefined ? { minDays: sheet.minDays } : {}),
      ...(sheet.roundsCount !== undefined ? { roundsCount: sheet.roundsCount } : {}),
    },
    recipients: { ...settings.recipients, btcKt: sheet.btcKt ?? settings.recipients.btcKt },
  };
}
