import * as z from './zod-vi';
import { isCalendarDate, type CalendarDate } from './calendar-date';
import { CadreGroupSchema, ContentKindSchema, TripStatusSchema } from './vocabulary';

/** The records the rules work on, read from the sheets once (read-roster.ts, read-trips.ts). */

export const CalendarDateSchema = z.custom<CalendarDate>((v) => isCalendarDate(v), {
  message: 'Ngày phải có dạng YYYY-MM-DD.',
});

export const DateWindowSchema = z.object({ from: CalendarDateSchema, to: CalendarDateSchema });
export type DateWindow = z.infer<typeof DateWindowSchema>;

export const CadreSchema = z.object({
  /** Position in the roster list (0-based). Trips point to cadres by it. */
  index: z.number().check(z.int()),
  /** Spreadsheet row (1-based). */
  row: z.number().check(z.int()),
  /** As written on the roster, trimmed. */
  name: z.string(),
  position: z.string(),
  ban: z.string(),
  group: CadreGroupSchema,
  email: z.string(),
  /** The reason the policy does not apply, or null. */
  exemption: z.nullable(z.string()),
  /** A dated exemption ("nghỉ thai sản từ 01/3/2023 đến 31/8/2023"); used only when pro-rating is on. */
  exemptionWindow: z.nullable(DateWindowSchema),
  /** The written approval that waives the chuyên đề requirement, or null. */
  waiver: z.nullable(z.string()),
  startDate: z.nullable(CalendarDateSchema),
});
export type Cadre = z.infer<typeof CadreSchema>;

export const TripSchema = z.object({
  row: z.number().check(z.int()),
  cadre: z.number().check(z.int()),
  kind: ContentKindSchema,
  /** The row's item covers several kinds and its own words did not say which (a bare Kiên Giang 3.4). */
  kindUnclear: z.boolean(),
  detail: z.string(),
  /** Declared days (Số ngày); null = the whole window. */
  declaredDays: z.nullable(z.number().check(z.int(), z.positive())),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  place: z.string(),
  level: z.string(),
  status: TripStatusSchema,
  registeredOn: z.nullable(CalendarDateSchema),
  confirmed: z.nullable(z.boolean()),
  reported: z.nullable(z.boolean()),
  score: z.nullable(z.number()),
  evidence: z.nullable(z.string()),
  result: z.string(),
});
export type Trip = z.infer<typeof TripSchema>;

/** Which optional process columns the trips tab has: the rating says which checks it could not make. */
export interface ProcessColumns {
  registeredOn: boolean;
  confirmed: boolean;
  reported: boolean;
  score: boolean;
  evidence: boolean;
}

/** The policy period of a year, as calendar dates. */
export interface Period {
  start: CalendarDate;
  end: CalendarDate;
}
