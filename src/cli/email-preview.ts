import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quarterOf } from '../core/calendar-date';
import { foldKey } from '../core/text';
import { defaultSettings } from '../core/settings';
import { previewSummaries } from '../sheets/email-run';
import { analyze, bansOf, type Analysis } from '../sheets/workflow';
import { banKey } from '../core/names';
import { UserError } from '../core/user-error';
import type { CommonFlags } from './args';
import { applyFlags, todayInVietnam } from './check';
import { XlsxWorkbook } from './xlsx-workbook';

/**
 * `dicoso email-preview <workbook.xlsx> --quarter N [--ban …] --out <dir>`: the quarter's summary emails exactly as
 * the daily run sends them, written as HTML files (one per Ban, or the given Ban, plus the BTC-KT one) with their
 * plain-text alternatives. Returns the HTML files' paths.
 */
export async function emailPreview(file: string, flags: CommonFlags, now: Date): Promise<string[]> {
  const workbook = await XlsxWorkbook.load(file);
  const today = flags.today ?? todayInVietnam(now);
  const settings = defaultSettings(flags.year ?? Number(today.slice(0, 4)));
  const analysis = analyze(workbook, { settings, today, overrides: (s) => applyFlags(s, flags) });
  const ban = flags.ban === undefined ? null : resolveBan(analysis, flags.ban);
  const quarter = flags.quarter ?? quarterOf(today);
  const outDir = flags.out ?? '.';
  mkdirSync(outDir, { recursive: true });
  const emails = previewSummaries(analysis, quarter, ban, { spreadsheetUrl: null });
  const written: string[] = [];
  for (const email of emails) {
    const base = `bao-cao-quy-${quarter}-${analysis.year}-${email.ban === null ? 'toan-tinh' : slug(email.ban)}`;
    const htmlPath = path.join(outDir, `${base}.html`);
    writeFileSync(htmlPath, email.html, 'utf8');
    writeFileSync(path.join(outDir, `${base}.txt`), `Tiêu đề: ${email.subject}\nGửi tới: ${email.to || '(chưa có email)'}\n\n${email.text}\n`, 'utf8');
    written.push(htmlPath);
  }
  return written;
}

/** "Ban Tổ chức – Kiểm tra" → "ban-to-chuc-kiem-tra": a file name every system accepts. */
export function slug(text: string): string {
  return foldKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'ban';
}

function resolveBan(analysis: Analysis, wanted: string): string {
  const bans = bansOf(analysis);
  const found = bans.find((b) => banKey(b) === banKey(wanted));
  if (!found) throw new UserError(`Không có Ban “${wanted}” trong tab ${analysis.tabs.roster}. Các ban: ${bans.join('; ')}.`);
  return found;
}
