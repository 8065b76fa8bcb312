import type { Quarter } from '../core/calendar-date';
import type { TabLayout } from '../core/grid';
import { buildMau1, mau1TabName, type Mau1Scope } from '../core/forms/mau1';
import { buildMau2, mau2TabName } from '../core/forms/mau2';
import { buildMau3, mau3TabName } from '../core/forms/mau3';
import { tabNameKey, type RawCell, type Workbook } from './workbook';
import { bansOf, formContext, mau2Options, type Analysis } from './workflow';
import { maxOf } from '../core/arrays';

/**
 * Forms we generated on an earlier run that no longer match the data: a tab of ours whose name is one of the forms
 * this data makes (mẫu 1 of a cadre or a Ban, mẫu 2, mẫu 3 of a quarter of the year), whose cells differ from the
 * form made now. The day the form was made does not count (TabLayout.datedCells). The data was fixed since, or the
 * tab was edited by hand: either way it is not the form of this data, and whoever reads it must know.
 */
export interface StaleForm {
  tab: string;
  /** The form as this data makes it, to write in its place when the caller may (the CLI writes a new file). */
  layout: TabLayout;
}

export function staleForms(workbook: Workbook, analysis: Analysis, skip: ReadonlySet<string> = new Set()): StaleForm[] {
  const makers = formMakers(analysis);
  const out: StaleForm[] = [];
  for (const tab of workbook.generatedTabs()) {
    if (skip.has(tab)) continue;
    // Ours takes "… (2)" when the user has a tab of the form's name.
    const make = makers.get(tabNameKey(tab)) ?? makers.get(tabNameKey(tab.replace(/ \(\d+\)$/, '')));
    if (!make) continue;
    const layout = make();
    const data = workbook.readTab(tab, { valuesOnly: true });
    if (data && !sameForm(data.values, layout)) out.push({ tab, layout: { ...layout, name: tab } });
  }
  return out;
}

/** Every form this data can make, by the tab name it is written under. */
function formMakers(analysis: Analysis): Map<string, () => TabLayout> {
  const { trips } = analysis.trips;
  const cadres = analysis.roster.cadres;
  const bans = bansOf(analysis);
  const makers = new Map<string, () => TabLayout>();
  const mau1 = (scope: Mau1Scope, ban: string) => () => buildMau1(formContext(analysis, ban), trips, analysis.policy, scope).layout;
  for (const ban of [null, ...bans]) {
    for (const listing of ['approved', 'all'] as const)
      makers.set(tabNameKey(mau2TabName(ban, listing)), () => buildMau2(formContext(analysis, ban), trips, analysis.policy, mau2Options(analysis, listing)));
    for (const q of [1, 2, 3, 4] as Quarter[])
      makers.set(tabNameKey(mau3TabName(q, analysis.year, ban)), () => buildMau3(formContext(analysis, ban), trips, analysis.policy, q).layout);
    if (ban !== null) makers.set(tabNameKey(mau1TabName({ ban }, cadres)), mau1({ ban }, ban));
  }
  for (const cadre of cadres) if (cadre.name !== '') makers.set(tabNameKey(mau1TabName({ cadre }, cadres)), mau1({ cadre }, cadre.ban));
  return makers;
}

/** The tab's cells are the layout's, as a spreadsheet gives them back (a number may read as its text), but the day it was made. */
function sameForm(values: readonly (readonly RawCell[])[], layout: TabLayout): boolean {
  const dated = new Set((layout.datedCells ?? []).map((c) => `${c.row}:${c.column}`));
  const rows = Math.max(values.length, layout.values.length);
  const columns = maxOf(
    values.map((r) => r.length),
    layout.values[0]?.length ?? 0,
  );
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (dated.has(`${r}:${c}`)) continue;
      if (cellText(values[r]?.[c]) !== cellText(layout.values[r]?.[c])) return false;
    }
  }
  return true;
}

function cellText(v: RawCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}
