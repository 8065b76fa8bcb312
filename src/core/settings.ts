import { formatDayFirst, isCalendarDate } from './calendar-date';
import { calendarDateOfInstant } from './date-parse';
import { isEmailAddress } from './email/recipients';
import { banKey } from './names';
import { PolicyOverridesSchema, PresetIdSchema, DEFAULT_PRESET, PRESETS, resolvePolicy, zodMessages } from './presets';
import { BAN_LEADER_KEY_PREFIX, banLeaderKeyOf, SETTING_FIELDS, settingFieldOf, type SettingsPatch } from './settings-fields';
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
  planDate: z._default(z.string().check(z.refine((s) => s === '' || isCalendarDate(s), { message: 'Ngày kế hoạch không hợp lệ.' })), ''),
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

/**
 * Settings from a stored value that may be partly wrong (an older version, a hand-edited property): each value the
 * schema or the preset rejects is dropped on its own, named in `dropped`, and the rest is kept.
 */
export function settingsKeepingValid(input: unknown, fallbackYear: number): { settings: Settings; policy: Policy; dropped: string[] } {
  const dropped: string[] = [];
  let candidate: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (JSON.parse(JSON.stringify(input)) as Record<string, unknown>) : {};
  if (candidate.year === undefined) candidate.year = fallbackYear;
  for (let attempt = 0; attempt < 50; attempt++) {
    const parsed = SettingsSchema.safeParse(candidate);
    if (parsed.success) break;
    const messages = zodMessages(parsed.error);
    parsed.error.issues.forEach((issue, i) => {
      if (
        !dropLeaf(
          candidate,
          issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        )
      )
        candidate = { year: fallbackYear };
      dropped.push(messages[i] ?? issue.message);
    });
    if (candidate.year === undefined) candidate.year = fallbackYear;
  }
  const parsed = SettingsSchema.safeParse(candidate);
  const settings = parsed.success ? parsed.data : defaultSettings(fallbackYear);
  // Overrides the preset rejects (a period that ends before it starts): drop those that fail on their own, else all.
  let resolved = resolvePolicy(settings.preset, settings.overrides);
  if (!resolved.ok) {
    const overrides = { ...settings.overrides } as Record<string, unknown>;
    for (const key of Object.keys(overrides)) {
      const alone = resolvePolicy(settings.preset, { [key]: overrides[key] });
      if (!alone.ok) {
        delete overrides[key];
        dropped.push(...alone.errors);
      }
    }
    settings.overrides = overrides as Settings['overrides'];
    resolved = resolvePolicy(settings.preset, settings.overrides);
    if (!resolved.ok) {
      dropped.push(...resolved.errors);
      settings.overrides = {};
      resolved = resolvePolicy(settings.preset, {});
    }
  }
  if (!resolved.ok) throw new Error(`settingsKeepingValid: preset ${settings.preset} is invalid`);
  return { settings, policy: resolved.policy, dropped };
}

/** Deletes the value at `path` (its last key); false when the path is the whole object. */
function dropLeaf(root: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return true;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null) return true;
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<PropertyKey, unknown>)[last];
  return true;
}

/** The province shown on forms: the setting, else the preset's. */
export function provinceOf(settings: Settings): string {
  return settings.province || PRESETS[settings.preset].province;
}

/** One row of the Cài đặt tab that names a setting, read. */
export interface SheetSettingRow {
  /** 1-based row of the tab. */
  row: number;
  key: string;
  /** The value as written, for messages. */
  value: string;
  patch: SettingsPatch;
  /** The dotted Settings paths it sets. */
  paths: readonly string[];
}

export interface SheetSettingsRead {
  rows: SheetSettingRow[];
  /** Vietnamese messages naming the tab, row and value: a value that could not be read, an unknown key. */
  problems: { row: number; message: string }[];
}

/** Header and free-text rows a Cài đặt tab may have besides its key/value rows. */
const NOT_KEYS = new Set(['cai dat', 'muc', 'ten muc', 'khoa', 'key', 'thiet lap', 'gia tri', 'stt']);

/**
 * Reads the key/value rows of the Cài đặt tab (column A key, column B value; column C is a hint for people). A blank
 * value means "as the preset says". A value that cannot be read, or a key that names no setting, is reported with its
 * row and dropped; every other row still applies.
 */
export function readSettingsTab(values: readonly (readonly unknown[])[], timeZone: string, tab = 'Cài đặt'): SheetSettingsRead {
  const rows: SheetSettingRow[] = [];
  const problems: { row: number; message: string }[] = [];
  /** Each item's row read so far (a Ban's leader by its Ban): an item written twice takes its last row. */
  const seen = new Map<string, number>();
  const keep = (setting: SheetSettingRow, item: string) => {
    const earlier = seen.get(item);
    if (earlier !== undefined) {
      const at = rows.findIndex((r) => r.row === earlier);
      if (at >= 0) rows.splice(at, 1);
      problems.push({
        row: setting.row,
        message: `Tab “${tab}”, dòng ${setting.row}: mục “${setting.key}” đã ghi ở dòng ${earlier}; dùng giá trị ở dòng ${setting.row} (dòng sau cùng).`,
      });
    }
    seen.set(item, setting.row);
    rows.push(setting);
  };
  values.forEach((cells, i) => {
    const row = i + 1;
    const key = cells?.[0] === null || cells?.[0] === undefined ? '' : String(cells[0]).trim();
    const raw = cells?.[1];
    const shown = raw === null || raw === undefined ? '' : raw instanceof Date ? formatDayFirst(calendarDateOfInstant(raw, timeZone)) : String(raw).trim();
    if (key === '' || NOT_KEYS.has(foldKey(key).replace(/[:]+$/, ''))) return;
    const where = `Tab “${tab}”, dòng ${row}`;
    const ban = banLeaderKeyOf(key);
    const field = ban === null ? settingFieldOf(key) : null;
    if (!field && ban === null) {
      problems.push({
        row,
        message: `${where}: không có mục cài đặt “${key}”, dòng này không được dùng. Các mục: ${SETTING_FIELDS.map((f) => f.key).join(', ')}, ${BAN_LEADER_KEY_PREFIX}<tên ban>.`,
      });
      return;
    }
    if (shown === '') return;
    if (ban !== null) {
      if (isEmailAddress(shown))
        keep({ row, key, value: shown, patch: { banLeaders: { [ban]: shown } }, paths: [`recipients.banLeaders.${ban}`] }, `ban:${banKey(ban)}`);
      else problems.push({ row, message: `${where}: email “${shown}” không hợp lệ; bỏ qua dòng này.` });
      return;
    }
    const read = field!.read(raw, timeZone);
    if (!read.ok) {
      problems.push({ row, message: `${where}, mục “${field!.key}”: ${read.message} Dòng này không được dùng.` });
      return;
    }
    for (const message of read.problems ?? []) problems.push({ row, message: `${where}: ${message}` });
    keep({ row, key: field!.key, value: shown, patch: read.patch, paths: field!.paths }, field!.key);
  });
  return { rows, problems };
}

/** The settings with a patch laid over them (overrides, recipients and schedule merged key by key). */
export function applyPatch(settings: Settings, patch: SettingsPatch): SettingsInput {
  return {
    ...settings,
    ...(patch.province !== undefined ? { province: patch.province } : {}),
    ...(patch.year !== undefined ? { year: patch.year } : {}),
    ...(patch.preset !== undefined ? { preset: patch.preset } : {}),
    ...(patch.planNumber !== undefined ? { planNumber: patch.planNumber } : {}),
    ...(patch.planDate !== undefined ? { planDate: patch.planDate } : {}),
    overrides: { ...settings.overrides, ...patch.overrides },
    recipients: {
      btcKt: patch.btcKt ?? settings.recipients.btcKt,
      banLeaders: { ...settings.recipients.banLeaders, ...patch.banLeaders },
    },
    schedule: { ...settings.schedule, ...patch.schedule },
  };
}

export interface SheetSettingsApplied {
  settings: Settings;
  policy: Policy;
  /** The rows that took effect (for the settings page's "lấy từ tab Cài đặt" and the printed policy). */
  applied: SheetSettingRow[];
  problems: string[];
}

/**
 * The Cài đặt tab's rows laid over the stored settings, one at a time: a row that makes the settings invalid (a period
 * ending before it starts, a round minimum above the maximum) is dropped with a message naming its row and value,
 * and the rows before and after it still apply.
 */
export function applySheetSettings(base: Settings, read: SheetSettingsRead, tab = 'Cài đặt'): SheetSettingsApplied {
  const first = validateSettings(base);
  if (!first.ok) throw new Error(`applySheetSettings: invalid base settings: ${first.errors.join(' ')}`);
  let settings = first.settings;
  let policy = first.policy;
  const applied: SheetSettingRow[] = [];
  const problems = read.problems.map((p) => p.message);
  for (const row of read.rows) {
    const next = validateSettings(applyPatch(settings, row.patch));
    if (next.ok) {
      settings = next.settings;
      policy = next.policy;
      applied.push(row);
    } else {
      problems.push(`Tab “${tab}”, dòng ${row.row}, mục “${row.key}” = “${row.value}”: ${next.errors.join(' ')} Dòng này không được dùng.`);
    }
  }
  return { settings, policy, applied, problems };
}
