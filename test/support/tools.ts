import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

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
