import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle';
import { SEED_FIXTURES, writeSeedFixture, type SeedFixture } from '../support/seed-forms';
import { fakeFromXlsx } from '../support/xlsx-to-fake';
import { loadAddon } from '../gas/harness';

/**
 * Workbooks laid out like seed 001's forms, one per preset, through both front doors: the `dicoso` command and the
 * add-on over the Apps Script fakes. Every figure expected is worked out by hand in test/support/seed-forms.ts.
 */

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-seed-'));
});

interface JsonCadre {
  name: string;
  daysDone: number;
  daysProjected: number;
  roundsDone: number;
  status: string;
  rating: string | null;
  verdictLabel: string;
  exempt: string | null;
  reasons: string[];
}

describe.each(SEED_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture: SeedFixture) => {
  it('dicoso check --json: số ngày, số đợt, tình trạng, xếp loại của từng cán bộ', async () => {
    const slug = `${SEED_FIXTURES.indexOf(fixture)}-${fixture.preset}`;
    const file = path.join(dir, `${slug}.xlsx`);
    await writeSeedFixture(fixture, file);
    const run = spawnSync(process.execPath, [CLI, 'check', file, '--today', fixture.today, '--json', '--out', path.join(dir, `${slug}-kq.xlsx`)], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      preset: string;
      cadres: JsonCadre[];
      issues: { code: string; row: number; level: string; tab: string; message: string }[];
      notices: string[];
    };
    expect(report.notices.length).toBe((fixture.notices ?? []).length);
    for (const words of fixture.notices ?? [])
      expect(
        report.notices.some((n) => n.includes(words)),
        words,
      ).toBe(true);
    expect(report.preset).toBe(fixture.preset);
    const byName = Object.fromEntries(report.cadres.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(fixture.expected).sort());
    for (const [name, expected] of Object.entries(fixture.expected)) {
      const { reasons, ...figures } = expected;
      expect(byName[name], name).toMatchObject(figures);
      for (const reason of reasons ?? []) expect(byName[name]!.reasons, name).toContain(reason);
    }
    // The output workbook's roster column says the same verdict, word for word.
    const written = await fixtureWorkbook(path.join(dir, `${slug}-kq.xlsx`));
    const roster = written.getWorksheet(fixture.rosterTab)!;
    const rows: string[][] = [];
    roster.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const header = rows.findIndex((r) => r.includes('Kết quả 1+2'));
    const status = rows[header]!.indexOf('Kết quả 1+2');
    // So does the Tổng hợp 1+2 tab, under the phase's caption (Tình trạng; Xếp loại or Kết quả from the period's end).
    const dashboard: string[][] = [];
    written
      .getWorksheet('Tổng hợp 1+2')!
      .eachRow((row) => dashboard.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const dashHeader = dashboard.find((r) => r[0] === 'STT')!;
    const verdictColumn = dashHeader.findIndex((c) => ['Tình trạng', 'Xếp loại', 'Kết quả'].includes(c));
    for (const [name, expected] of Object.entries(fixture.expected)) {
      const row = rows.find((r) => r.includes(name))!;
      expect(verdictIn(row[status]!), name).toBe(expected.verdictLabel);
      expect(dashboard.find((r) => r[2] === name)![verdictColumn], name).toBe(expected.verdictLabel);
    }
    const tripIssues = report.issues.filter((i) => i.tab === fixture.tripsTab).map(({ code, row, level }) => ({ code, row, level }));
    expect(tripIssues).toEqual(expect.arrayContaining(fixture.issues));
    // Nothing else went wrong: every other row read cleanly.
    expect(tripIssues.filter((i) => i.level === 'error')).toEqual(fixture.issues.filter((i) => i.level === 'error'));
    // An exemption outside the document's list is an error on its roster row that names the list.
    const rosterIssues = report.issues.filter((i) => i.tab === fixture.rosterTab);
    expect(rosterIssues.map(({ code, row, level }) => ({ code, row, level }))).toEqual((fixture.rosterIssues ?? []).map(({ says: _, ...at }) => at));
    for (const expected of fixture.rosterIssues ?? []) {
      if (expected.says) expect(rosterIssues.find((i) => i.row === expected.row)!.message).toContain(expected.says);
    }
    // What the office typed (forms of address, an item's own words, one-cell dates) is kept as typed.
    const tripCells = new Set<string>();
    written.getWorksheet(fixture.tripsTab)!.eachRow((row) => (row.values as unknown[]).forEach((v) => tripCells.add(String(v))));
    for (const typed of fixture.keptAsTyped ?? []) expect(tripCells.has(typed), typed).toBe(true);

    // The summary table of `dicoso check` (without --json): each cadre behind on a line ending in the one verdict, the
    // others on none; after the period, the Ban table's columns are the year-end verdict's words.
    const text = spawnSync(process.execPath, [CLI, 'check', file, '--today', fixture.today, '--out', path.join(dir, `${slug}-kq2.xlsx`)], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    }).stdout.split('\n');
    for (const [name, expected] of Object.entries(fixture.expected)) {
      const line = text.find((l) => l.startsWith(`  ${name} (`));
      if (BEHIND.test(expected.verdictLabel)) expect(line, name).toMatch(new RegExp(` · ${expected.verdictLabel}$`));
      else expect(line, name).toBeUndefined();
    }
    const words = yearEndWords(fixture);
    if (words) {
      const header = text.find((l) => l.trimStart().startsWith('Ban/Văn phòng'))!;
      const at = words.map((w) => header.indexOf(w));
      expect(at.every((i) => i > 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), header).toBe(true);
    }
  });

  it('tiện ích trong Google Sheets: cột kết quả của tab cán bộ và trang Tiến độ cùng một kết luận', async () => {
    const addon = loadAddon({ spreadsheet: fakeFromXlsx(await fixtureWithSettings(fixture)), now: Date.parse(`${fixture.today}T03:00:00Z`) });
    addon.call('menuCheck');
    const roster = addon.ss.tab(fixture.rosterTab).values();
    const headerRow = roster.findIndex((row) => row.includes('Kết quả 1+2'));
    expect(headerRow).toBeGreaterThanOrEqual(0);
    const statusColumn = roster[headerRow]!.indexOf('Kết quả 1+2');
    const nameColumn = roster[headerRow]!.findIndex((v) => /^h(ọ|o) (và )?tên$/i.test(String(v)));
    const progress = addon.call('getProgress') as { cadres: { name: string; verdictLabel: string; daysDone: number; daysProjected: number }[] };
    for (const [name, expected] of Object.entries(fixture.expected)) {
      const row = roster.find((r) => r[nameColumn] === name)!;
      const text = String(row[statusColumn]);
      // The one verdict, word for word, then its reasons.
      expect(verdictIn(text), `${name}: ${text}`).toBe(expected.verdictLabel);
      const card = progress.cadres.find((c) => c.name === name)!;
      expect(card, name).toMatchObject({ verdictLabel: expected.verdictLabel, daysDone: expected.daysDone, daysProjected: expected.daysProjected });
    }
    // After the period the tiles are the year-end verdict's, each counting the cadres that carry its word.
    const words = yearEndWords(fixture);
    if (words) {
      const { tiles, counts } = addon.call('getProgress') as { tiles: { verdict: string; label: string }[]; counts: { counts: Record<string, number> } };
      expect(tiles.map((t) => t.label)).toEqual(words);
      for (const t of tiles) expect(counts.counts[t.verdict], t.label).toBe(Object.values(fixture.expected).filter((e) => e.verdictLabel === t.label).length);
    }
  });
});

/** The verdicts that say a cadre is behind: short of something during the period, not Đạt / not Hoàn thành after it. */
const BEHIND = /^(Thiếu|Không đạt|Chưa hoàn thành)/;

/** The tiles' and columns' words after the period (06-HD §V.2's three levels, or completion); null during it. */
function yearEndWords(fixture: SeedFixture): string[] | null {
  const expected = Object.values(fixture.expected);
  if (!expected.every((e) => e.rating !== null || e.status === 'exempt')) return null;
  return expected.some((e) => e.rating === 'dat' || e.rating === 'khong-dat' || e.rating === 'xuat-sac')
    ? ['Xuất sắc', 'Đạt', 'Không đạt', 'Miễn']
    : ['Hoàn thành', 'Chưa hoàn thành', 'Miễn'];
}

/** The verdict's words in a roster status cell: its first line, or the first after the row's own errors ("Lỗi: …"). */
function verdictIn(status: string): string {
  const line = status.split('\n').find((l) => !l.startsWith('Lỗi:')) ?? '';
  return line.split(':')[0]!;
}

async function fixtureWorkbook(file: string) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function fixtureWithSettings(fixture: SeedFixture) {
  const file = path.join(dir, `${SEED_FIXTURES.indexOf(fixture)}-${fixture.preset}-gas.xlsx`);
  await writeSeedFixture(fixture, file);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
