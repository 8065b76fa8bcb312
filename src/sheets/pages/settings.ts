import { lazy } from '../../core/lazy';
import { findTab } from '../../core/columns';
import { isEmailAddress, leaderOverrideOf, rosterLeaderOf } from '../../core/email/recipients';
import type { Cadre } from '../../core/model';
import { banKey } from '../../core/names';
import { PRESETS, type PresetId } from '../../core/presets';
import { settingsKeepingValid, type Settings, type SettingsInput } from '../../core/settings';
import { applySheetSettings, readSettingsTab } from '../../core/settings-tab';
import { ADDRESS_LISTS, checkSettingsInput } from '../../core/settings-check';
import { presetDefaults, type PresetDefaults } from '../../core/settings-fields';
import { UserError } from '../../core/user-error';
import * as z from '../../core/zod-vi';
import { analyzeContext, storedSettings, type ServerContext } from '../server-context';
import { saveSettings } from '../settings-store';
import { userMessage } from '../user-message';
import { bansOf } from '../workflow';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';
import { pushAll } from '../../core/arrays';

/** Cài đặt: the stored settings, the presets they start from, each Ban's leader; saving them. */

export interface PresetOption {
  id: PresetId;
  title: string;
  source: string;
  province: string;
  /** The preset's values, shown where the user sets no override. */
  defaults: PresetDefaults;
}

export interface BanLeader {
  ban: string;
  /** The Trưởng ban / Chánh Văn phòng (or, without one, the ban's first leader) on the roster; '' when none. */
  leaderName: string;
  /** That person's roster email; '' when blank. */
  rosterEmail: string;
  /** The stored override, '' when none. */
  override: string;
}

/** A row of the Cài đặt tab that took effect: the page shows the settings it sets read-only, marked as the tab's. */
export interface TabSetting {
  row: number;
  /** The key as written in column A. */
  key: string;
  /** The value as written in column B. */
  value: string;
  /** The Settings paths it sets (`year`, `overrides.periodStart`, `recipients.banLeaders.<ban as the roster writes it>`). */
  paths: string[];
}

export interface SettingsPagePayload {
  /** What is stored (what the page edits and saves). */
  settings: Settings;
  /** What applies: the stored settings with the Cài đặt tab laid over them. */
  effective: Settings;
  presets: PresetOption[];
  bans: BanLeader[];
  /** The Cài đặt tab's name, and its rows that took effect. */
  tab: { name: string; rows: TabSetting[] } | null;
  /** Stored settings unreadable, rows of the Cài đặt tab that could not be used. */
  warnings: string[];
}

/** The Cài đặt tab laid over the stored settings, as the analysis lays it (applySheetSettings): what applies and why. */
function withTab(ctx: ServerContext, stored: Settings): { effective: Settings; tab: SettingsPagePayload['tab']; problems: string[] } {
  const name = findTab(ctx.workbook.tabNames(), 'settings');
  if (!name) return { effective: stored, tab: null, problems: [] };
  const read = readSettingsTab(ctx.workbook.readTab(name, { valuesOnly: true })?.values ?? [], ctx.workbook.dateTimeZone, name);
  const applied = applySheetSettings(stored, read, name);
  const rows = applied.applied.map<TabSetting>((r) => ({ row: r.row, key: r.key, value: r.value, paths: [...r.paths] }));
  return { effective: applied.settings, tab: { name, rows }, problems: applied.problems };
}

export function getSettingsPage(ctx: ServerContext): SettingsPagePayload {
  const stored = storedSettings(ctx);
  const warnings = stored.warning ? [stored.warning] : [];
  const { tab, problems, ...applied } = withTab(ctx, stored.settings);
  let effective = applied.effective;
  pushAll(warnings, problems);
  let bans: BanLeader[] = [];
  try {
    const { analysis } = analyzeContext(ctx, { stored });
    bans = bansOf(analysis).map((ban) => banLeader(ban, analysis.roster.cadres, stored.settings));
    // The tab names a Ban as its row is typed; the page knows each Ban as the roster writes it.
    const rosterBan = (ban: string) => bans.find((b) => banKey(b.ban) === banKey(ban))?.ban ?? ban;
    for (const row of tab?.rows ?? []) row.paths = row.paths.map((p) => (p.startsWith(LEADER_PATH) ? LEADER_PATH + rosterBan(p.slice(LEADER_PATH.length)) : p));
    const leaders = effective.recipients.banLeaders;
    effective = {
      ...effective,
      recipients: { ...effective.recipients, banLeaders: Object.fromEntries(Object.keys(leaders).map((b) => [rosterBan(b), leaders[b]!])) },
    };
  } catch (error) {
    // The settings must stay editable even when the sheet cannot be read (that is often what needs fixing).
    warnings.push(userMessage(error, PAGE_ACTIONS.settings));
  }
  return { settings: stored.settings, effective, presets: presetOptions(), bans, tab, warnings };
}

const LEADER_PATH = 'recipients.banLeaders.';

function banLeader(ban: string, cadres: readonly Cadre[], settings: Settings): BanLeader {
  const leader = rosterLeaderOf(ban, cadres);
  return { ban, leaderName: leader?.name ?? '', rosterEmail: leader?.email ?? '', override: leaderOverrideOf(ban, settings.recipients) };
}

function presetOptions(): PresetOption[] {
  return Object.values(PRESETS).map((p) => ({ id: p.id, title: p.title, source: p.source, province: p.province, defaults: presetDefaults(p) }));
}

/**
 * The settings form as the page sends it: an object, checked field by field by checkSettingsInput (SettingsSchema and
 * the preset), so that each problem comes back on its field instead of as one error.
 */
export const SettingsFormSchema = lazy(() =>
  z.custom<SettingsInput>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: pageTexts.badInput([pageTexts.settingsNotTable]),
  }),
);

export interface SaveSettingsResult {
  /** What is stored now. */
  settings: Settings;
  /**
   * Each value of the page that was not saved, by its path, with why; the stored value stays. A bad value drops only
   * itself (a list of addresses drops only its bad ones), and a value the Cài đặt tab sets is never saved here.
   */
  notSaved: Record<string, string>;
}

/**
 * Saves every valid value of the page and keeps the stored one wherever the page's is wrong, or set by the Cài đặt
 * tab (it would not apply): the answer names each value not saved, so the page never says "Đã lưu" for it.
 */
export function saveSettingsPage(ctx: ServerContext, input: SettingsInput): SaveSettingsResult {
  const stored = storedSettings(ctx).settings;
  const candidate = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const notSaved: Record<string, string> = {};
  const { tab } = withTab(ctx, stored);
  // The page names a Ban as the roster writes it, the tab as its row is typed: the same Ban by banKey.
  const pagePath = (path: string) => {
    if (!path.startsWith(LEADER_PATH)) return path;
    const ban = path.slice(LEADER_PATH.length);
    const known = [candidate, stored].flatMap((s) => Object.keys((valueAt(s, 'recipients.banLeaders') as object | undefined) ?? {}));
    return LEADER_PATH + (known.find((k) => banKey(k) === banKey(ban)) ?? ban);
  };
  for (const row of tab?.rows ?? []) {
    for (const path of row.paths.map(pagePath)) {
      if (JSON.stringify(valueAt(candidate, path) ?? null) !== JSON.stringify(valueAt(stored, path) ?? null)) {
        notSaved[path] = pageTexts.setInTab(tab!.name, row.row, row.key);
      }
      setAt(candidate, path, valueAt(stored, path));
    }
  }
  for (let round = 0; round < 3; round++) {
    const checked = checkSettingsInput(candidate);
    if (checked.ok || checked.fieldErrors.settings) break;
    for (const [path, message] of Object.entries(checked.fieldErrors)) {
      notSaved[path] ??= message;
      const list = valueAt(candidate, path);
      // A list of addresses keeps its good ones; any other value goes back to what is stored.
      if (ADDRESS_LISTS.some((key) => path === `recipients.${key}`) && Array.isArray(list))
        setAt(
          candidate,
          path,
          list.filter((a) => typeof a === 'string' && isEmailAddress(a.trim())),
        );
      else setAt(candidate, path, valueAt(stored, path));
    }
  }
  // Whatever still fails (it should not: the stored settings are valid) drops to what settingsKeepingValid keeps.
  const final = checkSettingsInput(candidate);
  const settings = final.ok ? final.settings : settingsKeepingValid(candidate, stored.year).settings;
  const saved = saveSettings(ctx.settings, settings);
  if (!saved.ok) throw new UserError(saved.errors.join(' '));
  return { settings: saved.settings, notSaved };
}

/** A dotted path's keys; in a Ban leader's path the Ban is the rest, dots and all. */
function keysOf(path: string): string[] {
  return path.startsWith(LEADER_PATH) ? ['recipients', 'banLeaders', path.slice(LEADER_PATH.length)] : path.split('.');
}

function valueAt(root: unknown, path: string): unknown {
  return keysOf(path).reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** Sets (or, with undefined, deletes) the value at a dotted path. */
function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = JSON.parse(JSON.stringify(value)) as unknown;
}

export const settingsFunctions = {
  getSettingsPage: serverFunction({ action: PAGE_ACTIONS.settings, input: NoInput, writes: false, run: getSettingsPage }),
  saveSettingsPage: serverFunction({ action: PAGE_ACTIONS.settings, input: SettingsFormSchema, writes: true, run: saveSettingsPage }),
};
