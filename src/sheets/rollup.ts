import { banTotals, sortForReport } from '../core/forms/dashboard';
import { addCounts, type RollupProvince } from '../core/forms/national';
import type { YearElsewhere } from '../core/sheet-year';
import { isBehind } from '../core/verdict';
import type { Workbook } from './workbook';
import { analyze, rowsLeftOut, type AnalyzeOptions } from './workflow';

/**
 * One province's workbook reduced to what the national roll-up needs: its counts per Ban (the dashboard's
 * `banTotals`, so a status means here what it means on the Tổng hợp 1+2 tab: a cadre short on both is counted once,
 * under "thiếu cả hai") and the cadres short at period end (the verdict already counts the registrations still
 * ahead). Nothing of the workbook is kept, so provinces are read one at a time. A workbook with no Tỉnh in its
 * Cài đặt tab is named `unnamed`. `year` is the year it was checked for and `yearElsewhere` says when most of its
 * trips lie outside that period, so the caller can leave out a province whose counts are not of the year rolled up.
 */
export function summarizeProvince(
  workbook: Workbook,
  options: AnalyzeOptions,
  file: string,
  unnamed = file,
): RollupProvince & { year: number; yearElsewhere: YearElsewhere | null } {
  const analysis = analyze(workbook, options);
  const cadres = analysis.evaluation.cadres;
  const bans = banTotals(cadres);
  const short: RollupProvince['short'] = [];
  for (const e of sortForReport(cadres)) {
    if (!isBehind(e.verdict)) continue;
    const { ban, name, verdict, verdictLabel, daysDone, daysProjected, requiredDays, roundsDone, roundsRequired } = e;
    short.push({ ban, name, verdict, verdictLabel, daysDone, daysProjected, requiredDays, roundsDone, roundsRequired, reasons: e.reasons.join(' ') });
  }
  return {
    province: analysis.settings.province.trim() || unnamed,
    file,
    year: analysis.year,
    yearElsewhere: analysis.yearElsewhere,
    presetTitle: analysis.presetTitle,
    counts: addCounts(bans),
    bans: bans.map((b) => ({ ban: b.ban, cadres: b.cadres, counts: b.counts })),
    short,
    errorRows: rowsLeftOut(analysis),
  };
}
