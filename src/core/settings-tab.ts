import { formatDayFirst } from './calendar-date';
import { calendarDateOfInstant } from './date-parse';
import { isEmailAddress } from './email/address';
import { banKey } from './names';
import type { Policy } from './policy';
import { validateSettings, type Settings, type SettingsInput } from './settings';
import { BAN_LEADER_KEY_PREFIX, banLeaderKeyOf, SETTING_FIELDS, settingFieldOf, type SettingsPatch } from './settings-fields';
import { foldKey } from './text';

/**
 * The Cài đặt tab: its key/value rows read with the settings table's codecs (settings-fields.ts) and laid over the
 * stored settings one row at a time.
 */

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
      thuongTruc: patch.thuongTruc ?? settings.recipients.thuongTruc,
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
