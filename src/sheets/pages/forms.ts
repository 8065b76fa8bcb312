import { quarterOf, yearOf, type Quarter } from '../../core/calendar-date';
import { groupTrips } from '../../core/forms/form-rows';
import { mau2Trips } from '../../core/forms/mau2';
import { buildMau3 } from '../../core/forms/mau3';
import { banKey } from '../../core/names';
import { UserError } from '../../core/user-error';
import * as z from '../../core/zod-vi';
import { analyzeContext, type PageContext, type ServerContext } from '../server-context';
import { bansOf, formContext, generateMau2, generateMau3, type Analysis } from '../workflow';
import { NoInput, serverFunction } from './server-function';
import { PAGE_ACTIONS, pageTexts } from './texts';

/** Tạo mẫu 2 / mẫu 3: how many cadres and trips each scope lists, and writing the form's tab. */

export interface FormCount {
  cadres: number;
  trips: number;
}

export interface FormScope {
  /** null = every Ban (the province-wide form). */
  ban: string | null;
  mau2: FormCount;
  /** Index 0 is quarter 1. */
  mau3: FormCount[];
}

export interface FormOptionsPayload {
  bans: string[];
  year: number;
  currentQuarter: Quarter;
  /** The province-wide scope first, then each Ban in roster order. */
  scopes: FormScope[];
  warnings: string[];
}

export function getFormOptions(ctx: ServerContext): FormOptionsPayload {
  const { analysis, warnings } = analyzeContext(ctx);
  const bans = bansOf(analysis);
  const scopes = [null, ...bans].map<FormScope>((ban) => ({
    ban,
    mau2: mau2Count(analysis, ban),
    mau3: ([1, 2, 3, 4] as const).map((q) => mau3Count(analysis, ban, q)),
  }));
  return { bans, year: analysis.year, currentQuarter: currentQuarter(analysis), scopes, warnings };
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
function mau2Count(analysis: Analysis, ban: string | null): FormCount {
  const groups = groupTrips(mau2Trips(analysis.trips.trips, analysis.year), analysis.roster.cadres, ban);
  let cadres = 0;
  let trips = 0;
  for (const g of groups) {
    cadres += g.cadres.length;
    for (const c of g.cadres) trips += c.trips.length;
  }
  return { cadres, trips };
}

export const GenerateFormSchema = z.object({
  form: z.enum(['mau2', 'mau3'], { message: pageTexts.badForm }),
  /** null or '' = every Ban. */
  ban: z._default(z.nullable(z.string().check(z.trim())), null),
  /** Mẫu 3's quarter (mẫu 2 covers the year). */
  quarter: z.literal([1, 2, 3, 4], { message: pageTexts.badQuarter }),
});

export interface GenerateFormResult {
  tabName: string;
  cadres: number;
  trips: number;
}

/** Writes the mẫu 2 or mẫu 3 tab (replacing one of the same name), then shows it: it is the tab the person wants. */
export function generateForm(ctx: PageContext, input: z.output<typeof GenerateFormSchema>): GenerateFormResult {
  const { analysis } = analyzeContext(ctx);
  let ban: string | null = null;
  if (input.ban) {
    const wanted = input.ban;
    ban = bansOf(analysis).find((b) => banKey(b) === banKey(wanted)) ?? null;
    if (ban === null) throw new UserError(pageTexts.unknownBan(wanted));
  }
  const result =
    input.form === 'mau2'
      ? { tabName: generateMau2(ctx.workbook, analysis, ban), ...mau2Count(analysis, ban) }
      : (({ name, summary }) => ({ tabName: name, cadres: summary.cadres, trips: summary.trips }))(generateMau3(ctx.workbook, analysis, ban, input.quarter));
  ctx.host.showTab(result.tabName);
  return result;
}

export const formsFunctions = {
  getFormOptions: serverFunction({ action: PAGE_ACTIONS.forms, input: NoInput, writes: false, run: getFormOptions }),
  generateForm: serverFunction({ action: PAGE_ACTIONS.forms, input: GenerateFormSchema, writes: true, run: generateForm }),
};
