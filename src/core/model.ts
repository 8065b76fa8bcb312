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
  /** The reason the policy does not apply, from the preset's closed list (or derived from Ngày bắt đầu), or null. */
  exemption: string | null;
  /** A dated exemption ("nghỉ thai sản từ 01/3/2023 đến 31/8/2023"); used only when pro-rating is on. */
  exemptionWindow: DateWindow | null;
  /** The written approval that waives the chuyên đề requirement, or null. */
  waiver: string | null;
  startDate: CalendarDate | null;
  /** The standing unit's written reminder (06-HD §V.2 "có văn bản nhắc nhở"), as typed, or null. */
  reminder: string | null;
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
  /** The preset's level this trip reached (its Cấp, or the unit its place names), or null when the sheet does not say. */
  placeLevel: string | null;
  status: TripStatus;
  registeredOn: CalendarDate | null;
  /** The Ban Thường vụ's decision for an urgent task (06-HD §IV.1 "nhiệm vụ đột xuất"), as typed, or null. */
  urgent: string | null;
  /** The approval cells (approval.ts): the Ban's, the Thường trực's notice, a return. */
  approval: ApprovalCells;
  confirmed: boolean | null;
  reported: boolean | null;
  score: number | null;
  evidence: string | null;
  result: string;
}

/**
 * The steps of the process the sheet keeps: a column present and filled on at least one row. A step the sheet does
 * not keep is never a reason to fail a cadre; the rating says which checks it could not make (DOMAIN "Rating").
 */
export interface ProcessColumns {
  registeredOn: boolean;
  confirmed: boolean;
  reported: boolean;
  score: boolean;
  evidence: boolean;
  /** The Cấp column (or places whose level can be read): the levels 06-HD §III.2 requires can be checked. */
  level: boolean;
  /** The roster's Văn bản nhắc nhở column. */
  reminder: boolean;
  /** Any approval column (Ban duyệt, Thông báo phê duyệt, Trả lại): the sheet keeps approvals (approval.ts). */
  approval: boolean;
}

/** The policy period of a year, as calendar dates. */
export interface Period {
  start: CalendarDate;
  end: CalendarDate;
}

/** The approval cells of one trip row, as typed (dates read as calendar dates). */
export interface ApprovalCells {
  /** Who approved for the Ban: an account the add-on wrote, or a name someone typed. */
  banBy: string | null;
  banOn: CalendarDate | null;
  noticeNumber: string | null;
  noticeDate: CalendarDate | null;
  returnReason: string | null;
}
