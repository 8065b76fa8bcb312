import type { LeftOutRow } from '../core/forms/frame';
import type { PlacedIssue } from '../core/issues';
import { banKey, nameKey } from '../core/names';
import { textOf } from '../core/table';
import type { Analysis } from './analysis';

/**
 * The issues a Ban's leader has to fix: those on the roster rows of the Ban's cadres and on the trip rows of its
 * cadres. A trip row with an error counts nowhere and has no cadre, so it belongs to the Ban written in its Ban
 * column, or else to the Ban of the roster person whose name it carries. A missing column concerns every Ban.
 */
export function issuesOfBan(analysis: Analysis, ban: string | null): PlacedIssue[] {
  if (ban === null) return analysis.issues;
  const key = banKey(ban);
  const cadres = analysis.roster.cadres;
  const inBan = new Set(cadres.filter((c) => banKey(c.ban) === key).map((c) => c.index));
  const namesInBan = new Set(cadres.filter((c) => inBan.has(c.index)).map((c) => nameKey(c.name)));
  const rosterRows = new Map(cadres.map((c) => [c.row, c.index]));
  const tripRows = new Map(analysis.trips.trips.map((t) => [t.row, t.cadre]));

  const rosterRowInBan = (row: number): boolean => {
    const cadre = rosterRows.get(row);
    if (cadre !== undefined) return inBan.has(cadre);
    const table = analysis.roster.table;
    const values = analysis.raw.roster.values[row - 1];
    return table !== null && values !== undefined && banKey(textOf(table, values, 'ban')) === key;
  };
  const tripRowInBan = (row: number): boolean => {
    const cadre = tripRows.get(row);
    if (cadre !== undefined) return inBan.has(cadre);
    const table = analysis.trips.table;
    const values = analysis.raw.trips.values[row - 1];
    if (table === null || values === undefined) return false;
    const written = textOf(table, values, 'ban');
    if (written !== '') return banKey(written) === key;
    return namesInBan.has(nameKey(textOf(table, values, 'name')));
  };

  return analysis.issues.filter((issue) => {
    if (issue.code === 'missing-column') return true;
    if (issue.tab === analysis.tabs.roster) return rosterRowInBan(issue.row);
    if (issue.tab === analysis.tabs.trips) return tripRowInBan(issue.row);
    return true;
  });
}

/**
 * The trip rows of a Ban (or of every Ban) that an error keeps out of the count and off the forms, one per row with
 * the name it carries and its first column in error: what a form and its message name instead of leaving them out.
 */
export function leftOutTrips(analysis: Analysis, ban: string | null): LeftOutRow[] {
  const counted = new Set(analysis.trips.trips.map((t) => t.row));
  const table = analysis.trips.table;
  const byRow = new Map<number, LeftOutRow>();
  for (const issue of issuesOfBan(analysis, ban)) {
    if (issue.tab !== analysis.tabs.trips || issue.level !== 'error' || issue.code === 'missing-column') continue;
    if (counted.has(issue.row) || byRow.has(issue.row)) continue;
    const values = analysis.raw.trips.values[issue.row - 1];
    const name = table !== null && values !== undefined ? textOf(table, values, 'name') : '';
    byRow.set(issue.row, { tab: issue.tab, row: issue.row, name, column: issue.column });
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}
