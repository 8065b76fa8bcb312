import { lazy } from './lazy';
import { daysInclusive, isCalendarDate, type CalendarDate } from './calendar-date';
import { messages } from './messages';
import type { Policy } from './policy';
import { roundLengthOk, roundRuleFor } from './policy';
import { banKey, nameKey, withoutFormOfAddress } from './names';
import * as z from './zod-vi';
import { contentItemCaption, contentItems } from './content';
import { CONTENT_KINDS, TripStatusSchema, type CadreGroup, type ContentKind } from './vocabulary';

/**
 * A form field as a page sends it: text, trimmed (a number is read as its digits); anything else is an empty field.
 * google.script.run carries whatever a page sends, so the server reads the form through this and nothing else.
 */
const formText = lazy(() => z.transform((v: string | number) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '')));

/** The form's fields, each text: the draft below, and the save call's input (sheets/pages/trip-form.ts) extends it. */
export const TripDraftFields = lazy(() =>
  z.object({
    name: formText,
    ban: formText,
    kind: formText,
    detail: formText,
    /** ISO date when the page could read one, else the text typed (messages quote it). */
    from: formText,
    to: formText,
    /** '' = the whole window. */
    days: formText,
    place: formText,
    level: formText,
    status: formText,
  }),
);

/** The “Nhập đợt đi cơ sở” form (mẫu 1) as typed: every field text. Both the page and the server read it so. */
export const TripDraftSchema = lazy(() =>
  z.pipe(
    z.transform((v: z.input<typeof TripDraftFields>) => (typeof v === 'object' && v !== null ? v : {})),
    TripDraftFields,
  ),
);
export type TripDraft = z.infer<typeof TripDraftSchema>;
export type TripField = keyof TripDraft;

/**
 * One trip as it is saved: the draft's fields checked one by one. The page and the server validate a draft with the
 * same function (checkTripInput), so a row that reaches the sheet is one the checker accepts.
 */
export const TripInputSchema = lazy(() =>
  z.object({
    name: z.string().check(z.minLength(1, { message: 'Chọn cán bộ.' })),
    ban: z.string(),
    kind: z.enum(CONTENT_KINDS, { message: 'Chọn nội dung đi cơ sở.' }),
    detail: z.string().check(z.maxLength(500, { message: 'Tối đa 500 ký tự.' })),
    from: z.string(),
    to: z.string(),
    days: z.string(),
    place: z.string().check(z.maxLength(200, { message: 'Tối đa 200 ký tự.' })),
    level: z.string(),
    status: TripStatusSchema,
  }),
);
export type TripInput = z.infer<typeof TripInputSchema>;

export interface RosterEntry {
  name: string;
  ban: string;
  group: CadreGroup;
}

export interface TripInputCheck {
  /** Blocking problems, one per field, in Vietnamese. */
  errors: Partial<Record<TripField, string>>;
  /** Advice that does not block saving (round length). */
  warnings: Partial<Record<TripField, string>>;
  /** The window length, for prefilling Số ngày. */
  windowDays: number | null;
  /** The trip to save: the parsed draft, when there is no error. */
  trip: TripInput | null;
}

export function checkTripInput(draft: TripDraft, roster: readonly RosterEntry[], policy: Policy, year: number): TripInputCheck {
  const errors: Partial<Record<TripField, string>> = {};
  const warnings: Partial<Record<TripField, string>> = {};
  const parsed = TripInputSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TripField;
      errors[field] ??= issue.message;
    }
  }
  const typed = [nameKey(draft.name), nameKey(withoutFormOfAddress(draft.name))];
  const cadre = roster.find((r) => typed.includes(nameKey(r.name)) && (draft.ban === '' || banKey(r.ban) === banKey(draft.ban)));
  if (draft.name !== '' && !cadre) errors.name = messages.unknownCadre(draft.name, null);
  const from = dateField(draft.from, 'Từ ngày', errors, 'from');
  const to = dateField(draft.to, 'Đến ngày', errors, 'to');
  let windowDays: number | null = null;
  if (from && to) {
    if (to < from) errors.to = messages.dateOrder(from, to);
    else {
      windowDays = daysInclusive(from, to);
      if (!from.startsWith(String(year)) && !to.startsWith(String(year))) errors.from = `Đợt này không thuộc năm ${year} đang theo dõi.`;
    }
  }
  let days: number | null = null;
  if (draft.days !== '') {
    const n = Number(draft.days);
    if (!Number.isInteger(n) || n < 1) errors.days = messages.daysInvalid(draft.days);
    else {
      days = n;
      if (windowDays !== null && n > windowDays && from && to) errors.days = messages.daysExceedWindow(n, windowDays, from, to);
    }
  }
  if (draft.level !== '' && !policy.levels.includes(draft.level)) errors.level = messages.levelUnknown(draft.level, policy.levels);
  if (cadre && draft.kind !== '' && windowDays !== null && !errors.days) {
    const rule = roundRuleFor(policy, cadre.group);
    const length = days ?? windowDays;
    if ((rule.kinds as readonly string[]).includes(draft.kind) && !roundLengthOk(rule, length)) {
      warnings.days = messages.roundLength(policy.rounds.label, length, rule.minDays, rule.maxDays);
    }
  }
  const trip = parsed.success && Object.keys(errors).length === 0 ? parsed.data : null;
  return { errors, warnings, windowDays, trip };
}

function dateField(value: string, caption: string, errors: Partial<Record<TripField, string>>, field: TripField): CalendarDate | null {
  if (value.trim() === '') {
    errors[field] = messages.missingValue(caption);
    return null;
  }
  if (!isCalendarDate(value)) {
    errors[field] = messages.dateInvalid(caption, value);
    return null;
  }
  return value;
}

/** The items a form offers, with the preset's numbering, each number once; an item is saved as its first kind. */
export function kindOptions(policy: Policy): { code: ContentKind; label: string }[] {
  return contentItems(policy).map((item) => ({ code: item.kinds[0]!, label: contentItemCaption(item) }));
}
