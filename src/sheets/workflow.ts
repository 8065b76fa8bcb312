import type { CalendarDate, Quarter } from '../core/calendar-date';
import { findTab, STATUS_CAPTIONS, TAB_NAMES, tabsForRole } from '../core/columns';
import { tripsYearElsewhere } from '../core/sheet-year';
import { evaluate } from '../core/evaluate';
import { buildDashboard } from '../core/forms/dashboard';
import { formContextOf, type FormContext } from '../core/forms/frame';
import type { Analysis } from './analysis';
import { leftOutTrips } from './ban-issues';
import { rosterHighlights } from '../core/highlights';
import { approvalOf, approvalSentence, type Approval } from '../core/approval';
import { isYearEnd } from '../core/verdict';
import { buildMau1, type Mau1Scope } from '../core/forms/mau1';
import { buildMau2, type Mau2Listing, type Mau2Options } from '../core/forms/mau2';
import { buildMau3, type Mau3Summary } from '../core/forms/mau3';
import { sortIssues } from '../core/issues';
import { messages, settingsMessages } from '../core/messages';
import type { Trip } from '../core/model';
import { PRESETS } from '../core/presets';
import { readRoster } from '../core/read-roster';
import { readTrips, warningColumns } from '../core/read-trips';
import { provinceOf, validateSettings, type Settings } from '../core/settings';
import { applySheetSettings, readSettingsTab, type SheetSettingRow } from '../core/settings-tab';
import type { Table } from '../core/table';
import { UserError } from '../core/user-error';
import { rosterAnnotations, tripAnnotations, unmarking, type TabShape } from './annotate';
import type { RawCell, TabAnnotations, TabData, TabSource, Workbook } from './workbook';
import { visibleValues } from '../core/merges';
import { banKey, createNameIndex, matchName } from '../core/names';
import { pushAll } from '../core/arrays';

export type { Analysis };

export interface AnalyzeOptions {
  /** Stored settings (DocumentProperties in Sheets, defaults + flags in the CLI). The Cài đặt tab overrides them. */
  settings: Settings;
  today: CalendarDate;
  /** Flags given on the command line win over the Cài đặt tab. */
  overrides?: (settings: Settings) => Settings;
  /** Read notes too (needed before annotating). */
  withNotes?: boolean;
}

const EMPTY_TAB: TabData = { values: [], merges: [], ownedColumn: null };

/**
 * A tab's cells as the person sees them, without what is ours: merged cells read as their first cell, and our
 * status column (found by its marker) left out, so a caption of ours is never read as one of the user's columns.
 */
export function userView(data: TabData): RawCell[][] {
  const visible = visibleValues(data.values, data.merges, '' as RawCell);
  if (data.ownedColumn === null) return visible;
  const c = data.ownedColumn - 1;
  return visible.map((row) => (row && c < row.length && row[c] !== '' ? row.map((v, i) => (i === c ? '' : v)) : row));
}

/** Reads the roster, trips and settings tabs (one read each) and evaluates them. Writes nothing. */
export function analyze(workbook: TabSource, options: AnalyzeOptions): Analysis {
  const names = workbook.tabNames();
  const { rosterTab, tripsTab, notices } = inputTabs(names);
  const resolved = resolveSettings(workbook, names, options);
  const { settings, policy } = resolved;
  const year = settings.year;

  const readOptions = options.withNotes ? { notes: true } : {};
  const rosterData = workbook.readTab(rosterTab, readOptions) ?? EMPTY_TAB;
  const tripsData = workbook.readTab(tripsTab, readOptions) ?? EMPTY_TAB;
  const timeZone = workbook.dateTimeZone;
  const roster = readRoster({ tab: rosterTab, values: userView(rosterData) }, { timeZone, year, policy });
  if (!roster.table) throw new UserError(roster.issues[0]!.message);
  const trips = readTrips({ tab: tripsTab, values: userView(tripsData) }, roster.cadres, {
    timeZone,
    year,
    policy,
    today: options.today,
    rosterRowsWithErrors: roster.rowsWithErrors,
  });
  if (!trips.table) throw new UserError(trips.issues[0]!.message);

  const evaluation = evaluate({
    cadres: roster.cadres,
    trips: trips.trips,
    policy,
    year,
    today: options.today,
    processColumns: { ...trips.processColumns, reminder: roster.reminderKept },
    tripsTab,
    tripColumns: warningColumns(trips.table),
  });
  if (roster.exampleRows.length > 0) notices.push(messages.exampleRows(rosterTab, roster.exampleRows));
  if (trips.exampleRows.length > 0) notices.push(messages.exampleRows(tripsTab, trips.exampleRows));
  const rosterBans = new Set(roster.cadres.map((c) => banKey(c.ban)));
  for (const ban of Object.keys(settings.recipients.banLeaders)) if (!rosterBans.has(banKey(ban))) notices.push(messages.unknownLeaderBan(ban, rosterTab));
  const yearElsewhere = tripsYearElsewhere(trips.trips, evaluation.period);
  if (yearElsewhere)
    notices.push(
      messages.yearElsewhere(year, yearElsewhere.year, yearElsewhere.outside, yearElsewhere.total, year !== resolved.yearBeforeFlags, resolved.sheetYear),
    );
  return {
    settings,
    policy,
    presetTitle: PRESETS[settings.preset].title,
    year,
    today: options.today,
    period: evaluation.period,
    tabs: { roster: rosterTab, trips: tripsTab },
    roster,
    trips,
    evaluation,
    issues: sortIssues([...roster.issues, ...trips.issues, ...evaluation.issues]),
    settingsProblems: resolved.problems,
    notices,
    yearElsewhere,
    sheetSettings: resolved.sheetSettings,
    settingsTab: resolved.settingsTab,
    raw: { roster: rosterData, trips: tripsData },
  };
}

/** The roster and trips tabs to read (the first of each role), and a notice for each other tab named like one. */
function inputTabs(names: string[]): { rosterTab: string; tripsTab: string; notices: string[] } {
  const rosterTabs = tabsForRole(names, 'roster');
  const tripsTabs = tabsForRole(names, 'trips').filter((t) => t !== rosterTabs[0]);
  const rosterTab = rosterTabs[0];
  const tripsTab = tripsTabs[0];
  if (!rosterTab) throw new UserError(messages.missingTab('roster', [TAB_NAMES.roster], names));
  if (!tripsTab) throw new UserError(messages.missingTab('trips', [TAB_NAMES.trips], names));
  const notices: string[] = [
    ...rosterTabs
      .slice(1)
      .filter((t) => t !== tripsTab)
      .map((t) => messages.unreadTab(t, 'roster', rosterTab)),
    ...tripsTabs.slice(1).map((t) => messages.unreadTab(t, 'trips', tripsTab)),
  ];
  return { rosterTab, tripsTab, notices };
}

interface ResolvedSettings {
  settings: Settings;
  policy: Analysis['policy'];
  sheetSettings: SheetSettingRow[];
  settingsTab: string | null;
  problems: string[];
  /** The Năm the Cài đặt tab writes, if it writes one: what a notice about --year may point to. */
  sheetYear: number | null;
  /** The year before the command line's flags. */
  yearBeforeFlags: number;
}

/** The stored settings, with the Cài đặt tab laid over them and then the command line's flags, validated. */
function resolveSettings(workbook: TabSource, names: string[], options: AnalyzeOptions): ResolvedSettings {
  const settingsTab = findTab(names, 'settings');
  const problems: string[] = [];
  let settings = options.settings;
  let sheetSettings: SheetSettingRow[] = [];
  if (settingsTab) {
    const read = readSettingsTab(workbook.readTab(settingsTab, { valuesOnly: true })?.values ?? [], workbook.dateTimeZone, settingsTab);
    const applied = applySheetSettings(settings, read, settingsTab);
    settings = applied.settings;
    sheetSettings = applied.applied;
    pushAll(problems, applied.problems);
  }
  const sheetYear = sheetSettings.some((r) => r.paths.includes('year')) ? settings.year : null;
  const yearBeforeFlags = settings.year;
  if (options.overrides) settings = options.overrides(settings);
  const resolved = validateSettings(settings);
  if (!resolved.ok) throw new UserError(settingsMessages.invalid(resolved.errors));
  return { settings: resolved.settings, policy: resolved.policy, sheetSettings, settingsTab, problems, sheetYear, yearBeforeFlags };
}

function shapeOf(analysis: Analysis, role: 'roster' | 'trips'): TabShape {
  const data = analysis.raw[role];
  const table = (role === 'roster' ? analysis.roster.table : analysis.trips.table) as Table<string>;
  return { tab: analysis.tabs[role], table, values: data.values, notes: data.notes ?? [], merges: data.merges, ownedColumn: data.ownedColumn };
}

function rosterAnnotationsOf(analysis: Analysis, onlyRows?: ReadonlySet<number>): TabAnnotations | null {
  const rosterIssues = analysis.issues.filter((i) => i.tab === analysis.tabs.roster);
  const rows = analysis.roster.cadres.map((c) => c.row);
  const highlights = rosterHighlights(analysis.policy.verdict, isYearEnd(analysis.today, analysis.period.end));
  return rosterAnnotations(shapeOf(analysis, 'roster'), rosterIssues, analysis.evaluation.cadres, rows, STATUS_CAPTIONS.roster, highlights, onlyRows);
}

function tripAnnotationsOf(analysis: Analysis, onlyRows?: ReadonlySet<number>): TabAnnotations | null {
  const tripIssues = analysis.issues.filter((i) => i.tab === analysis.tabs.trips);
  const lines = new Map(tripApprovals(analysis).map((t) => [t.trip.row, approvalSentence(t.approval, analysis.policy)]));
  return tripAnnotations(shapeOf(analysis, 'trips'), tripIssues, STATUS_CAPTIONS.trips, onlyRows, lines);
}

/** Writes the status columns, notes and colouring rules on both input tabs, then the dashboard; returns its tab. */
export function writeCheckResults(workbook: Workbook, analysis: Analysis): string {
  const trips = tripAnnotationsOf(analysis);
  if (trips) workbook.annotateTab(trips);
  const roster = rosterAnnotationsOf(analysis);
  if (roster) workbook.annotateTab(roster);
  const registrations = tripApprovals(analysis).map(({ trip, approval }) => ({ ban: analysis.roster.cadres[trip.cadre]!.ban, state: approval.state }));
  return workbook.writeGeneratedTab(buildDashboard(analysis.evaluation, analysis.policy, analysis.today, analysis.presetTitle, registrations));
}

/** The sheet rows a live check rewrites after an edit: the edited rows, and on the roster the cadres they concern. */
export interface EditedRows {
  trips: Set<number>;
  roster: Set<number>;
}

/**
 * The rows to rewrite after `rows` of a tab were edited: an edited trip also changes its cadre's roster row (days,
 * rounds), so that row is rewritten too.
 */
export function editedRowsOf(analysis: Analysis, tab: 'trips' | 'roster', rows: Iterable<number>): EditedRows {
  const out: EditedRows = { trips: new Set(), roster: new Set() };
  for (const r of rows) out[tab].add(r);
  if (tab === 'trips') {
    for (const trip of analysis.trips.trips) {
      if (!out.trips.has(trip.row)) continue;
      const cadre = analysis.roster.cadres[trip.cadre];
      if (cadre) out.roster.add(cadre.row);
    }
  }
  return out;
}

/**
 * The rows whose status text a whole check would change (the caption row included), per input tab: what a check after
 * an edit must rewrite besides the edited rows. Needs no notes: a row whose status text stays has the same issues, so
 * the same notes of ours.
 */
export function rowsWithNewStatus(analysis: Analysis): EditedRows {
  const out: EditedRows = { trips: new Set(), roster: new Set() };
  for (const role of ['trips', 'roster'] as const) {
    const annotations = role === 'trips' ? tripAnnotationsOf(analysis) : rosterAnnotationsOf(analysis);
    if (!annotations) continue;
    const values = analysis.raw[role].values;
    for (const block of annotations.statusCells) {
      block.values.forEach(([text], i) => {
        const r = block.row + i;
        if (String(values[r - 1]?.[annotations.statusColumn - 1] ?? '') !== (text ?? '')) out[role].add(r);
      });
    }
  }
  return out;
}

/**
 * The live check (onEdit): only the given rows' status cells, notes and colours, no dashboard. The analysis is the
 * whole workbook's (a cadre's days depend on every trip); the writes cover the smallest block holding the rows.
 */
export function writeEditedRowResults(workbook: Workbook, analysis: Analysis, rows: EditedRows): void {
  if (rows.trips.size > 0) {
    const trips = tripAnnotationsOf(analysis, rows.trips);
    if (trips) workbook.annotateTab(trips);
  }
  if (rows.roster.size > 0) {
    const roster = rosterAnnotationsOf(analysis, rows.roster);
    if (roster) workbook.annotateTab(roster);
  }
}

/**
 * The main job: read, evaluate, annotate the input tabs and write the dashboard. `onRead` hears what was read before
 * anything is written (the menu check tells the person how many rows it is checking).
 */
export function runCheck(workbook: Workbook, options: AnalyzeOptions, onRead?: (analysis: Analysis) => void): Analysis & { dashboardTab: string } {
  const analysis = analyze(workbook, { ...options, withNotes: true });
  onRead?.(analysis);
  const dashboardTab = writeCheckResults(workbook, analysis);
  return { ...analysis, dashboardTab };
}

export interface Unmarked {
  /** Input tabs whose status column, notes or rules were taken off. */
  tabs: string[];
  /** Generated tabs deleted (only when asked). */
  deleted: string[];
}

/**
 * "Xóa đánh dấu của tiện ích": takes every mark of ours off the input tabs (status columns, our lines in notes, our
 * colouring rules) and, when asked, deletes the tabs we generated. What the user typed or formatted stays as it was.
 */
export function removeOurMarks(workbook: Workbook, options: { deleteGenerated: boolean }): Unmarked {
  const generated = new Set(workbook.generatedTabs());
  const out: Unmarked = { tabs: [], deleted: [] };
  for (const tab of workbook.tabNames()) {
    if (generated.has(tab)) continue;
    const data = workbook.readTab(tab, { notes: true });
    if (!data) continue;
    const plan = unmarking(tab, data.notes ?? [], data.ownedColumn);
    workbook.unmarkTab(plan);
    if (plan.notes.length > 0 || plan.statusColumn !== null) out.tabs.push(tab);
  }
  if (options.deleteGenerated) {
    for (const tab of generated) {
      workbook.deleteGeneratedTab(tab);
      out.deleted.push(tab);
    }
  }
  return out;
}

export function formContext(analysis: Analysis, ban: string | null): FormContext {
  const { settings, policy, year, today } = analysis;
  const leftOut = leftOutTrips(analysis, ban);
  return formContextOf({ province: provinceOf(settings), year, ban, settings, policy, today, cadres: analysis.roster.cadres, leftOut });
}

/** Writes the mẫu 2 tab for a ban (or all) and returns its name: the approved registrations, or all of them (Mau2Listing). */
export function generateMau2(workbook: Workbook, analysis: Analysis, ban: string | null, listing: Mau2Listing = 'approved'): string {
  return workbook.writeGeneratedTab(buildMau2(formContext(analysis, ban), analysis.trips.trips, analysis.policy, mau2Options(analysis, listing)));
}

/** Mẫu 2's options on this sheet: whether it keeps approvals decides whether the listing matters. */
export function mau2Options(analysis: Analysis, listing: Mau2Listing): Mau2Options {
  return { listing, kept: analysis.trips.processColumns.approval };
}

/** Writes mẫu 1 for one cadre or every cadre of a Ban and returns its tab's name and what it lists. */
export function generateMau1(workbook: Workbook, analysis: Analysis, scope: Mau1Scope): { name: string; cadres: number; trips: number } {
  const built = buildMau1(formContext(analysis, 'ban' in scope ? scope.ban : scope.cadre.ban), analysis.trips.trips, analysis.policy, scope);
  return { name: workbook.writeGeneratedTab(built.layout), cadres: built.cadres, trips: built.trips };
}

/** The cadre (by name, as the roster writes it) or the Ban a person named for mẫu 1; null when neither. */
export function mau1ScopeOf(analysis: Analysis, wanted: string): Mau1Scope | null {
  // As a trip's name is read: with or without diacritics; namesakes are not one person.
  const match = matchName(createNameIndex(analysis.roster.cadres), wanted);
  if (match.kind === 'found') return { cadre: analysis.roster.cadres[match.index]! };
  const ban = bansOf(analysis).find((b) => banKey(b) === banKey(wanted));
  return ban ? { ban } : null;
}

/** Writes the mẫu 3 tab for a quarter, for a ban (or all), and returns its name and what it lists. */
export function generateMau3(workbook: Workbook, analysis: Analysis, ban: string | null, quarter: Quarter): { name: string; summary: Mau3Summary } {
  const { layout, summary } = buildMau3(formContext(analysis, ban), analysis.trips.trips, analysis.policy, quarter);
  return { name: workbook.writeGeneratedTab(layout), summary };
}

/** Bans in roster order, as written the first time each appears. */
export function bansOf(analysis: Analysis): string[] {
  const seen = new Map<string, string>();
  for (const c of analysis.roster.cadres) {
    const key = banKey(c.ban);
    if (!seen.has(key)) seen.set(key, c.ban);
  }
  return [...seen.values()];
}

/**
 * Rows with an error that count nowhere until fixed (a trip row the rules could not read, a roster row with no cadre):
 * the one count of "dòng có lỗi (chưa tính)". A roster row whose exemption is refused has an error but its cadre is
 * evaluated, so it is not one of them.
 */
export function rowsLeftOut(analysis: Analysis): number {
  const counted = new Set([
    ...analysis.roster.cadres.map((c) => `${analysis.tabs.roster}:${c.row}`),
    ...analysis.trips.trips.map((t) => `${analysis.tabs.trips}:${t.row}`),
  ]);
  const rows = analysis.issues.filter((i) => i.level === 'error').map((i) => `${i.tab}:${i.row}`);
  return new Set(rows.filter((r) => !counted.has(r))).size;
}

export type TripApproval = { trip: Trip; approval: Approval };

/** Worked out once per reading of the trips: the check's notes, the dashboard and the report each ask for them. */
const approvalsRead = new WeakMap<Analysis['trips'], readonly TripApproval[]>();

/** Each read trip with where its registration stands (approval.ts); every state 'khong-can' where the sheet keeps none. */
export function tripApprovals(analysis: Analysis): readonly TripApproval[] {
  let found = approvalsRead.get(analysis.trips);
  if (!found) {
    const kept = analysis.trips.processColumns.approval;
    found = analysis.trips.trips.map((trip) => ({ trip, approval: approvalOf(trip, kept, analysis.policy, analysis.year) }));
    approvalsRead.set(analysis.trips, found);
  }
  return found;
}
