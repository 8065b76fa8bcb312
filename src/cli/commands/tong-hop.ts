import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildRollupTabs, ROLLUP_TABS, type RollupProvince } from '../../core/forms/national';
import { isUserError, UserError } from '../../core/user-error';
import { summarizeProvince } from '../../sheets/rollup';
import { command } from '../command';
import type { Flags } from '../options';
import { cliAnalyzeOptions, sameFile } from '../run-options';
import { rollupText } from '../summary';
import { colorWanted, paint } from '../terminal';
import { onFile } from '../../xlsx/os-errors';
import { cliTexts } from '../texts';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';

export const tongHopCommand = command({
  name: 'tong-hop',
  summary: 'Tổng hợp toàn quốc từ tệp của các tỉnh (đã hoặc chưa kiểm tra): số cán bộ đủ, thiếu theo từng tỉnh và từng ban.',
  files: { shown: '<tỉnh-a.xlsx> <tỉnh-b.xlsx> …', many: true },
  options: { out: 'required', year: 'optional', today: 'optional', preset: 'optional' },
  unusedReason: 'mỗi tỉnh lấy tên tỉnh và kỳ tính từ tab Cài đặt của tệp mình',
  async run(files, flags, io) {
    const p = paint(colorWanted({ isTTY: io.isTTY }, io.env));
    const outcome = await rollUp(files, flags, io.now(), (file, i) => {
      if (io.isTTY) io.stderr(p.grey(`${cliTexts.rollup.reading(i + 1, files.length, file)}\n`));
    });
    io.stdout(`${rollupText(outcome.provinces, p, [cliTexts.written(outcome.outPath, outcome.tabs)])}\n`);
    for (const s of outcome.skipped) io.stderr(`${p.yellow(cliTexts.rollup.skipped(s.reason))}\n`);
    // Some provinces are missing from the roll-up: a script must be able to tell.
    return outcome.skipped.length > 0 ? 2 : 0;
  },
});

export interface RollupOutcome {
  provinces: RollupProvince[];
  skipped: { file: string; reason: string }[];
  outPath: string;
  tabs: string[];
}

/**
 * `dicoso tong-hop`: each province's file read and checked in turn (one in memory at a time), reduced to its counts
 * and its cadres short at period end, then one national workbook written. A file that cannot be read or checked is
 * named with the reason and skipped; the others go on. So is a file checked for another year than the roll-up's (its
 * Cài đặt says so) or whose trips mostly lie outside the period checked: its counts are not of this year.
 */
export async function rollUp(
  files: readonly string[],
  flags: Flags,
  now = new Date(),
  progress: (file: string, index: number) => void = () => {},
): Promise<RollupOutcome> {
  const outPath = flags.out!;
  if (files.some((f) => sameFile(f, outPath))) throw new UserError(cliTexts.rollup.outIsInput(outPath));
  const options = cliAnalyzeOptions(flags, now);
  const { today } = options;
  const year = options.settings.year;

  const provinces: RollupProvince[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const seenFiles: string[] = [];
  const byProvince = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    progress(file, index);
    const label = path.basename(file);
    if (seenFiles.some((f) => f === path.resolve(file) || sameFile(f, file))) {
      skipped.push({ file: label, reason: cliTexts.rollup.duplicate(label) });
      continue;
    }
    seenFiles.push(path.resolve(file));
    try {
      const workbook = await XlsxWorkbook.load(file);
      // A file with no Tỉnh in its Cài đặt is named after the file, as the person named it: "Đồng Tháp", not "Đồng Tháp.xlsx".
      const { year: checked, yearElsewhere, ...summary } = summarizeProvince(workbook, options, label, path.parse(label).name);
      // Counts of another year would be added into this year's totals without a word: the file is left out instead.
      if (checked !== year) {
        skipped.push({ file: label, reason: cliTexts.rollup.otherYear(label, checked, year) });
        continue;
      }
      if (yearElsewhere) {
        skipped.push({ file: label, reason: cliTexts.rollup.tripsElsewhere(label, year, yearElsewhere.year, yearElsewhere.outside, yearElsewhere.total) });
        continue;
      }
      const key = summary.province.toLocaleLowerCase('vi');
      const first = byProvince.get(key);
      if (first !== undefined) {
        skipped.push({ file: label, reason: cliTexts.rollup.sameProvince(label, summary.province, first) });
        continue;
      }
      byProvince.set(key, label);
      provinces.push(summary);
    } catch (error) {
      if (isUserError(error)) skipped.push({ file: label, reason: cliTexts.rollup.inFile(label, error.message) });
      else skipped.push({ file: label, reason: cliTexts.rollup.bug(label, (error as Error)?.message ?? String(error)) });
    }
  }
  if (provinces.length === 0) throw new UserError(cliTexts.rollup.noneRead(skipped.map((s) => s.reason)));

  const book = XlsxWorkbook.createEmpty();
  const tabs = buildRollupTabs({ year, today, provinces, skipped }).map((layout) => book.writeGeneratedTab(layout));
  const folder = path.dirname(outPath);
  onFile(folder, 'make-folder', () => mkdirSync(folder, { recursive: true }));
  await book.save(outPath);
  return { provinces, skipped, outPath, tabs };
}

export { ROLLUP_TABS };
