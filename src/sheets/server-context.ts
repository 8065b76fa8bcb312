import { yearOf, type CalendarDate } from '../core/calendar-date';
import type { LogStore, Mailer } from './email-send';
import type { TriggerState } from './schedule-status';
import { loadSettings, type LoadedSettings, type SettingsStore } from './settings-store';
import type { TabSource, Workbook } from './workbook';
import { analyze, type Analysis } from './workflow';

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

/**
 * The daily email schedule as the host keeps it: in Sheets one time-driven trigger in the user's account (src/gas/
 * schedule.ts); in the preview a flag in memory.
 */
export interface TriggerPort {
  /** The schedule's state as the settings page shows it, given whether Cài đặt has it on. */
  state(enabled: boolean): TriggerState;
  /** Whether an installation is on record (turning the schedule off deletes the record). */
  hasInstallRecord(): boolean;
  /** Installs exactly one daily trigger for the current user (replacing ours). */
  install(): void;
  remove(): void;
}

/** What only the host of the pages can do: show and select in the spreadsheet, send email, keep the schedule. */
export interface PageHost {
  /** Brings a tab to the front (Sheets); the preview has no tabs to show. */
  showTab(tab: string): void;
  /** Selects these 1-based rows of a tab, so the person sees them; returns how many rows were selected. */
  selectRows(tab: string, rows: readonly number[]): number;
  mailer: Mailer;
  sentLog: LogStore;
  /** Linked at the end of every email; null where there is no spreadsheet URL (the preview). */
  spreadsheetUrl: string | null;
  trigger: TriggerPort;
  /**
   * What "Kiểm tra môi trường" stored (its report and the latest time-driven run's context, as raw JSON the page's
   * schemas read); absent where there is no such check (the preview).
   */
  selfCheck?: () => { report: unknown; trigger: unknown };
}

/** The context of a server function a page calls (src/sheets/server-functions.ts). */
export interface PageContext extends ServerContext {
  host: PageHost;
}

/** The stored settings for the context's year (DocumentProperties in Sheets, memory in the preview and the tests). */
export function storedSettings(ctx: ServerContext): LoadedSettings {
  return loadSettings(ctx.settings, yearOf(ctx.today));
}

export interface Analyzed {
  analysis: Analysis;
  stored: LoadedSettings;
  /** The stored settings' warning, the Cài đặt tab's problems and the tabs not read, to show the person. */
  warnings: string[];
}

/**
 * The one way an action reads the workbook: stored settings → workbook → analysis. In Sheets, call it inside the
 * document lock when the action writes what it read (src/gas/context.ts withDocumentLock).
 */
export function analyzeContext(ctx: ServerContext, options: { withNotes?: boolean; stored?: LoadedSettings; source?: TabSource } = {}): Analyzed {
  const stored = options.stored ?? storedSettings(ctx);
  const analysis = analyze(options.source ?? ctx.workbook, { settings: stored.settings, today: ctx.today, withNotes: options.withNotes });
  return { analysis, stored, warnings: warningsOf(stored, analysis) };
}

/** What to show the person after a read: the stored settings' warning, the Cài đặt tab's problems, the tabs not read. */
export function warningsOf(stored: LoadedSettings, analysis: Analysis): string[] {
  return [...(stored.warning ? [stored.warning] : []), ...analysis.settingsProblems, ...analysis.notices];
}
