import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quarterOf } from '../../core/calendar-date';
import { foldKey } from '../../core/text';
import { previewSummaries } from '../../sheets/email-run';
import { analyze } from '../../sheets/workflow';
import { command } from '../command';
import type { Flags } from '../options';
import { cliAnalyzeOptions, resolveBan } from '../run-options';
import { onFile } from '../../xlsx/os-errors';
import { cliTexts } from '../texts';
import { XlsxWorkbook } from '../../xlsx/xlsx-workbook';

export const emailPreviewCommand = command({
  name: 'email-preview',
  summary: 'Viết ra các thư báo cáo quý (HTML và văn bản) đúng như thư sẽ gửi, để xem trước.',
  files: { shown: '<bảng-tính.xlsx>', many: false },
  options: { quarter: 'required', out: 'required', ban: 'optional', today: 'optional', preset: 'optional', year: 'optional', province: 'optional' },
  async run([file], flags, io) {
    const files = await emailPreview(file!, flags, io.now());
    io.stdout(`${cliTexts.emailsWritten(files, flags.out!)}\n`);
    return 0;
  },
});

/**
 * `dicoso email-preview <workbook.xlsx> --quarter N [--ban …] --out <dir>`: the quarter's summary emails exactly as
 * the daily run sends them, written as HTML files (one per Ban, or the given Ban, plus the BTC-KT one) with their
 * plain-text alternatives. Returns the HTML files' paths.
 */
export async function emailPreview(file: string, flags: Flags, now: Date): Promise<string[]> {
  const workbook = await XlsxWorkbook.load(file);
  const options = cliAnalyzeOptions(flags, now);
  const today = options.today;
  const analysis = analyze(workbook, options);
  const ban = flags.ban === undefined ? null : resolveBan(analysis, flags.ban);
  const quarter = flags.quarter ?? quarterOf(today);
  const outDir = flags.out ?? '.';
  onFile(outDir, 'make-folder', () => mkdirSync(outDir, { recursive: true }));
  const emails = previewSummaries(analysis, quarter, ban, { spreadsheetUrl: null });
  const bases = distinctNames(emails.map((email) => `tong-hop-quy-${quarter}-${analysis.year}-${email.ban === null ? 'toan-tinh' : slug(email.ban)}`));
  const written: string[] = [];
  emails.forEach((email, i) => {
    const htmlPath = path.join(outDir, `${bases[i]}.html`);
    const textPath = path.join(outDir, `${bases[i]}.txt`);
    onFile(htmlPath, 'write', () => writeFileSync(htmlPath, email.html, 'utf8'));
    onFile(textPath, 'write', () => writeFileSync(textPath, cliTexts.emailFile(email.subject, email.to, email.text), 'utf8'));
    written.push(htmlPath);
  });
  return written;
}

/** "Ban Tổ chức – Kiểm tra" → "ban-to-chuc-kiem-tra": a file name every system accepts. */
export function slug(text: string): string {
  return (
    foldKey(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'ban'
  );
}

/**
 * The names made distinct, in order: a second "ban-a" (from "Ban A/B" after "Ban A-B", or two names of emoji only)
 * becomes "ban-a-2", so no Ban's letter overwrites another's. Compared without case, as Windows and macOS disks do.
 */
export function distinctNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
