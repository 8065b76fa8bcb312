import { lazy } from '../../core/lazy';
import * as z from '../../core/zod-vi';
import type { PageContext } from '../server-context';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS } from './texts';

/**
 * "Kiểm tra môi trường" as the settings page shows it: what the last run of the self-check found in this spreadsheet
 * (src/gas/self-check/), and what a time-driven trigger's execution could reach here (its one-off probe, or the
 * daily run). Kept as JSON in the document's properties; read back through these schemas, so a value written by
 * another version shows as "not run yet" rather than breaking the page.
 */

export const PROBE_IDS = ['scopes', 'email', 'locale', 'rules', 'metadata', 'trigger', 'properties', 'mail'] as const;

export const ProbeSchema = lazy(() =>
  z.object({
    id: z.enum(PROBE_IDS),
    /** null: not known yet (the trigger's probe runs a minute later). */
    ok: z.nullable(z.boolean()),
    title: z.string(),
    detail: z.string(),
    /** What to do when it failed; '' when nothing is to be done. */
    advice: z.string(),
  }),
);
export type Probe = z.infer<typeof ProbeSchema>;

export const TriggerContextSchema = lazy(() =>
  z.object({
    /** ISO instant. */
    at: z.string(),
    /** The self-check's one-off trigger, or a run of the daily schedule. */
    source: z.enum(['probe', 'daily']),
    ok: z.boolean(),
    activeSpreadsheet: z.boolean(),
    openedById: z.boolean(),
    documentLock: z.boolean(),
    documentProperties: z.boolean(),
    detail: z.string(),
    advice: z.string(),
  }),
);
export type TriggerContext = z.infer<typeof TriggerContextSchema>;

export const SelfCheckReportSchema = lazy(() =>
  z.object({
    /** ISO instant. */
    at: z.string(),
    /** Who ran it ('' when Google withholds the address). */
    by: z.string(),
    probes: z.array(ProbeSchema),
  }),
);
export type SelfCheckReport = z.infer<typeof SelfCheckReportSchema>;

export interface SelfCheckView {
  report: SelfCheckReport | null;
  /** The latest time-driven run's context, from the probe or the daily schedule. */
  trigger: TriggerContext | null;
}

/** The stored self-check, each part read with its schema (an unreadable part reads as not there). */
export function getSelfCheck(ctx: PageContext): SelfCheckView {
  const stored = ctx.host.selfCheck?.() ?? { report: null, trigger: null };
  const report = SelfCheckReportSchema.safeParse(stored.report);
  const trigger = TriggerContextSchema.safeParse(stored.trigger);
  return { report: report.success ? report.data : null, trigger: trigger.success ? trigger.data : null };
}

export const selfCheckFunctions = {
  getSelfCheck: serverFunction({ action: PAGE_ACTIONS.settings, input: NoInput, writes: false, run: getSelfCheck }),
};
