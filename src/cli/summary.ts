import { formatDayFirst } from '../core/calendar-date';
import { banTotals, sortForReport } from '../core/forms/dashboard';
import { STATUS_LABELS } from '../core/messages';
import type { Analysis } from '../sheets/workflow';
import { table, type Paint } from './terminal';

/** The province summary printed after a check: per Ban, then each cadre who is short and what is missing. */
export function summaryText(analysis: Analysis, p: Paint, written: string[]): string {
  const out: string[] = [];
  const { period } = analysis;
  out.push(p.bold(`Chủ trương “1+2” năm ${analysis.year} · ${analysis.presetTitle}`));
  out.push(p.grey(`Kỳ tính ${formatDayFirst(period.start)}–${formatDayFirst(period.end)} · tính đến ngày ${formatDayFirst(analysis.today)}`));
  out.push('');
  const totals = banTotals(analysis.evaluation.cadres);
  const rows = [['Ban/Văn phòng', 'Cán bộ', 'Đủ', 'Thiếu ngày', 'Thiếu chuyên đề', 'Miễn']];
  const all = [0, 0, 0, 0, 0];
  for (const t of totals) {
    const values = [t.cadres, t.ok, t.shortDays + t.shortBoth, t.shortRounds + t.shortBoth, t.exempt];
    values.forEach((v, i) => (all[i]! += v));
    rows.push([t.ban, ...values.map(String)]);
  }
  rows.push(['Toàn tỉnh', ...all.map(String)]);
  out.push(table(rows, p, new Set([rows.length - 1])));

  const behind = sortForReport(analysis.evaluation.cadres).filter((e) => e.status !== 'ok' && e.status !== 'exempt');
  out.push('');
  if (behind.length === 0) out.push(p.green('Tất cả cán bộ thuộc diện áp dụng đều đủ yêu cầu.'));
  else {
    out.push(p.bold(`Cán bộ chưa đủ yêu cầu (${behind.length}):`));
    for (const e of behind) {
      const color = e.status === 'short-rounds' ? p.yellow : p.red;
      out.push(`  ${color(`${e.name}`)} ${p.grey(`(${e.ban})`)} · ${e.daysDone}/${e.requiredDays} ngày, ${e.roundsDone}/${e.roundsRequired} đợt · ${STATUS_LABELS[e.status]}`);
      out.push(`    ${e.reasons.join(' ')}`);
    }
  }

  const errors = analysis.issues.filter((i) => i.level === 'error').length;
  const warnings = analysis.issues.length - errors;
  out.push('');
  if (errors + warnings === 0) out.push(p.green('Dữ liệu không có lỗi.'));
  else {
    out.push(`${errors > 0 ? p.red(`${errors} lỗi`) : '0 lỗi'}, ${warnings > 0 ? p.yellow(`${warnings} lưu ý`) : '0 lưu ý'} trong dữ liệu (dòng có lỗi chưa được tính). Vài dòng đầu:`);
    for (const i of analysis.issues.slice(0, 8)) {
      out.push(`  ${i.level === 'error' ? p.red('✗') : p.yellow('!')} ${i.tab}, dòng ${i.row}, cột ${i.column}: ${i.message}`);
    }
    if (analysis.issues.length > 8) out.push(p.grey(`  … và ${analysis.issues.length - 8} mục khác: xem cột “Kết quả kiểm tra” trong tệp kết quả.`));
  }
  for (const problem of analysis.settingsProblems) out.push(p.yellow(`! ${problem}`));
  if (analysis.evaluation.notChecked.length > 0) out.push(p.grey(`Chưa xét được: ${analysis.evaluation.notChecked.join(' ')}`));
  if (written.length > 0) {
    out.push('');
    for (const line of written) out.push(line);
  }
  return out.join('\n');
}
