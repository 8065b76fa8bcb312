import { findTab } from '../core/columns';
import { issueCounts } from '../core/issues';
import { UserError } from '../core/user-error';
import { storedSettings, warningsOf } from '../sheets/server-context';
import { removeOurMarks, rowsLeftOut, runCheck, type Analysis } from '../sheets/workflow';
import { liveCheck } from '../sheets/live-check';
import { DASHBOARD_TAB, provinceCounts } from '../core/forms/dashboard';
import { isYearEnd, verdictGroupLabel, verdictsOf } from '../core/verdict';
import { gasContext, runAction, tell, withDocumentLock, type GasContext } from './context';
import { checkLocale, setUpSpreadsheet, VIETNAM_LOCALE } from './setup';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { MENU, texts, TITLE } from './texts';

/** Pages bundled into dist/gas by scripts/build-ui.mjs, by file name (without .html). */
export const PAGES = {
  progress: { file: 'progress', title: MENU.progress },
  tripForm: { file: 'trip-form', title: MENU.tripForm },
  approvals: { file: 'duyet', title: MENU.approvals },
  forms: { file: 'forms-dialog', title: MENU.forms },
  settings: { file: 'settings', title: MENU.settings },
  help: { file: 'help', title: MENU.help },
} as const;

// ---------------------------------------------------------------- Khởi tạo bảng tính

export function setupAction(): void {
  runAction(MENU.setup, () => {
    const ctx = gasContext();
    const ui = SpreadsheetApp.getUi();
    const localeNote = checkLocale(ctx, ui);
    // The adapter read the zone before a possible change: start from a fresh one.
    const fresh: GasContext = { ...ctx, workbook: new SpreadsheetWorkbook(ctx.spreadsheet) };
    const result = setUpSpreadsheet(fresh);
    ui.alert(texts.setupTitle, texts.setupDone(result.created, result.validated, result.skipped, localeNote), ui.ButtonSet.OK);
  });
}

// ---------------------------------------------------------------- Kiểm tra dữ liệu

export interface CheckCounts {
  /** Cadres by the one verdict, in the words of the tiles and the Tổng hợp tab; verdicts no cadre has are left out. */
  verdicts: { label: string; count: number }[];
  /** Rows an error keeps out of the count (workflow.ts rowsLeftOut), as the Tổng hợp tabs count them. */
  rowsLeftOut: number;
  /** Warnings, each counted (core/issues.ts issueCounts). */
  warnings: number;
}

export function checkCounts(analysis: Analysis): CheckCounts {
  const all = provinceCounts(analysis.evaluation.cadres);
  const verdicts = verdictsOf(analysis.policy, isYearEnd(analysis.today, analysis.period.end))
    .map((v) => ({ label: verdictGroupLabel(v, analysis.policy), count: all.counts[v] }))
    .filter((v) => v.count > 0);
  return { verdicts, rowsLeftOut: rowsLeftOut(analysis), warnings: issueCounts(analysis.issues).warnings };
}

/** The rows under the trips tab's header, as the "checking" toast counts them. */
function rowsToCheck(analysis: Analysis): number {
  return Math.max(0, analysis.raw.trips.values.length - (analysis.trips.table?.firstDataIndex ?? 0));
}

export function checkAction(): void {
  runAction(MENU.check, () => {
    const ctx = gasContext();
    const toastRows = (read: Analysis) => ctx.workbook.toast(texts.checking(rowsToCheck(read)), TITLE, -1);
    const { analysis, stored } = withDocumentLock(() => {
      // Said before the read (a large tab takes seconds); the count follows once the header is found.
      ctx.workbook.toast(texts.reading, TITLE, -1);
      const stored = storedSettings(ctx);
      return { stored, analysis: runCheck(ctx.workbook, { settings: stored.settings, today: ctx.today }, toastRows) };
    });
    const { dashboardTab } = analysis;
    const warnings = warningsOf(stored, analysis);
    ctx.workbook.toast(texts.checked(checkCounts(analysis)), texts.checkedTitle, 15);
    const locale = ctx.spreadsheet.getSpreadsheetLocale();
    const problems = [
      ...(dashboardTab !== DASHBOARD_TAB ? [texts.checkedRenamed(DASHBOARD_TAB, dashboardTab)] : []),
      ...warnings,
      ...(locale === VIETNAM_LOCALE ? [] : [texts.localeWarning(locale)]),
    ];
    if (problems.length) tell(MENU.check, texts.settingsProblems(problems));
  });
}

// ---------------------------------------------------------------- Xóa đánh dấu của tiện ích

/** Takes every mark of ours off the spreadsheet, after asking whether our generated tabs go too. */
export function clearMarksAction(): void {
  runAction(MENU.clearMarks, () => {
    const ctx = gasContext();
    const ui = SpreadsheetApp.getUi();
    const generated = ctx.workbook.generatedTabs();
    const answer = ui.alert(texts.clearTitle, texts.clearQuestion(generated), generated.length ? ui.ButtonSet.YES_NO_CANCEL : ui.ButtonSet.OK_CANCEL);
    if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
    const done = withDocumentLock(() => removeOurMarks(ctx.workbook, { deleteGenerated: generated.length > 0 && answer === ui.Button.YES }));
    ui.alert(texts.clearTitle, texts.clearDone(done.tabs, done.deleted), ui.ButtonSet.OK);
  });
}

// ---------------------------------------------------------------- pages

/**
 * A page from dist/gas. A page the build did not produce (the sidebars ship separately) gives a clear message, not
 * the platform's "No HTML file named … was found".
 */
function page(file: string, title: string, extraScript?: string): GoogleAppsScript.HTML.HtmlOutput {
  let output: GoogleAppsScript.HTML.HtmlOutput;
  try {
    output = HtmlService.createHtmlOutputFromFile(file);
  } catch (error) {
    console.error(`[${TITLE}] page ${file}.html: ${error instanceof Error ? error.message : String(error)}`);
    throw new UserError(texts.pageMissing(title, file));
  }
  if (extraScript) {
    // Before the page's own scripts, so they can read it on load; after <head> to keep the doctype first.
    const script = `<script>${extraScript}</script>`;
    const content = output.getContent();
    const withScript = /<head[^>]*>/i.test(content) ? content.replace(/<head[^>]*>/i, (m) => m + script) : script + content;
    output = HtmlService.createHtmlOutput(withScript);
  }
  return output.setTitle(title);
}

function showSidebar(p: { file: string; title: string }): void {
  SpreadsheetApp.getUi().showSidebar(page(p.file, p.title));
}

export function progressAction(): void {
  runAction(MENU.progress, () => showSidebar(PAGES.progress));
}

export function tripFormAction(): void {
  runAction(MENU.tripForm, () => showSidebar(PAGES.tripForm));
}

export function approvalsAction(): void {
  runAction(MENU.approvals, () => showSidebar(PAGES.approvals));
}

export function settingsAction(): void {
  runAction(MENU.settings, () => showSidebar(PAGES.settings));
}

/** The forms dialog, told which form to make through `window.__FORM__` ('mau1', 'mau2' or 'mau3'). */
export function formDialogAction(form: 'mau1' | 'mau2' | 'mau3'): void {
  const title = MENU[form];
  runAction(title, () => {
    const html = page(PAGES.forms.file, title, `window.__FORM__=${JSON.stringify(form)};`)
      .setWidth(460)
      .setHeight(420);
    SpreadsheetApp.getUi().showModalDialog(html, texts.formDialogTitle(form));
  });
}

export function helpAction(): void {
  runAction(MENU.help, () => {
    const html = page(PAGES.help.file, PAGES.help.title).setWidth(520).setHeight(480);
    SpreadsheetApp.getUi().showModalDialog(html, `${MENU.help} – ${TITLE}`);
  });
}

// ---------------------------------------------------------------- live check (simple trigger)

/** How long the live check waits for a running check before leaving the rows to it. */
const EDIT_LOCK_WAIT_MS = 2_000;

/**
 * The onEdit simple trigger: re-checks the edited rows of the trips or roster tab and every row of the cadres they
 * concern, reading only those rows (sheets/live-check.ts). Silent in AuthMode.NONE, on other tabs, and on any
 * problem: a person typing must not get an alert per keystroke. A fixed number of calls, whatever the size of the tabs.
 */
export function onEditCheck(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  if (!e || !e.range || String(e.authMode) === 'NONE') return;
  try {
    const spreadsheet = e.source ?? SpreadsheetApp.getActive();
    const tabName = e.range.getSheet().getName();
    const role = findTab([tabName], 'trips') ? 'trips' : findTab([tabName], 'roster') ? 'roster' : null;
    if (!role) return;
    const edit = { tab: tabName, row: e.range.getRow(), rows: e.range.getNumRows(), column: e.range.getColumn(), columns: e.range.getNumColumns() };

    const ctx = gasContext(spreadsheet);
    // Read inside the lock: a check running meanwhile must not leave us writing what we read before it wrote.
    withDocumentLock(() => liveCheck(ctx.workbook, { settings: storedSettings(ctx).settings, today: ctx.today }, edit), EDIT_LOCK_WAIT_MS);
  } catch (error) {
    // A UserError here (no roster, a renamed header…) is what "Kiểm tra dữ liệu" will explain; stay quiet.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof Error && error.name === 'UserError') console.info(`[${TITLE}] onEdit: ${message}`);
    else console.error(`[${TITLE}] onEdit failed: ${message}\n${error instanceof Error ? (error.stack ?? '') : ''}`);
  }
}
