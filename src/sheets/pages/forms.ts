import { lazy } from '../../core/lazy';
import { quarterOf, yearOf, type Quarter } from '../../core/calendar-date';
import type { LeftOutRow } from '../../core/forms/frame';
import { groupTrips } from '../../core/forms/form-rows';
import { mau1Cadres, mau1TabName, type Mau1Scope } from '../../core/forms/mau1';
import { mau2Listed, mau2TabName, mau2Trips, type Mau2Listing } from '../../core/forms/mau2';
import { buildMau3, mau3TabName } from '../../core/forms/mau3';
import { banKey, nameKey } from '../../core/names';
import { UserError } from '../../core/user-error';
import * as z from '../../core/zod-vi';
import { leftOutTrips } from '../ban-issues';
import { staleForms } from '../stale-forms';
import { analyzeContext, type PageContext, type ServerContext } from '../server-context';
import { generatedTabTarget } from '../workbook';
import { bansOf, formContext, generateMau1, generateMau2, generateMau3, mau2Options, type Analysis } from '../workflow';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

/** Tạo mẫu 1 / 2 / 3: how many cadres and trips each scope lists, and writing the form's tab (asking before replacing). */

export interface FormCount {
  cadres: number;
  trips: number;
}

export interface FormScope {
  /** null = every Ban (the province-wide form). */
  ban: string | null;
  /** Mẫu 1 of every cadre of the Ban (the exempt left out); zero for the province-wide scope, which mẫu 1 has not. */
  mau1: FormCount;
  /** Mẫu 2 of the registrations the Ban approved (every registration where the sheet keeps no approvals). */
  mau2: FormCount;
  /** Mẫu 2 of every registration, those not yet approved marked (offered where the sheet keeps approvals). */
  mau2All: FormCount;
  /** Index 0 is quarter 1. */
  mau3: FormCount[];
}

/** A cadre mẫu 1 can be made for: the roster's name and Ban, and how many trips the form would list. */
export interface FormCadre {
  name: string;
  ban: string;
  trips: number;
}

export interface FormOptionsPayload {
  bans: string[];
  /** The roster, for mẫu 1 of one cadre. */
  cadres: FormCadre[];
  year: number;
  currentQuarter: Quarter;
  /** The sheet keeps approvals: mẫu 2 lists the approved registrations, or all of them when asked. */
  approvalsKept: boolean;
  /** The province-wide scope first, then each Ban in roster order. */
  scopes: FormScope[];
  warnings: string[];
}

export function getFormOptions(ctx: ServerContext): FormOptionsPayload {
  const { analysis, warnings } = analyzeContext(ctx);
  const bans = bansOf(analysis);
  const listed = tripsPerCadre(analysis);
  const scopes = [null, ...bans].map<FormScope>((ban) => ({
    ban,
    mau1: ban === null ? { cadres: 0, trips: 0 } : mau1Count(analysis, { ban }, listed),
    mau2: mau2Count(analysis, ban, 'approved'),
    mau2All: mau2Count(analysis, ban, 'all'),
    mau3: ([1, 2, 3, 4] as const).map((q) => mau3Count(analysis, ban, q)),
  }));
  const cadres = analysis.roster.cadres.filter((c) => c.name !== '').map((c) => ({ name: c.name, ban: c.ban, trips: listed.get(c.index) ?? 0 }));
  const stale = staleForms(ctx.workbook, analysis).map((f) => f.tab);
  const allWarnings = stale.length > 0 ? [...warnings, pageTexts.staleForms(stale)] : warnings;
  const approvalsKept = analysis.trips.processColumns.approval;
  return { bans, cadres, year: analysis.year, currentQuarter: currentQuarter(analysis), approvalsKept, scopes, warnings: allWarnings };
}

/** How many trips mẫu 1 lists for each cadre (mẫu 2's trips: registered, approved or done in the year). */
function tripsPerCadre(analysis: Analysis): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of mau2Trips(analysis.trips.trips, analysis.year)) out.set(t.cadre, (out.get(t.cadre) ?? 0) + 1);
  return out;
}

function mau1Count(analysis: Analysis, scope: Mau1Scope, listed: Map<number, number>): FormCount {
  const people = mau1Cadres(scope, analysis.roster.cadres);
  return { cadres: people.length, trips: people.reduce((n, c) => n + (listed.get(c.index) ?? 0), 0) };
}

function currentQuarter(analysis: Analysis): Quarter {
  if (yearOf(analysis.today) < analysis.year) return 1;
  if (yearOf(analysis.today) > analysis.year) return 4;
  return quarterOf(analysis.today);
}

function mau3Count(analysis: Analysis, ban: string | null, quarter: Quarter): FormCount {
  const { summary } = buildMau3(formContext(analysis, ban), analysis.trips.trips, analysis.policy, quarter);
  return { cadres: summary.cadres, trips: summary.trips };
}

/** What mẫu 2 lists, grouped as the form groups them. */
function mau2Count(analysis: Analysis, ban: string | null, listing: Mau2Listing): FormCount {
  const listed = mau2Listed(analysis.trips.trips, analysis.year, analysis.policy, mau2Options(analysis, listing));
  const groups = groupTrips(listed, analysis.roster.cadres, ban);
  let cadres = 0;
  let trips = 0;
  for (const g of groups) {
    cadres += g.cadres.length;
    for (const c of g.cadres) trips += c.trips.length;
  }
  return { cadres, trips };
}

export const GenerateFormSchema = lazy(() =>
  z.object({
    form: z.enum(['mau1', 'mau2', 'mau3'], { message: pageTexts.badForm }),
    /** null or '' = every Ban (mẫu 2 and 3); mẫu 1 of a whole Ban names it here. */
    ban: z._default(z.nullable(z.string().check(z.trim())), null),
    /** Mẫu 1 of one cadre: the roster's name and Ban (namesakes differ by Ban). */
    cadre: z._default(z.nullable(z.object({ name: z.string(), ban: z.string() })), null),
    /** Mẫu 3's quarter (mẫu 1 and 2 cover the year). */
    quarter: z.literal([1, 2, 3, 4], { message: pageTexts.badQuarter }),
    /** Mẫu 2: the approved registrations, or every registration with those not yet approved marked. */
    mau2: z._default(z.enum(['approved', 'all'], { message: pageTexts.badInput(['Danh sách mẫu 2 không hợp lệ.']) }), 'approved'),
    /** The person has agreed to replace our tab of that name (the dialog asks first). */
    replace: z._default(z.boolean({ message: pageTexts.badSwitch }), false),
  }),
);

export type GenerateFormResult =
  /** leftOut: the scope's trip rows an error keeps off the form (the form names them too). */
  | { ok: true; tabName: string; cadres: number; trips: number; replaced: boolean; leftOut: LeftOutRow[] }
  /** Our tab of that name exists: nothing was written; ask, then call again with replace. */
  | { ok: false; existing: string };

/**
 * Writes the mẫu 1, 2 or 3 tab, then shows it: it is the tab the person wants. When a tab we generated already has
 * that name, nothing is written unless `replace` says the person agreed (a user's own tab of that name is never
 * touched: ours takes "… (2)").
 */
export function generateForm(ctx: PageContext, input: z.output<typeof GenerateFormSchema>): GenerateFormResult {
  const { analysis } = analyzeContext(ctx);
  let ban: string | null = null;
  if (input.ban) {
    const wanted = input.ban;
    ban = bansOf(analysis).find((b) => banKey(b) === banKey(wanted)) ?? null;
    if (ban === null) throw new UserError(pageTexts.unknownBan(wanted));
  }
  const listing: Mau2Listing = analysis.trips.processColumns.approval ? input.mau2 : 'approved';
  let scope: Mau1Scope | null = null;
  if (input.form === 'mau1') {
    const wanted = input.cadre;
    if (wanted) {
      const cadre = analysis.roster.cadres.find((c) => nameKey(c.name) === nameKey(wanted.name) && banKey(c.ban) === banKey(wanted.ban));
      if (!cadre) throw new UserError(pageTexts.unknownCadre(wanted.name, wanted.ban));
      scope = { cadre };
    } else if (ban !== null) scope = { ban };
    else throw new UserError(pageTexts.mau1Scope);
  }
  const wantedName = scope
    ? mau1TabName(scope, analysis.roster.cadres)
    : input.form === 'mau2'
      ? mau2TabName(ban, listing)
      : mau3TabName(input.quarter, analysis.year, ban);
  const target = generatedTabTarget(ctx.workbook, wantedName);
  if (target.replaces && !input.replace) return { ok: false, existing: target.name };
  const made = scope
    ? (({ name, cadres, trips }) => ({ tabName: name, cadres, trips }))(generateMau1(ctx.workbook, analysis, scope))
    : input.form === 'mau2'
      ? { tabName: generateMau2(ctx.workbook, analysis, ban, listing), ...mau2Count(analysis, ban, listing) }
      : (({ name, summary }) => ({ tabName: name, cadres: summary.cadres, trips: summary.trips }))(generateMau3(ctx.workbook, analysis, ban, input.quarter));
  ctx.host.showTab(made.tabName);
  const leftOut = leftOutTrips(analysis, ban ?? (scope && 'cadre' in scope ? scope.cadre.ban : null));
  const mine = scope && 'cadre' in scope ? leftOut.filter((r) => nameKey(r.name) === nameKey(scope.cadre.name)) : leftOut;
  return { ok: true, ...made, replaced: target.replaces, leftOut: mine };
}

export const formsFunctions = {
  getFormOptions: serverFunction({ action: PAGE_ACTIONS.forms, input: NoInput, writes: false, run: getFormOptions }),
  generateForm: serverFunction({ action: PAGE_ACTIONS.forms, input: GenerateFormSchema, writes: true, run: generateForm }),
};
