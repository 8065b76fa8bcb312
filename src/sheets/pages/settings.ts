import { findTab } from '../../core/columns';
import { leaderOverrideOf, rosterLeaderOf } from '../../core/email/recipients';
import type { Cadre } from '../../core/model';
import { PRESETS, type PresetId } from '../../core/presets';
import { readSettingsTab, type Settings, type SettingsInput } from '../../core/settings';
import { checkSettingsInput } from '../../core/settings-check';
import { presetDefaults, type PresetDefaults } from '../../core/settings-fields';
import * as z from '../../core/zod-vi';
import { analyzeContext, storedSettings, type ServerContext } from '../server-context';
import { saveSettings } from '../settings-store';
import { userMessage } from '../user-message';
import { bansOf } from '../workflow';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

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

export interface SettingsPagePayload {
  settings: Settings;
  presets: PresetOption[];
  bans: BanLeader[];
  /** Stored settings unreadable, or the Cài đặt tab overriding some of them. */
  warnings: string[];
}

export function getSettingsPage(ctx: ServerContext): SettingsPagePayload {
  const stored = storedSettings(ctx);
  const warnings = stored.warning ? [stored.warning] : [];
  const names = ctx.workbook.tabNames();
  const settingsTab = findTab(names, 'settings');
  if (settingsTab) {
    const sheet = readSettingsTab(ctx.workbook.readTab(settingsTab, { valuesOnly: true })?.values ?? [], ctx.workbook.dateTimeZone, settingsTab);
    const keys = sheet.rows.map((r) => r.key);
    if (keys.length > 0) warnings.push(pageTexts.sheetOverrides(settingsTab, keys));
  }
  let bans: BanLeader[] = [];
  try {
    const { analysis } = analyzeContext(ctx, { stored });
    bans = bansOf(analysis).map((ban) => banLeader(ban, analysis.roster.cadres, stored.settings));
  } catch (error) {
    // The settings must stay editable even when the sheet cannot be read (that is often what needs fixing).
    warnings.push(userMessage(error, PAGE_ACTIONS.settings));
  }
  return { settings: stored.settings, presets: presetOptions(), bans, warnings };
}

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
export const SettingsFormSchema = z.custom<SettingsInput>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: pageTexts.badInput(['Cài đặt phải là một bảng giá trị.']),
});

export type SaveSettingsResult = { ok: true } | { ok: false; errors: string[]; fieldErrors: Record<string, string> };

/** Validates with the page's own check (SettingsSchema and the preset), then stores the checked settings. */
export function saveSettingsPage(ctx: ServerContext, input: SettingsInput): SaveSettingsResult {
  const checked = checkSettingsInput(input);
  if (!checked.ok) return checked;
  const saved = saveSettings(ctx.settings, checked.settings);
  if (!saved.ok) return { ok: false, errors: saved.errors, fieldErrors: {} };
  return { ok: true };
}

export const settingsFunctions = {
  getSettingsPage: serverFunction({ action: PAGE_ACTIONS.settings, input: NoInput, writes: false, run: getSettingsPage }),
  saveSettingsPage: serverFunction({ action: PAGE_ACTIONS.settings, input: SettingsFormSchema, writes: true, run: saveSettingsPage }),
};
