import { lazy } from './lazy';
import { isCalendarDate } from './calendar-date';
import { PolicyOverridesSchema, PresetIdSchema, DEFAULT_PRESET, PRESETS, resolvePolicy, zodMessages } from './presets';
import type { Policy } from './policy';
import * as z from './zod-vi';
import { pushAll } from './arrays';

/**
 * The add-on's settings: one source of truth for defaults, validation messages and the settings page's fields.
 * Stored as one small JSON value (DocumentProperties in Sheets); the optional Cài đặt tab can override it.
 */

const email = lazy(() => z.string().check(z.trim(), z.email({ message: 'Địa chỉ email không hợp lệ.' })));

export const ScheduleSchema = lazy(() =>
  z.object({
    /** The daily trigger that decides what to send. */
    enabled: z._default(z.boolean(), false),
    quarterlySummary: z._default(z.boolean(), true),
    reminders: z._default(z.boolean(), true),
    reminderDaysBefore: z._default(
      z.number().check(z.int(), z.gte(1, { message: 'Số ngày nhắc trước phải từ 1 trở lên.' }), z.lte(60, { message: 'Số ngày nhắc trước tối đa là 60.' })),
      7,
    ),
  }),
);

export const SettingsSchema = lazy(() =>
  z.object({
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
        /** The Thường trực (Bí thư, Phó Bí thư): who approves the compiled registrations (06-HD §IV bước 2). */
        thuongTruc: z._default(z.array(email).check(z.maxLength(20, { message: 'Tối đa 20 địa chỉ.' })), []),
      }),
      { btcKt: [], banLeaders: {}, thuongTruc: [] },
    ),
    schedule: z._default(ScheduleSchema, { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 }),
  }),
);
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
        pushAll(dropped, alone.errors);
      }
    }
    settings.overrides = overrides as Settings['overrides'];
    resolved = resolvePolicy(settings.preset, settings.overrides);
    if (!resolved.ok) {
      pushAll(dropped, resolved.errors);
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
