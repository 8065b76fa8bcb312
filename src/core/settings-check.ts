import { PolicyOverridesSchema, PresetIdSchema, resolvePolicy, zodMessages, type PolicyOverrides, type PresetId } from './presets';
import { settingsMessages } from './messages';
import { SettingsSchema, validateSettings, type Settings } from './settings';

/**
 * The settings form's check, shared by the Cài đặt page (as the user types) and the server (before saving): the same
 * SettingsSchema and preset resolution as validateSettings, with each message placed on the field it concerns.
 * Field keys are the dotted paths of SettingsSchema: `year`, `overrides.minDays`, `recipients.btcKt`,
 * `recipients.banLeaders.<ban>`, `schedule.reminderDaysBefore`; a rule spanning several overrides is under `overrides`.
 */
export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; errors: string[]; fieldErrors: Record<string, string> };

export function checkSettingsInput(input: unknown): SettingsCheck {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    const messages = zodMessages(parsed.error);
    const badAddresses: string[] = [];
    parsed.error.issues.forEach((issue, i) => {
      const email = issue.path[0] === 'recipients' && issue.path.length === 3 ? valueAt(input, issue.path) : undefined;
      // Every address of the BTC-KT list shares one field on the page; its message names the addresses to fix.
      if (issue.path[1] === 'btcKt' && typeof email === 'string') {
        badAddresses.push(email.trim());
        return;
      }
      const path = issue.path[0] === 'recipients' && issue.path[1] === 'btcKt' ? ['recipients', 'btcKt'] : issue.path;
      const key = path.map(String).join('.') || 'settings';
      fieldErrors[key] ??=
        typeof email === 'string' ? settingsMessages.badEmails([email.trim()]) : issue.path[0] === 'overrides' ? (messages[i] ?? issue.message) : issue.message;
    });
    if (badAddresses.length > 0) fieldErrors['recipients.btcKt'] = settingsMessages.badEmails(badAddresses);
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

/**
 * Which overrides the preset's rules reject, each with the message of the values as typed: the overrides are tried
 * together, and an override is in a failure when leaving it out changes it (8 in "tối thiểu" and 6 in "tối đa" are
 * both named, "(8) lớn hơn … (6)", so that neither is saved alone). Failures are peeled one at a time.
 */
function overrideErrors(preset: PresetId, overrides: PolicyOverrides, known: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let given = (Object.keys(PolicyOverridesSchema.shape) as (keyof PolicyOverrides)[]).filter((k) => overrides[k] !== undefined && !known[`overrides.${k}`]);
  const tried = (keys: readonly (keyof PolicyOverrides)[]) => resolvePolicy(preset, Object.fromEntries(keys.map((k) => [k, overrides[k]])));
  for (let failure = tried(given); !failure.ok && given.length > 0; failure = tried(given)) {
    const message = failure.errors[0]!;
    const inIt = given.filter((k) => {
      const without = tried(given.filter((other) => other !== k));
      return without.ok || without.errors[0] !== message;
    });
    // No single override explains it (several fail alike): each is named, none saved.
    for (const k of inIt.length > 0 ? inIt : given) out[`overrides.${k}`] = message;
    given = given.filter((k) => !(`overrides.${k}` in out));
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);
}
