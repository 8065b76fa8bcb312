import { banTotals, sortForReport } from '../core/forms/dashboard';
import { addCounts, type RollupProvince } from '../core/forms/national';
import type { Workbook } from './workbook';
import { analyze, type AnalyzeOptions } from './workflow';

/**
 * One province's workbook reduced to what the national roll-up needs: its counts per Ban (the dashboard's
 * `banTotals`, so a status means here what it means on the Tổng hợp 1+2 tab: a cadre short on both is counted once,
 * under "thiếu cả hai") and the cadres short at period end (the verdict already counts the registrations still
 * ahead). Nothing of the workbook is kept, so provinces are read one at a time.
 */
export function summarizeProvince(workbook: Workbook, options: AnalyzeOptions, file: string): RollupProvince & { year: number } {
  const analysis = analyze(workbook, options);
  const cadres = analysis.evaluation.cadres;
  const bans = banTotals(cadres);
  const short: RollupProvince['short'] = [];
  for (const e of sortForReport(cadres)) {
    if (e.status !== 'short-days' && e.status !== 'short-rounds' && e.status !== 'short-both') continue;
    const { ban, name, status, daysDone, daysProjected, requiredDays, roundsDone, roundsRequired } = e;
    short.push({ ban, name, status, daysDone, daysProjected, requiredDays, roundsDone, roundsRequired, reasons: e.reasons.join(' ') });
  }
  return {
    province: analysis.settings.province.trim() || file,
    file,
    year: analysis.year,
    presetTitle: analysis.presetTitle,
    counts: addCounts(bans),
    bans,
    short,
    errorRows: new Set(analysis.issues.filter((i) => i.level === 'error').map((i) => `${i.tab}:${i.row}`)).size,
  };
}
