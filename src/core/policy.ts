import { lazy } from './lazy';
import * as z from './zod-vi';
import { CadreGroupSchema, ContentKindSchema } from './vocabulary';

/**
 * The rules that differ between provinces, as data: a preset (presets.ts) is one province's document, whole; a custom
 * policy is a preset plus overrides (resolvePolicy). Nothing in evaluation hard-codes a number that appears here.
 */

const monthDay = lazy(() =>
  z.string().check(
    z.regex(/^\d{2}-\d{2}$/, { message: 'Ngày trong năm phải có dạng MM-DD, ví dụ 12-31.' }),
    z.refine(
      (s) => {
        const month = Number(s.slice(0, 2));
        const day = Number(s.slice(3, 5));
        return month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
      },
      { message: 'Ngày trong năm không tồn tại.' },
    ),
  ),
);
export const MonthDaySchema = monthDay;

const days = (what: string) =>
  z
    .number({ message: `${what} phải là một số.` })
    .check(
      z.int({ message: `${what} phải là số nguyên.` }),
      z.gte(0, { message: `${what} không được âm.` }),
      z.lte(366, { message: `${what} không vượt quá 366 ngày.` }),
    );

/** A whole day of the month (1–31) or 'last'. */
export const DayOfMonthSchema = lazy(() => z.union([z.number().check(z.int(), z.gte(1), z.lte(31)), z.literal('last')]));

export const RoundRuleSchema = lazy(() =>
  z.object({
    /** Trips of these kinds can be a required round. */
    kinds: z.array(ContentKindSchema).check(z.minLength(1, { message: 'Cần ít nhất một nội dung được tính là đợt.' })),
    minDays: z.nullable(days('Số ngày tối thiểu của một đợt')),
    maxDays: z.nullable(days('Số ngày tối đa của một đợt')),
  }),
);
export type RoundRule = z.infer<typeof RoundRuleSchema>;

export const RoundsPolicySchema = lazy(() =>
  z.object({
    /** How many valid rounds a cadre needs; 0 = no requirement beyond the days. */
    count: z.number().check(z.int(), z.gte(0, { message: 'Số đợt bắt buộc không được âm.' }), z.lte(12, { message: 'Số đợt bắt buộc tối đa là 12.' })),
    /** How the round is named in messages: "chuyên đề", "“cùng ăn, cùng ở, cùng làm”". */
    label: z.string().check(z.minLength(1)),
    /** What a cadre short of rounds lacks, in the verdict's words: "Thiếu chuyên đề", "Thiếu đợt “3 cùng”". */
    noun: z.string().check(z.minLength(1)),
    rule: RoundRuleSchema,
    /** A different rule for a group, e.g. Tây Ninh's Chuyên viên: rounds of phối hợp/chi đoàn, each ≥ 30 days. */
    byGroup: z._default(z.partialRecord(CadreGroupSchema, RoundRuleSchema), {}),
    /** Kiên Giang 06-HD §III.1: "không thực hiện 02 đợt liên tiếp". */
    notBackToBack: z.boolean(),
  }),
);

export const DeadlineDateSchema = lazy(() =>
  z.discriminatedUnion('type', [
    /** Once a year: month-day, in the policy year or the year before (yearOffset -1). */
    z.object({ type: z.literal('yearly'), monthDay, yearOffset: z._default(z.union([z.literal(0), z.literal(-1)]), 0) }),
    /** Every quarter: a day of the quarter's first or last month; 'last' = that month's last day. */
    z.object({
      type: z.literal('quarterly'),
      monthOfQuarter: z.union([z.literal(1), z.literal(3)]),
      day: DayOfMonthSchema,
    }),
  ]),
);
export type DeadlineDate = z.infer<typeof DeadlineDateSchema>;

export const DEADLINE_KINDS = ['registration', 'approval', 'report'] as const;

export const DeadlineSchema = lazy(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    /** What is due, as the document says it: "Gửi đăng ký đi cơ sở đợt 1". The period ("quý II năm 2023") is added. */
    label: z.string().check(z.minLength(1)),
    /** Registration (a cadre's or a Ban's), the standing committee's approval, or a results report. */
    kind: z.enum(DEADLINE_KINDS),
    /** The form the document names for it (seed 001's mẫu 1, 2, 3); null where the document names none. */
    form: z._default(z.nullable(z.enum(['mau1', 'mau2', 'mau3'])), null),
    when: DeadlineDateSchema,
    /** "trước ngày mùng 5" (Hà Nam): the date itself is already late. Otherwise the date is the last day on time. */
    before: z._default(z.boolean(), false),
    /** The part of the year whose trips it covers (month-days); null = the quarter (quarterly) or the whole period. */
    covers: z._default(z.nullable(z.object({ start: monthDay, end: monthDay })), null),
    /**
     * A year the document sets apart: a date (Kiên Giang 2023 registered Đợt 1 in May 2023), or null where the
     * deadline does not apply that year.
     */
    byYear: z._default(z.record(z.string().check(z.regex(/^\d{4}$/)), z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)))), {}),
  }),
);
export type Deadline = z.infer<typeof DeadlineSchema>;

/** One reason the document lets a cadre off the policy (06-HD §II, 001 §II.2): its words, and what people write for it. */
export const ExemptionItemSchema = lazy(() =>
  z.object({
    /** As the document writes it: "Cán bộ làm kế toán". */
    label: z.string().check(z.minLength(1)),
    /** Phrases (any case, with or without accents) that name this item in a roster cell: "ke toan". */
    words: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  }),
);
export type ExemptionItem = z.infer<typeof ExemptionItemSchema>;

export const ExemptionsSchema = lazy(() =>
  z.object({
    /** The document's closed list; empty where it lists none. */
    items: z.array(ExemptionItemSchema),
    /** Where the list is: "Hướng dẫn 06-HD/TĐTN-BTCKT, mục II". */
    source: z.string(),
    /** An exemption must cite a decision (a văn bản) to count: Hà Nam 2022 lists no exemption of its own. */
    needsDocument: z.boolean(),
    /** Kiên Giang 06-HD §II: "cán bộ từ 20 năm trở lên công tác tại cơ quan Tỉnh đoàn", derived from Ngày bắt đầu. */
    yearsAtOffice: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(60))),
  }),
);
export type Exemptions = z.infer<typeof ExemptionsSchema>;

/** One place level the trips must reach (06-HD §III.2 "phải đi cơ sở ở cấp huyện, cấp cơ sở"), met by any of `levels`. */
export const RequiredLevelSchema = lazy(() =>
  z.object({
    /** As the verdict names it: "cấp huyện". */
    label: z.string().check(z.minLength(1)),
    /** The Cấp values (of `levels`) that meet it. */
    levels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  }),
);
export type RequiredLevel = z.infer<typeof RequiredLevelSchema>;

/** The document forms cite: "(Kèm theo Hướng dẫn số 06-HD/TĐTN-BTCKT, ngày 10/3/2023 của Ban Thường vụ Tỉnh đoàn)". */
export const PolicyDocumentSchema = lazy(() =>
  z.object({
    /** "Hướng dẫn", "Kế hoạch". */
    kind: z.string().check(z.minLength(1)),
    /** "06-HD/TĐTN-BTCKT"; '' where the document's number is not known (the forms leave a blank to fill in). */
    number: z.string(),
    /** ISO date, or ''. */
    date: z.string(),
  }),
);
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** How the year ends: Kiên Giang 06-HD §V's three-level rating, or completion (Tây Ninh 2023, Hà Nam 2022). */
export const VERDICT_KINDS = ['rating', 'completion'] as const;
export const VerdictKindSchema = lazy(() => z.enum(VERDICT_KINDS));
export type VerdictKind = z.infer<typeof VerdictKindSchema>;

export const PolicySchema = lazy(() =>
  z
    .object({
      minDays: days('Số ngày tối thiểu'),
      period: z.object({ start: monthDay, end: monthDay }),
      rounds: RoundsPolicySchema,
      /** Advice only (Tây Ninh plan §II.2): the kinds each group should focus on. */
      focusByGroup: z._default(z.partialRecord(CadreGroupSchema, z.array(ContentKindSchema)), {}),
      /** Kiên Giang 06-HD §III.2: the year's trips must include a chi đoàn meeting (a requirement like the days). */
      requireChiDoan: z._default(z.boolean(), false),
      /** Kiên Giang 06-HD §III.2: the levels the trips must reach; empty = none. */
      requiredLevels: z._default(z.array(RequiredLevelSchema), []),
      /** Place levels ("Cấp") offered in the sheet; since 2025 local government has two levels. */
      levels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      /** Some provinces split the days by level (30 at chi đoàn, 20 at commune…); empty = no split. */
      minDaysByLevel: z._default(z.record(z.string(), days('Số ngày tối thiểu theo cấp')), {}),
      /** Shrink required days for cadres who join mid-period or are exempt for part of it. */
      proRating: z._default(z.boolean(), false),
      verdict: VerdictKindSchema,
      /** Xuất sắc needs a chuyên đề report scored at least this (Kiên Giang 06-HD §V.2: 80/100). */
      excellentScore: z._default(z.number().check(z.gte(0), z.lte(100)), 80),
      exemptions: ExemptionsSchema,
      /** The calendar the document sets: registrations, approvals, results reports. */
      deadlines: z._default(z.array(DeadlineSchema), []),
      /**
       * Kiên Giang 06-HD §IV.2 "Không xem xét, phê duyệt đăng ký đối với các phòng, ban gửi sau thời gian quy định": a
       * registration the Ban sent after its deadline is not approved, unless an urgent-task decision is recorded.
       */
      lateRegistrationsRefused: z._default(z.boolean(), false),
      /**
       * The quarterly summary email's day of the quarter's last month (users asked for it under every preset): null =
       * the document's own quarterly report day where it has one, else the 27th.
       */
      summaryDay: z._default(z.nullable(DayOfMonthSchema), null),
      /** The department that compiles the Bans' lists and reports (Ban Xây dựng Đoàn in Hà Nam 2022, seed 000). */
      compilingDepartment: z.string().check(z.minLength(1)),
      document: PolicyDocumentSchema,
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
    ),
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

/** The document's own quarterly report: its day of the quarter's last month, or null where it has none (Kiên Giang). */
export function documentQuarterlyReportDay(policy: Policy): number | 'last' | null {
  const quarterly = policy.deadlines.find((d) => d.kind === 'report' && d.when.type === 'quarterly' && d.when.monthOfQuarter === 3);
  return quarterly && quarterly.when.type === 'quarterly' ? quarterly.when.day : null;
}

/** The day the quarterly summary email goes: the setting, else the document's quarterly report day, else the 27th. */
export function summaryDayOf(policy: Policy): number | 'last' {
  return policy.summaryDay ?? documentQuarterlyReportDay(policy) ?? 27;
}
