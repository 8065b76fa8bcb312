import { banTotals, provinceCounts, sortForReport, type BanTotals } from '../core/forms/dashboard';
import { addCounts, ROLLUP_TABS, rollupVerdicts, type RollupProvince } from '../core/forms/national';
import { issueCounts } from '../core/issues';
import { isBehind, isYearEnd, verdictGroupLabel, verdictsOf, verdictTone, VERDICTS } from '../core/verdict';
import { describePolicy } from '../core/settings-fields';
import { issuesOfBan } from '../sheets/ban-issues';
import { cadresOfBan } from '../sheets/report';
import type { Analysis } from '../sheets/workflow';
import { shorten, table, type Paint } from './terminal';
import { cliTexts } from './texts';
import { pushAll } from '../core/arrays';

/** How many issues are printed; the rest are in the result file's "Kết quả kiểm tra" column. */
const ISSUES_SHOWN = 8;
/** A line of the summary that quotes a cell (a name, an issue naming what was typed) stays readable on one screen. */
const MAX_LINE_TEXT = 160;

/**
 * The summary printed after a check: per Ban, then each cadre who is short and what is missing, then the data's
 * issues. With `ban` (from --ban), only that Ban's cadres and the issues on its rows.
 */
export function summaryText(analysis: Analysis, p: Paint, written: string[], ban: string | null = null): string {
  const out: string[] = [];
  const { period } = analysis;
  out.push(p.bold(cliTexts.title(analysis.year, analysis.presetTitle, ban)));
  out.push(p.grey(cliTexts.period(period.start, period.end, analysis.today)));
  // The policy it applied, so a person can see which rules decided: the preset and each setting changed from it.
  for (const line of describePolicy(analysis.settings, analysis.policy, analysis.sheetSettings, analysis.settingsTab ?? undefined)) out.push(p.grey(line));
  out.push('');

  const cadres = cadresOfBan(analysis, ban);
  if (cadres.length === 0) {
    out.push(p.yellow(cliTexts.emptyRoster(analysis.tabs.roster)));
  } else {
    out.push(banTable(analysis, cadres, p, ban === null));
    out.push('');
    pushAll(out, behindLines(cadres, p));
  }

  out.push('');
  pushAll(out, issueLines(analysis, ban, p));
  for (const problem of [...analysis.notices, ...analysis.settingsProblems]) out.push(p.yellow(`! ${problem}`));
  if (analysis.evaluation.notChecked.length > 0) out.push(p.grey(cliTexts.notChecked(analysis.evaluation.notChecked)));
  if (written.length > 0) {
    out.push('');
    for (const line of written) out.push(line);
  }
  return out.join('\n');
}

/** One row per Ban, as on the Tổng hợp 1+2 tab: each cadre is counted in exactly one verdict column. */
function banTable(analysis: Analysis, cadres: Analysis['evaluation']['cadres'], p: Paint, withProvince: boolean): string {
  const verdicts = verdictsOf(analysis.policy, isYearEnd(analysis.today, analysis.period.end));
  const rows = [[cliTexts.banColumn, cliTexts.cadresColumn, ...verdicts.map((v) => verdictGroupLabel(v, analysis.policy))]];
  const row = (t: BanTotals) => [t.ban, ...[t.cadres, ...verdicts.map((v) => t.counts[v])].map(String)];
  for (const t of banTotals(cadres)) rows.push(row(t));
  if (withProvince) rows.push(row(provinceCounts(cadres)));
  return table(rows, p, new Set(withProvince ? [rows.length - 1] : []));
}

function behindLines(cadres: Analysis['evaluation']['cadres'], p: Paint): string[] {
  const behind = sortForReport(cadres).filter((e) => isBehind(e.verdict));
  const applicable = cadres.filter((e) => e.verdict !== 'exempt').length;
  if (applicable === 0) return [p.green(cliTexts.allExempt(cadres.length))];
  if (behind.length === 0) return [p.green(cliTexts.allOk(applicable))];
  const lines = [p.bold(cliTexts.behindTitle(behind.length))];
  for (const e of behind) {
    const color = verdictTone(e.verdict) === 'short' ? p.yellow : p.red;
    lines.push(`  ${color(shorten(e.name, 60))} ${p.grey(`(${shorten(e.ban, 60)})`)} · ${cliTexts.behindFigures(e)}`);
    lines.push(`    ${shorten(e.reasons.join(' '), MAX_LINE_TEXT)}`);
  }
  return lines;
}

function issueLines(analysis: Analysis, ban: string | null, p: Paint): string[] {
  const issues = issuesOfBan(analysis, ban);
  const elsewhere = analysis.issues.length - issues.length;
  const { errors, warnings } = issueCounts(issues);
  const lines: string[] = [];
  if (errors + warnings === 0) lines.push(p.green(cliTexts.noIssues(ban)));
  else {
    const errorsText = cliTexts.errorCount(errors);
    const warningsText = cliTexts.warningCount(warnings);
    lines.push(`${errors > 0 ? p.red(errorsText) : errorsText}, ${warnings > 0 ? p.yellow(warningsText) : warningsText}${cliTexts.issuesTail(ban)}`);
    for (const i of issues.slice(0, ISSUES_SHOWN)) {
      lines.push(
        `  ${i.level === 'error' ? p.red('✗') : p.yellow('!')} ${cliTexts.issueAt(i.tab, i.row, shorten(i.column, 40), shorten(i.message, MAX_LINE_TEXT))}`,
      );
    }
    if (issues.length > ISSUES_SHOWN) lines.push(p.grey(cliTexts.moreIssues(issues.length - ISSUES_SHOWN)));
  }
  if (elsewhere > 0) lines.push(p.grey(cliTexts.elsewhere(elsewhere)));
  return lines;
}

/** What `dicoso tong-hop` prints: one row per province, the national total, and how many cadres are short. */
export function rollupText(provinces: readonly RollupProvince[], p: Paint, written: string[]): string {
  const verdicts = rollupVerdicts(provinces);
  const rows = [[cliTexts.provinceColumn, cliTexts.cadresColumn, ...verdicts.map((v) => verdictGroupLabel(v, null))]];
  const cells = (c: RollupProvince['counts']) => [c.cadres, ...verdicts.map((v) => c.counts[v])].map(String);
  for (const province of provinces) rows.push([province.province, ...cells(province.counts)]);
  const all = addCounts(provinces.map((x) => x.counts));
  rows.push([cliTexts.nationTotal, ...cells(all)]);
  const short = VERDICTS.filter(isBehind).reduce((n, v) => n + all.counts[v], 0);
  const out = [p.bold(cliTexts.rollup.title(provinces.length)), table(rows, p, new Set([rows.length - 1])), ''];
  out.push(short === 0 ? p.green(cliTexts.rollup.noneShort) : cliTexts.rollup.short(p.red(String(short)), ROLLUP_TABS.short));
  out.push('');
  pushAll(out, written);
  return out.join('\n');
}
