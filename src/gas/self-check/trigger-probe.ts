import type { TriggerContext } from '../../sheets/pages/self-check';
import { deleteTriggers } from '../schedule';
import { triggerLock, triggerSpreadsheet, type ClockEvent, type DocumentSource } from '../trigger-document';
import { storeTriggerContext } from './store';
import { selfCheckTexts as T } from './texts';

/**
 * What a time-driven trigger's execution reaches of the spreadsheet it was made in, recorded for the settings page:
 * by the self-check's one-off trigger a minute after "Kiểm tra môi trường", and by every daily run.
 */
export function triggerContextOf(
  source: TriggerContext['source'],
  found: DocumentSource,
  lock: 'document' | 'user' | null,
  documentProperties: boolean,
  at: Date,
): TriggerContext {
  const spreadsheet = found !== 'none';
  const ok = spreadsheet && documentProperties && lock !== null;
  const problems = [spreadsheet ? '' : T.trigger.noSpreadsheet, documentProperties ? '' : T.trigger.noProperties, lock ? '' : T.trigger.noLock].filter(Boolean);
  const detail = ok
    ? T.trigger.ok(found === 'active' ? T.trigger.active : T.trigger.opened, lock === 'document' ? T.trigger.documentLock : T.trigger.userLock)
    : problems.join(' ');
  return {
    at: at.toISOString(),
    source,
    ok,
    activeSpreadsheet: found === 'active',
    openedById: found === 'opened',
    documentLock: lock === 'document',
    documentProperties,
    detail,
    advice: ok ? '' : T.trigger.advice,
  };
}

/** The handler of the self-check's one-off trigger (a top-level function of Code.js): records, then removes itself. */
export function selfCheckTriggerProbe(e?: ClockEvent): void {
  let found: DocumentSource = 'none';
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  try {
    ({ spreadsheet, source: found } = triggerSpreadsheet(e));
  } catch (error) {
    console.error(`[dicoso] selfCheckTriggerProbe: ${error instanceof Error ? error.message : String(error)}`);
  }
  const documentProperties = (PropertiesService.getDocumentProperties() as GoogleAppsScript.Properties.Properties | null) !== null;
  const { lock, kind } = triggerLock();
  const locked = lock.tryLock(10_000);
  if (locked) lock.releaseLock();
  storeTriggerContext(triggerContextOf('probe', found, locked ? kind : null, documentProperties, new Date()), spreadsheet?.getId() ?? null);
  const mine = spreadsheet ? ScriptApp.getUserTriggers(spreadsheet) : ScriptApp.getProjectTriggers();
  deleteTriggers(mine.filter((t) => t.getUniqueId() === e?.triggerUid));
}
