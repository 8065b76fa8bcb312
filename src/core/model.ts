import type { CalendarDate } from './calendar-date';
import type { CadreGroup, ContentKind, TripStatus } from './vocabulary';

/**
 * The records the rules work on, read from the sheets once (read-roster.ts, read-trips.ts). Plain types: they are
 * built by the readers, never parsed, so no schema of them is bundled into Code.js.
 */

export interface DateWindow {
  from: CalendarDate;
  to: CalendarDate;
}

export interface Cadre {
  /** Position in the roster list (0-based). Trips point to cadres by it. */
  index: number;
  /** Spreadsheet row (1-based). */
  row: number;
  /** As written on the roster, trimmed. */
  name: string;
  position: string;
  ban: string;
  group: CadreGroup;
  email: string;
  /** The reason the policy does not apply, or null. */
  exemption: string | null;
  /** A dated exemption ("nghỉ thai sản từ 01/3/2023 đến 31/8/2023"); used only when pro-rating is on. */
  exemptionWindow: DateWindow | null;
  /** The written approval that waives the chuyên đề requirement, or null. */
  waiver: string | null;
  startDate: CalendarDate | null;
}

export interface Trip {
  row: number;
  cadre: number;
  kind: ContentKind;
  /** The row's item covers several kinds and its own words did not say which (a bare Kiên Giang 3.4). */
  kindUnclear: boolean;
  detail: string;
  /** Declared days (Số ngày), a positive whole number; null = the whole window. */
  declaredDays: number | null;
  from: CalendarDate;
  to: CalendarDate;
  place: string;
  level: string;
  status: TripStatus;
  registeredOn: CalendarDate | null;
  confirmed: boolean | null;
  reported: boolean | null;
  score: number | null;
  evidence: string | null;
  result: string;
}

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
