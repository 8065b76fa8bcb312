import { daysInclusive, isCalendarDate, type CalendarDate } from './calendar-date';
import { messages } from './messages';
import type { Policy } from './policy';
import { roundLengthOk, roundRuleFor } from './policy';
import { banKey, nameKey } from './names';
import * as z from './zod-vi';
import { contentItemCaption, contentItems } from './content';
import { CadreGroupSchema, ContentKindSchema, TripStatusSchema } from './vocabulary';

/**
 * One trip typed in the “Nhập đợt đi cơ sở” form (mẫu 1). The page and the server validate it with the same
 * function, so a row that reaches the sheet is one the checker accepts.
 */
export const TripInputSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, { message: 'Chọn cán bộ.' })),
  ban: z.string().check(z.trim()),
  kind: z.union([ContentKindSchema, z.literal('')]),
  detail: z.string().check(z.trim(), z.maxLength(500, { message: 'Tối đa 500 ký tự.' })),
  from: z.string(),
  to: z.string(),
  /** '' = the whole window. */
  days: z.string().check(z.trim()),
  place: z.string().check(z.trim(), z.maxLength(200, { message: 'Tối đa 200 ký tự.' })),
  level: z.string().check(z.trim()),
  status: TripStatusSchema,
});
export type TripInput = z.infer<typeof TripInputSchema>;
export type TripField = keyof TripInput;

export interface RosterEntry {
  name: string;
  ban: string;
  group: z.infer<typeof CadreGroupSchema>;
}

export interface TripInputCheck {
  /** Blocking problems, one per field, in Vietnamese. */
  errors: Partial<Record<TripField, string>>;
  /** Advice that does not block saving (round length). */
  warnings: Partial<Record<TripField, string>>;
  /** The window length, for prefilling Số ngày. */
  windowDays: number | null;
}

export function checkTripInput(input: TripInput, roster: readonly RosterEntry[], policy: Policy, year: number): TripInputCheck {
  const errors: Partial<Record<TripField, string>> = {};
  const warnings: Partial<Record<TripField, string>> = {};
  const parsed = TripInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TripField;
      errors[field] ??= issue.message;
    }
  }
  const cadre = roster.find((r) => nameKey(r.name) === nameKey(input.name) && (input.ban === '' || banKey(r.ban) === banKey(input.ban)));
  if (input.name.trim() !== '' && !cadre) errors.name = messages.unknownCadre(input.name, null);
  if (input.kind === '') errors.kind = 'Chọn nội dung đi cơ sở.';
  const from = dateField(input.from, 'Từ ngày', errors, 'from');
  const to = dateField(input.to, 'Đến ngày', errors, 'to');
  let windowDays: number | null = null;
  if (from && to) {
    if (to < from) errors.to = messages.dateOrder(from, to);
    else {
      windowDays = daysInclusive(from, to);
      if (!from.startsWith(String(year)) && !to.startsWith(String(year))) errors.from = `Đợt này không thuộc năm ${year} đang theo dõi.`;
    }
  }
  let days: number | null = null;
  if (input.days.trim() !== '') {
    const n = Number(input.days);
    if (!Number.isInteger(n) || n < 1) errors.days = messages.daysInvalid(input.days);
    else {
      days = n;
      if (windowDays !== null && n > windowDays && from && to) errors.days = messages.daysExceedWindow(n, windowDays, from, to);
    }
  }
  if (input.level !== '' && !policy.levels.includes(input.level)) errors.level = messages.levelUnknown(input.level, policy.levels);
  if (cadre && input.kind !== '' && windowDays !== null && !errors.days) {
    const rule = roundRuleFor(policy, cadre.group);
    const length = days ?? windowDays;
    if (rule.kinds.includes(input.kind) && !roundLengthOk(rule, length)) {
      warnings.days = messages.roundLength(policy.rounds.label, length, rule.minDays, rule.maxDays);
    }
  }
  return { errors, warnings, windowDays };
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
export function kindOptions(policy: Policy): { code: z.infer<typeof ContentKindSchema>; label: string }[] {
  return contentItems(policy).map((item) => ({ code: item.kinds[0]!, label: contentItemCaption(item) }));
}
