import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildRollupTabs, ROLLUP_TABS, type RollupProvince } from '../core/forms/national';
import { defaultSettings, type Settings } from '../core/settings';
import { isUserError, UserError } from '../core/user-error';
import { summarizeProvince } from '../sheets/rollup';
import type { CommonFlags } from './args';
import { applyFlags, sameFile, todayInVietnam } from './check';
import { onFile } from './os-errors';
import { XlsxWorkbook } from './xlsx-workbook';

// The wording of `dicoso tong-hop`, in one place.
const say = {
  outIsInput: (out: string) => `--out '${out}' là một trong các tệp đầu vào: dicoso không ghi đè tệp anh/chị đưa vào. Hãy đặt tên khác cho --out.`,
  inFile: (file: string, message: string) => (message.includes(file) ? message : `Tệp '${file}': ${message}`),
  bug: (file: string, message: string) => `Tệp '${file}': lỗi ngoài dự kiến khi đọc (${message}); đã bỏ qua tệp này. Hãy báo lại kèm tệp.`,
  sameProvince: (file: string, province: string, first: string) =>
    `Tệp '${file}' là của ${province}, như tệp '${first}' đã đọc: bỏ qua để không tính hai lần. Nếu là hai tỉnh khác nhau, hãy ghi đúng tên tỉnh ở dòng “Tỉnh” của tab Cài đặt.`,
  duplicate: (file: string) => `Tệp '${file}' được đưa vào hai lần: chỉ tính một lần.`,
  noneRead: (reasons: string[]) => `Không đọc được tệp nào nên không có gì để tổng hợp:\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
};

export interface RollupOutcome {
  provinces: RollupProvince[];
  skipped: { file: string; reason: string }[];
  outPath: string;
  tabs: string[];
}

/**
 * `dicoso tong-hop`: each province's file read and checked in turn (one in memory at a time), reduced to its counts
 * and its cadres short at period end, then one national workbook written. A file that cannot be read or checked is
 * named with the reason and skipped; the others go on.
 */
export async function rollUp(files: readonly string[], flags: CommonFlags, now = new Date(), progress: (file: string, index: number) => void = () => {}): Promise<RollupOutcome> {
  const outPath = flags.out!;
  if (files.some((f) => sameFile(f, outPath))) throw new UserError(say.outIsInput(outPath));
  const today = flags.today ?? todayInVietnam(now);
  const year = flags.year ?? Number(today.slice(0, 4));
  const options = { settings: defaultSettings(year), today, overrides: (s: Settings) => applyFlags(s, flags) };

  const provinces: RollupProvince[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const seenFiles: string[] = [];
  const byProvince = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    progress(file, index);
    const label = path.basename(file);
    if (seenFiles.some((f) => f === path.resolve(file) || sameFile(f, file))) {
      skipped.push({ file: label, reason: say.duplicate(label) });
      continue;
    }
    seenFiles.push(path.resolve(file));
    try {
      const workbook = await XlsxWorkbook.load(file);
      const summary = summarizeProvince(workbook, options, label);
      const key = summary.province.toLocaleLowerCase('vi');
      const first = byProvince.get(key);
      if (first !== undefined) {
        skipped.push({ file: label, reason: say.sameProvince(label, summary.province, first) });
        continue;
      }
      byProvince.set(key, label);
      provinces.push(summary);
    } catch (error) {
      if (isUserError(error)) skipped.push({ file: label, reason: say.inFile(label, error.message) });
      else skipped.push({ file: label, reason: say.bug(label, (error as Error)?.message ?? String(error)) });
    }
  }
  if (provinces.length === 0) throw new UserError(say.noneRead(skipped.map((s) => s.reason)));

  const book = XlsxWorkbook.createEmpty();
  const tabs = buildRollupTabs({ year, today, provinces, skipped }).map((layout) => book.writeGeneratedTab(layout));
  const folder = path.dirname(outPath);
  onFile(folder, 'make-folder', () => mkdirSync(folder, { recursive: true }));
  await book.save(outPath);
  return { provinces, skipped, outPath, tabs };
}

export { ROLLUP_TABS };
