import { PolicyOverridesSchema, PresetIdSchema, resolvePolicy, zodMessages, type PolicyOverrides, type PresetId } from './presets';
import { SettingsSchema, validateSettings, type Settings } from './settings';

/**
 * The settings form's check, shared by the Cài đặt page (as the user types) and the server (before saving): the same
 * SettingsSchema and preset resolution as validateSettings, with each message placed on the field it concerns.
 * Field keys are the dotted paths of SettingsSchema: `year`, `overrides.minDays`, `recipients.btcKt`,
 * `recipients.banLeaders.<ban>`, `schedule.reminderDaysBefore`; a rule spanning several overrides is under `overrides`.
 */
export type SettingsCheck =
  | { ok: true; settings: Settings }
  | { ok: false; errors: string[]; fieldErrors: Record<string, string> };

export function checkSettingsInput(input: unknown): SettingsCheck {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    const messages = zodMessages(parsed.error);
    parsed.error.issues.forEach((issue, i) => {
      // Every address of the BTC-KT list shares one field on the page.
      const path = issue.path[0] === 'recipients' && issue.path[1] === 'btcKt' ? ['recipients', 'btcKt'] : issue.path;
      const key = path.map(String).join('.') || 'settings';
      fieldErrors[key] ??= issue.path[0] === 'overrides' ? (messages[i] ?? issue.message) : issue.message;
    });
    // The overrides the schema let through may still not fit the preset: say so now, not after the next fix.
    const record = (typeof input === 'object' && input !== null ? input : {}) as { preset?: unknown; overrides?: unknown };
    const preset = PresetIdSchema.safeParse(record.preset);
    const overrides = (typeof record.overrides === 'object' && record.overrides !== null ? record.overrides : {}) as PolicyOverrides;
    if (preset.success) Object.assign(fieldErrors, { ...overrideErrors(preset.data, overrides, fieldErrors), ...fieldErrors });
    return { ok: false, errors: messages, fieldErrors };
  }
  const checked = validateSettings(parsed.data);
  if (checked.ok) return { ok: true, settings: checked.settings };
  const fieldErrors = overrideErrors(parsed.data.preset, parsed.data.overrides as PolicyOverrides, {});
  // What no single override explains spans several of them (a period that ends before it starts).
  if (Object.keys(fieldErrors).length === 0) fieldErrors.overrides = checked.errors[0]!;
  return { ok: false, errors: checked.errors, fieldErrors };
}

/** Each override tried alone on the preset: which of them the preset's rules reject. */
function overrideErrors(preset: PresetId, overrides: PolicyOverrides, known: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(PolicyOverridesSchema.shape) as (keyof PolicyOverrides)[]) {
    if (overrides[key] === undefined || known[`overrides.${key}`]) continue;
    const alone = resolvePolicy(preset, { [key]: overrides[key] });
    if (!alone.ok) out[`overrides.${key}`] = alone.errors[0]!;
  }
  return out;
}
