import type { CalendarDate } from '../core/calendar-date';
import type { SettingsStore } from './settings-store';
import type { Workbook } from './workbook';

/**
 * What a server action needs, whatever runs it: the Apps Script entry points (src/gas) build it from
 * SpreadsheetApp/PropertiesService; the local preview and the tests build it over the in-memory workbook.
 */
export interface ServerContext {
  workbook: Workbook;
  settings: SettingsStore;
  /** Today's calendar date in Asia/Ho_Chi_Minh (read from the clock at the edge, never in core). */
  today: CalendarDate;
  /** The active user's email, '' when unknown. */
  user: string;
}
