import { defaultSettings, settingsKeepingValid, validateSettings, type Settings } from '../core/settings';
import { settingsMessages } from '../core/messages';
import type { Policy } from '../core/policy';

/** Where settings live: one namespaced JSON value (DocumentProperties in Sheets, memory in tests and the preview). */
export interface SettingsStore {
  read(): string | null;
  write(json: string): void;
}

export const SETTINGS_KEY = 'dicoso.settings.v1';

export interface LoadedSettings {
  settings: Settings;
  policy: Policy;
  /** Set when the stored value was unreadable and defaults are in use. */
  warning: string | null;
}

/** The stored settings, or defaults (with a warning) when nothing valid is stored. Never throws. */
export function loadSettings(store: SettingsStore, fallbackYear: number): LoadedSettings {
  const defaults = (): LoadedSettings => {
    const checked = validateSettings(defaultSettings(fallbackYear));
    if (!checked.ok) throw new Error('default settings are invalid');
    return { settings: checked.settings, policy: checked.policy, warning: null };
  };
  let raw: string | null;
  try {
    raw = store.read();
  } catch {
    return { ...defaults(), warning: settingsMessages.unreadable };
  }
  if (raw === null || raw === '') return defaults();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ...defaults(), warning: settingsMessages.corrupt };
  }
  const checked = validateSettings(parsed);
  if (checked.ok) return { settings: checked.settings, policy: checked.policy, warning: null };
  // One bad value drops only itself: the rest of what was saved still applies.
  const kept = settingsKeepingValid(parsed, fallbackYear);
  return {
    settings: kept.settings,
    policy: kept.policy,
    warning: settingsMessages.partlyInvalid(kept.dropped),
  };
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export function saveSettings(store: SettingsStore, input: unknown): SaveResult {
  const checked = validateSettings(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  store.write(JSON.stringify(checked.settings));
  return { ok: true, settings: checked.settings };
}

export class MemorySettingsStore implements SettingsStore {
  constructor(private value: string | null = null) {}
  read(): string | null {
    return this.value;
  }
  write(json: string): void {
    this.value = json;
  }
}
