import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/**
 * The outside programs some tests drive (Debian's Chromium, LibreOffice, poppler's pdftotext). On a developer's
 * machine without one, its tests are skipped with a line saying why and how to install it; under CI=true a missing
 * program is a failure, never a skip (.ci/run installs them all).
 */

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

const onPath = (command: string) => spawnSync('which', [command]).status === 0;

export const CHROMIUM = '/usr/bin/chromium';
export const SOFFICE = ['soffice', 'libreoffice'].find(onPath) ?? null;
export const PDFTOTEXT = onPath('pdftotext') ? 'pdftotext' : null;

const INSTALL: Record<string, string> = {
  chromium: 'sudo apt-get install chromium',
  libreoffice: 'sudo apt-get install libreoffice-calc',
  pdftotext: 'sudo apt-get install poppler-utils',
};

/**
 * Whether to skip a suite that needs `tools`: true only off CI when one is missing (and then says so once).
 * Under CI the suite runs and fails on the missing program.
 */
export function skipWithout(tools: readonly ('chromium' | 'libreoffice' | 'pdftotext')[]): boolean {
  const missing = tools.filter((t) => (t === 'chromium' ? !existsSync(CHROMIUM) : t === 'libreoffice' ? SOFFICE === null : PDFTOTEXT === null));
  if (missing.length === 0 || IN_CI) return false;
  console.warn(
    `Bỏ qua kiểm thử cần ${missing.join(', ')}: không có trên máy này. Cài bằng: ${missing.map((t) => INSTALL[t]).join('; ')} (CI cài sẵn, xem .ci/run).`,
  );
  return true;
}

/**
 * This test process's own LibreOffice profile (-env:UserInstallation), made on the first conversion and used by the
 * next ones: a fresh profile costs LibreOffice seconds of start-up each time, while one per process is never used by two
 * conversions at once (each waits for its soffice) nor by another LibreOffice on the machine (a test running beside
 * it, a person's own), which is what made a conversion fail silently when they shared one.
 */
let profile: string | null = null;
function ownProfile(): string {
  if (profile === null) {
    const made = mkdtempSync(path.join(os.tmpdir(), 'dicoso-lo-profile-'));
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
    profile = made;
  }
  return profile;
}

/**
 * Converts `files` with LibreOffice to `format` ("pdf", "ods", "xls", "fods", "xlsx"…) into `outDir` (a fresh folder
 * by default) and returns the new paths, in this process's own profile (ownProfile). soffice can exit 0 without
 * writing anything (a profile locked by another instance did that); so every expected file is checked, and a failed
 * conversion throws with soffice's exit code, stdout and stderr instead of a later ENOENT.
 */
export function convertWithLibreOffice(files: readonly string[], format: string, outDir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-lo-'))): string[] {
  if (SOFFICE === null) throw new Error('Không có LibreOffice (soffice) mà kiểm thử này cần nó. Cài gói libreoffice-calc (xem .ci/run).');
  const args = ['--headless', '--norestore', `-env:UserInstallation=file://${ownProfile()}`, '--convert-to', format, '--outdir', outDir, ...files];
  const run = spawnSync(SOFFICE, args, { encoding: 'utf8', timeout: 120_000 });
  const outputs = files.map((f) => path.join(outDir, `${path.parse(f).name}.${format.split(':')[0]}`));
  const missing = outputs.filter((f) => !existsSync(f));
  if (run.status !== 0 || run.error || missing.length > 0) {
    throw new Error(
      [
        `LibreOffice could not convert ${files.join(', ')} to ${format}` +
          (run.error ? ` (${run.error.message})` : ` (exit ${run.status ?? run.signal})`) +
          (missing.length ? `; missing: ${missing.join(', ')}` : ''),
        `folder holds: ${readdirSync(outDir).join(', ') || '(nothing)'}`,
        `stdout: ${run.stdout?.trim() || '(empty)'}`,
        `stderr: ${run.stderr?.trim() || '(empty)'}`,
      ].join('\n'),
    );
  }
  return outputs;
}
