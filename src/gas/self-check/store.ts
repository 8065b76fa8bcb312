import type { SelfCheckReport, TriggerContext } from '../../sheets/pages/self-check';

/**
 * Where "Kiểm tra môi trường" keeps what it found: the report in the document's properties (everyone who opens
 * Cài đặt sees it), and the latest time-driven run's context there too, or, when that run could not reach the
 * document's properties, in the user's own, under the spreadsheet's id.
 */
const REPORT_KEY = 'dicoso.selfCheck.v1';
const TRIGGER_KEY = 'dicoso.selfCheck.trigger.v1';
/** A report stays far below the 9 KB a property value holds. */
const MAX_TEXT = 600;

function parse(raw: string | null | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function storeReport(report: SelfCheckReport): void {
  const short = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);
  const probes = report.probes.map((p) => ({ ...p, detail: short(p.detail), advice: short(p.advice) }));
  PropertiesService.getDocumentProperties().setProperty(REPORT_KEY, JSON.stringify({ ...report, probes }));
}

/** Records a time-driven run's context where it can: the document's properties, else the user's. */
export function storeTriggerContext(context: TriggerContext, spreadsheetId: string | null): void {
  const json = JSON.stringify(context);
  const document = PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null;
  if (document) document.setProperty(TRIGGER_KEY, json);
  else if (spreadsheetId) PropertiesService.getUserProperties().setProperty(`${TRIGGER_KEY}.${spreadsheetId}`, json);
  else console.error(`[dicoso] trigger context not recorded (no document properties, no spreadsheet): ${json}`);
}

/** What the settings page shows: the report and the newer of the two trigger records, as raw JSON. */
export function readSelfCheck(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): { report: unknown; trigger: unknown } {
  const document = PropertiesService.getDocumentProperties();
  const report = parse(document.getProperty(REPORT_KEY));
  const inDocument = parse(document.getProperty(TRIGGER_KEY)) as { at?: string } | null;
  const inUser = parse(PropertiesService.getUserProperties().getProperty(`${TRIGGER_KEY}.${spreadsheet.getId()}`)) as { at?: string } | null;
  const trigger = String(inUser?.at ?? '') > String(inDocument?.at ?? '') ? inUser : inDocument;
  return { report, trigger };
}
