import type { CalendarDate } from '../core/calendar-date';
import type { Evaluation } from '../core/evaluate';
import type { PlacedIssue } from '../core/issues';
import type { Period } from '../core/model';
import type { Policy } from '../core/policy';
import type { RosterRead } from '../core/read-roster';
import type { TripsRead } from '../core/read-trips';
import type { Settings } from '../core/settings';
import type { SheetSettingRow } from '../core/settings-tab';
import type { YearElsewhere } from '../core/sheet-year';
import type { TabData } from './workbook';

// Apart from workflow.ts (which makes it, and exports it too) so that the modules that read an analysis, such as
// ban-issues.ts, do not import the workflow that imports them.

/** Everything one run knows: the inputs as read, the rules, the evaluation. Computed once per action. */
export interface Analysis {
  settings: Settings;
  policy: Policy;
  presetTitle: string;
  year: number;
  today: CalendarDate;
  period: Period;
  tabs: { roster: string; trips: string };
  roster: RosterRead;
  trips: TripsRead;
  evaluation: Evaluation;
  /** Every row issue, roster and trips, sorted by tab and row. */
  issues: PlacedIssue[];
  /** Problems in the Cài đặt tab (the run goes on with the other settings). */
  settingsProblems: string[];
  /** What the run did not take in: tabs named like the roster or the trips tab that were not read (only one of each
   * is), trips of another year than the one checked. */
  notices: string[];
  /** Set when most trips lie outside the period checked: the year they lie in (one of the notices says so). */
  yearElsewhere: YearElsewhere | null;
  /** The Cài đặt tab's rows that took effect, in tab order. */
  sheetSettings: SheetSettingRow[];
  /** The Cài đặt tab's name as found, or null when there is none. */
  settingsTab: string | null;
  /** Raw tab data kept for annotation (values and notes as read). */
  raw: { roster: TabData; trips: TabData };
}
