import * as z from './zod-vi';
import { CadreGroupSchema, ContentKindSchema } from './vocabulary';

/**
 * The rules that differ between provinces, as data. A preset (presets.ts) is a full Policy; a custom policy is a
 * preset plus overrides (resolvePolicy). Nothing in evaluation hard-codes a number that appears here.
 */

const monthDay = z.string().check(
  z.regex(/^\d{2}-\d{2}$/, { message: 'Ngày trong năm phải có dạng MM-DD, ví dụ 12-31.' }),
  z.refine(
    (s) => {
      const month = Number(s.slice(0, 2));
      const day = Number(s.slice(3, 5));
      return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    },
    { message: 'Ngày trong năm không tồn tại.' },
  ),
);

const days = (what: string) =>
  z
    .number({ message: `${what} phải là một số.` })
    .check(
      z.int({ message: `${what} phải là số nguyên.` }),
      z.gte(0, { message: `${what} không được âm.` }),
      z.lte(366, { message: `${what} không vượt quá 366 ngày.` }),
    );

/** A whole day of the month (1–31) or 'last'. */
const dayOfMonth = () => z.union([z.number().check(z.int(), z.gte(1), z.lte(31)), z.literal('last')]);

export const RoundRuleSchema = z.object({
  /** Trips of these kinds can be a required round. */
  kinds: z.array(ContentKindSchema).check(z.minLength(1, { message: 'Cần ít nhất một nội dung được tính là đợt.' })),
  minDays: z.nullable(days('Số ngày tối thiểu của một đợt')),
  maxDays: z.nullable(days('Số ngày tối đa của một đợt')),
});
export type RoundRule = z.infer<typeof RoundRuleSchema>;

export const RoundsPolicySchema = z.object({
  /** How many valid rounds a cadre needs; 0 = no requirement beyond the days. */
  count: z.number().check(z.int(), z.gte(0, { message: 'Số đợt bắt buộc không được âm.' }), z.lte(12, { message: 'Số đợt bắt buộc tối đa là 12.' })),
  /** How the round is named in messages: "chuyên đề", "“cùng ăn, cùng ở, cùng làm”". */
  label: z.string().check(z.minLength(1)),
  rule: RoundRuleSchema,
  /** A different rule for a group, e.g. Tây Ninh's Chuyên viên: rounds of phối hợp/chi đoàn, each ≥ 30 days. */
  byGroup: z._default(z.partialRecord(CadreGroupSchema, RoundRuleSchema), {}),
  /** Kiên Giang 06-HD §III.1: "không thực hiện 02 đợt liên tiếp". */
  notBackToBack: z.boolean(),
});

export const DeadlineDateSchema = z.discriminatedUnion('type', [
  /** Once a year: month-day, in the policy year or the year before (yearOffset -1). */
  z.object({ type: z.literal('yearly'), monthDay, yearOffset: z._default(z.union([z.literal(0), z.literal(-1)]), 0) }),
  /** Every quarter: a day of the quarter's first or last month; 'last' = that month's last day. */
  z.object({
    type: z.literal('quarterly'),
    monthOfQuarter: z.union([z.literal(1), z.literal(3)]),
    day: dayOfMonth(),
  }),
]);

export const DeadlineSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** What is due, as leaders read it: "Đăng ký đi cơ sở đợt 1 (mẫu 1)". */
  label: z.string().check(z.minLength(1)),
  kind: z.enum(['registration', 'report']),
  form: z._default(z.nullable(z.enum(['mau1', 'mau2', 'mau3'])), null),
  when: DeadlineDateSchema,
  /** For registrations: the part of the year whose trips this registration covers (month-days); null = all of it. */
  covers: z._default(z.nullable(z.object({ start: monthDay, end: monthDay })), null),
  /** A one-off date for a given year, e.g. Kiên Giang 2023 moved Đợt 1 into May 2023. */
  byYear: z._default(z.record(z.string().check(z.regex(/^\d{4}$/)), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), {}),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const PolicySchema = z
  .object({
    minDays: days('Số ngày tối thiểu'),
    period: z.object({ start: monthDay, end: monthDay }),
    rounds: RoundsPolicySchema,
    /** Advice only (Tây Ninh plan §II.2): the kinds each group should focus on. */
    focusByGroup: z._default(z.partialRecord(CadreGroupSchema, z.array(ContentKindSchema)), {}),
    /** Kiên Giang 06-HD §III.2: trips must include a chi đoàn meeting (advice, not a status). */
    requireChiDoan: z._default(z.boolean(), false),
    /** Place levels ("Cấp") offered in the sheet; since 2025 local government has two levels. */
    levels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** Some provinces split the days by level (30 at chi đoàn, 20 at commune…); empty = no split. */
    minDaysByLevel: z._default(z.record(z.string(), days('Số ngày tối thiểu theo cấp')), {}),
    /** Shrink required days for cadres who join mid-period or are exempt for part of it. */
    proRating: z._default(z.boolean(), false),
    /** Xuất sắc needs a chuyên đề report scored at least this (Kiên Giang 06-HD §V.2: 80/100). */
    excellentScore: z._default(z.number().check(z.gte(0), z.lte(100)), 80),
    deadlines: z._default(z.array(DeadlineSchema), []),
    /** Day of the quarter's last month the quarterly summary (mẫu 3) is due; 'last' = quarter end. */
    quarterlyReportDay: z._default(dayOfMonth(), 27),
    numbering: z._default(z.partialRecord(ContentKindSchema, z.string()), {}),
    /** The wording of an item whose number covers several kinds (Kiên Giang 06-HD §III.3.4), by number. */
    itemLabels: z._default(z.record(z.string(), z.string()), {}),
  })
  .check(
    z.superRefine((policy, ctx) => {
      if (policy.period.start > policy.period.end) {
        ctx.addIssue({ code: 'custom', path: ['period'], message: 'Ngày bắt đầu kỳ phải trước ngày kết thúc kỳ.' });
      }
      const rules = [policy.rounds.rule, ...Object.values(policy.rounds.byGroup)];
      for (const rule of rules) {
        if (rule && rule.minDays !== null && rule.maxDays !== null && rule.minDays > rule.maxDays) {
          ctx.addIssue({
            code: 'custom',
            path: ['rounds'],
            message: `Số ngày tối thiểu của một đợt (${rule.minDays}) lớn hơn số ngày tối đa (${rule.maxDays}).`,
          });
        }
      }
    }),
  );
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export function roundRuleFor(policy: Policy, group: z.infer<typeof CadreGroupSchema>): RoundRule {
  return policy.rounds.byGroup[group] ?? policy.rounds.rule;
}

/**
 * Whether a round of `length` days (declared days, or the window when blank) is within the rule's bounds: Kiên Giang
 * 06-HD §III.1 asks for 5–7 days. The evaluation and the trip form both judge a round by this one rule.
 */
export function roundLengthOk(rule: RoundRule, length: number): boolean {
  return (rule.minDays === null || length >= rule.minDays) && (rule.maxDays === null || length <= rule.maxDays);
}
