import type { Probe, SelfCheckReport } from '../../sheets/pages/self-check';
import { gasContext, runAction, withDocumentLock } from '../context';
import { emailProbe, localeProbe, mailProbe, metadataProbe, propertiesProbe, rulesProbe, safely, scopesProbe, triggerProbe } from './probes';
import { storeReport } from './store';
import { selfCheckTexts as T } from './texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The probes that need a tab of their own run on a scratch tab, which is deleted afterwards whatever happened; a tab
 * left over (it could not be deleted) is named in the rules probe, so nothing of ours stays unnoticed.
 */
function onScratchTab(spreadsheet: Spreadsheet, nonce: string, run: (sheet: Sheet) => Probe[]): Probe[] {
  const name = T.scratchTab(nonce);
  const sheet = spreadsheet.insertSheet(name);
  let probes: Probe[];
  try {
    probes = run(sheet);
  } finally {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // Named below.
    }
  }
  const leftover = spreadsheet
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith(name) || n === `Copy of ${name}`);
  if (leftover.length === 0) return probes;
  return probes.map((p) => (p.id === 'rules' ? { ...p, ok: false, detail: `${p.detail} ${T.rules.leftover(leftover)}`, advice: T.rules.advice } : p));
}

/** Every probe, in the order the report shows them. */
export function runSelfCheck(spreadsheet: Spreadsheet, user: string, now: Date): SelfCheckReport {
  const nonce = Utilities.getUuid().slice(0, 8);
  const scratch = onScratchTab(spreadsheet, nonce, (sheet) => [
    safely('rules', T.rules.title, T.rules.advice, () => rulesProbe(spreadsheet, sheet)),
    safely('metadata', T.metadata.title, T.metadata.advice, () => metadataProbe(spreadsheet, sheet, nonce)),
  ]);
  const probes: Probe[] = [
    safely('scopes', T.scopes.title, T.scopes.advice, scopesProbe),
    safely('email', T.email.title, T.email.advice, emailProbe),
    safely('locale', T.locale.title, T.locale.advice, () => localeProbe(spreadsheet)),
    ...scratch,
    safely('trigger', T.trigger.title, T.trigger.cannotAdvice, () => triggerProbe(spreadsheet)),
    safely('properties', T.properties.title, T.properties.advice, propertiesProbe),
    safely('mail', T.mail.title, T.mail.advice, mailProbe),
  ];
  return { at: now.toISOString(), by: user, probes };
}

/** Menu "Trợ giúp › Kiểm tra môi trường": runs every probe under the document lock, keeps the report, and says it. */
export function selfCheckAction(): void {
  runAction(T.title, () => {
    const ctx = gasContext();
    ctx.workbook.toast(T.running, T.title, -1);
    const report = withDocumentLock(() => runSelfCheck(ctx.spreadsheet, ctx.user, new Date()));
    let stored = true;
    try {
      storeReport(report);
    } catch {
      stored = false;
    }
    const ui = SpreadsheetApp.getUi();
    const lines = report.probes.map((p) => T.line(p.ok, p.title, p.detail, p.advice));
    ui.alert(T.title, T.summary(lines, stored), ui.ButtonSet.OK);
  });
}
