import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLE_PATH,
  ROSTER_HEADER_ROW,
  ROSTER_TAB,
  SAMPLE_TODAY,
  SETTINGS_TAB,
  TRIP_COLUMNS,
  TRIPS_TAB,
  buildSample,
  expectedOutcomes,
  readmeTables,
  writeSample,
  type SampleBook,
} from '../../scripts/make-sample';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { rect } from '../support/grid';
import type { RawCell } from '../../src/sheets/workbook';

let dir: string;
let sample: SampleBook;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dicoso-sample-'));
  sample = buildSample();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a cell reads back as from the file: blanks as '' (Sheets' convention). */
function asRead(rows: RawCell[][]): RawCell[][] {
  const width = Math.max(0, ...rows.map((row) => row.reduce<number>((w, v, c) => (v === '' || v === null ? w : c + 1), 0)));
  const height = rows.reduce<number>((h, row, r) => (row.some((v) => v !== '' && v !== null) ? r + 1 : h), 0);
  return rows.slice(0, height).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '').map((v) => (v === null ? '' : v)));
}

async function readAll(path: string): Promise<Record<string, RawCell[][]>> {
  const book = await XlsxWorkbook.load(path);
  return Object.fromEntries(book.tabNames().map((name) => [name, rect(book.readTab(name)!.values)]));
}

const col = (name: (typeof TRIP_COLUMNS)[number]) => TRIP_COLUMNS.indexOf(name);

/** Test-only reading of the sample's date cells: Date, dd/mm/yyyy, "ngày d tháng m năm yyyy"; null when invalid. */
function dayOf(value: RawCell): number | null {
  if (value instanceof Date) return Math.round(value.getTime() / 86_400_000);
  if (typeof value !== 'string') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) ?? /^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? Math.round(date.getTime() / 86_400_000) : null;
}
const todayNumber = Math.round(Date.parse(`${SAMPLE_TODAY}T00:00:00Z`) / 86_400_000);

describe('the sample generator', () => {
  it('is deterministic: two builds give identical cells', () => {
    expect(buildSample()).toEqual(sample);
  });

  it('two written files read back the same values, which are the built cells', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await writeSample(a);
    await writeSample(b);
    const first = await readAll(a);
    expect(await readAll(b)).toEqual(first);
    for (const tab of sample.tabs) expect(first[tab.name]).toEqual(asRead(tab.rows));
    expect(Object.keys(first)).toEqual([ROSTER_TAB, TRIPS_TAB, SETTINGS_TAB]);
  });

  it('the committed samples/tinh-doan-mau.xlsx is what the script writes now', async () => {
    const committed = await readAll(DEFAULT_SAMPLE_PATH);
    for (const tab of sample.tabs) expect(committed[tab.name]).toEqual(asRead(tab.rows));
  });

  it('has about 30 cadres and a couple of hundred trips', () => {
    expect(sample.cadreCount).toBeGreaterThanOrEqual(25);
    expect(sample.cadreCount).toBeLessThanOrEqual(35);
    expect(sample.tripCount).toBeGreaterThanOrEqual(180);
    expect(sample.tripCount).toBeLessThanOrEqual(300);
    const roster = sample.tabs[0]!.rows;
    expect(roster.length - ROSTER_HEADER_ROW).toBe(sample.cadreCount);
    expect(sample.tabs[1]!.rows.length - 1).toBe(sample.tripCount);
  });

  it('uses no clock and no unseeded randomness', async () => {
    const source = await readFile('scripts/make-sample.ts', 'utf8');
    expect(source).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
  });

  it('samples/README.md holds the current tables of planted rows and expected ratings', async () => {
    const readme = await readFile('samples/README.md', 'utf8');
    for (const line of readmeTables()) if (line !== '') expect(readme).toContain(line);
  });
});

describe('the sample content', () => {
  const trips = () => sample.tabs[1]!.rows.slice(1);
  const plantedRow = (id: string) => {
    const p = sample.planted.find((x) => x.id === id);
    if (!p) throw new Error(`no planted ${id}`);
    return sample.tabs[1]!.rows[p.row - 1]!;
  };

  it('the roster has its title on row 1 and its header on row 3', () => {
    const roster = sample.tabs[0]!.rows;
    expect(roster[0]![0]).toBe('DANH SÁCH CÁN BỘ TỈNH ĐOÀN NĂM 2023');
    expect(roster[2]).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Ban/Văn phòng',
      'Nhóm đối tượng',
      'Email',
      'Miễn (lý do)',
      'Miễn chuyên đề (văn bản)',
      'Ngày bắt đầu',
    ]);
    const names = roster.slice(3).map((row) => row[1]);
    expect(names.filter((n) => n === 'Nguyễn Văn An')).toHaveLength(2);
    expect(roster.slice(3).filter((row) => row[6] !== '')).toHaveLength(3);
    expect(roster.slice(3).filter((row) => row[7] !== '')).toHaveLength(1);
  });

  it('each planted row holds its mistake', () => {
    expect(plantedRow('P-typo')[col('Họ và tên')]).toBe('Nguyễn Thị Thủyy');
    expect(plantedRow('P-no-accents')[col('Họ và tên')]).toBe('Nguyen Thi Thuy');
    expect(plantedRow('P-unknown')[col('Họ và tên')]).toBe('Trần Minh Khang');
    expect(plantedRow('P-ambiguous')[col('Họ và tên')]).toBe('Nguyễn Văn An');
    expect(plantedRow('P-ambiguous')[col('Ban/Văn phòng')]).toBe('');
    expect(plantedRow('P-impossible-date')[col('Từ ngày')]).toBe('31/02/2023');
    expect(plantedRow('P-no-end')[col('Đến ngày')]).toBe('');
    expect(String(plantedRow('P-formula-text')[col('Kết quả, đề xuất')])).toMatch(/^=/);
    expect(plantedRow('P-duplicate').slice(1)).toEqual(plantedRow('P-duplicate-original').slice(1));
    const over = plantedRow('P-days-over-window');
    expect(over[col('Số ngày')]).toBe(5);
    expect(dayOf(over[col('Đến ngày')]!)! - dayOf(over[col('Từ ngày')]!)! + 1).toBe(3);
    expect(dayOf(plantedRow('P-outside-year')[col('Từ ngày')]!)).toBeLessThan(Date.UTC(2023, 0, 1) / 86_400_000);
    expect(plantedRow('P-blank-days')[col('Số ngày')]).toBe('');
    expect(String(plantedRow('P-text-date-long')[col('Từ ngày')])).toMatch(/^ngày \d+ tháng \d+ năm 2023$/);
  });

  it('the "=" text reads back as text from the file', async () => {
    const values = (await readAll(DEFAULT_SAMPLE_PATH))[TRIPS_TAB]!;
    const p = sample.planted.find((x) => x.id === 'P-formula-text')!;
    expect(values[p.row - 1]![col('Kết quả, đề xuất')]).toBe('=Đề xuất tăng kinh phí cho mô hình');
  });

  it('no two trips of one person overlap, except the planted pairs', () => {
    const allowed = new Set(['P-overlap-1', 'P-overlap-2', 'P-duplicate', 'P-duplicate-original']);
    const plantAt = new Map(sample.planted.map((p) => [p.row, p.id]));
    const windows = trips()
      .map((row, i) => ({
        row: i + 2,
        who: `${row[col('Họ và tên')]}|${row[col('Ban/Văn phòng')]}`,
        from: dayOf(row[col('Từ ngày')]!),
        to: dayOf(row[col('Đến ngày')]!),
        status: row[col('Trạng thái')],
      }))
      .filter((w) => w.from !== null && w.to !== null && w.status !== 'Hủy');
    const clashes: number[] = [];
    for (const a of windows) {
      for (const b of windows) {
        if (a.row < b.row && a.who === b.who && a.from! <= b.to! && b.from! <= a.to!) clashes.push(a.row, b.row);
      }
    }
    expect(clashes.filter((row) => !allowed.has(plantAt.get(row) ?? ''))).toEqual([]);
    expect(clashes.length).toBeGreaterThan(0);
  });

  it('done trips are before 15/11, registered ones after, except the planted stale one', () => {
    for (const [i, row] of trips().entries()) {
      const status = row[col('Trạng thái')];
      const from = dayOf(row[col('Từ ngày')]!);
      const to = dayOf(row[col('Đến ngày')]!);
      const id = sample.planted.find((p) => p.row === i + 2)?.id;
      if (status === 'Đã thực hiện' && to !== null) expect(to, `row ${i + 2}`).toBeLessThan(todayNumber);
      if ((status === 'Đăng ký' || status === 'Đã duyệt') && id !== 'P-past-approved') expect(from, `row ${i + 2}`).toBeGreaterThan(todayNumber);
    }
  });

  it('mixes the ways people type contents and dates', () => {
    const contents = trips().map((row) => row[col('Nội dung')]);
    expect(contents).toContain('Theo chuyên đề');
    expect(contents.some((c) => typeof c === 'number')).toBe(true);
    expect(contents.some((c) => c === '3.1' || c === '3.2' || c === '3.3' || c === '3.5')).toBe(true);
    expect(contents).toContain('theo chuyen de');
    const starts = trips().map((row) => row[col('Từ ngày')]);
    expect(starts.filter((v) => v instanceof Date).length).toBeGreaterThan(sample.tripCount * 0.8);
    expect(starts.some((v) => typeof v === 'string' && /^\d{2}\/\d{2}\/2023$/.test(v))).toBe(true);
    // 06-HD §III.2's levels of 2023.
    expect(new Set(trips().map((row) => row[col('Cấp')]))).toEqual(new Set(['Huyện', 'Cơ sở', 'Chi đoàn']));
  });

  it('expected ratings cover every outcome', () => {
    const ratings = new Set(expectedOutcomes().map((o) => o.rating));
    expect(ratings).toEqual(new Set(['Miễn', 'Xuất sắc', 'Đạt', 'Không đạt']));
  });
});

describe('the checker agrees with the independent oracle of samples/README.md', () => {
  it('days done, projected days and valid chuyên đề rounds, cadre by cadre, on 15/11/2023', async () => {
    const { analyze } = await import('../../src/sheets/workflow');
    const { defaultSettings } = await import('../../src/core/settings');
    const workbook = await XlsxWorkbook.load(DEFAULT_SAMPLE_PATH);
    const analysis = analyze(workbook, { settings: defaultSettings(2023), today: SAMPLE_TODAY });
    const actual = analysis.evaluation.cadres.map((e) => ({
      name: e.name,
      ban: e.ban,
      done: e.daysDone,
      projected: e.daysProjected,
      rounds: e.roundsProjected,
    }));
    const expected = expectedOutcomes().map((o) => ({ name: o.name, ban: o.ban, done: o.doneDays, projected: o.projectedDays, rounds: o.validRounds }));
    expect(actual).toEqual(expected);
  });

  it('the one verdict on 15/11/2023: short of a requirement where the oracle names one, else enough only with the trips registered ahead', async () => {
    const { analyze } = await import('../../src/sheets/workflow');
    const { defaultSettings } = await import('../../src/core/settings');
    const analysis = analyze(await XlsxWorkbook.load(DEFAULT_SAMPLE_PATH), { settings: defaultSettings(2023), today: SAMPLE_TODAY });
    // The oracle's requirement reasons (06-HD §III.1–2); the others (registration, process) decide only the rating.
    const requirement = /^(thiếu ngày|thiếu đợt|chưa dự sinh hoạt chi đoàn|chưa đi cấp)/;
    const expected = expectedOutcomes().map((o) => ({
      name: o.name,
      verdict:
        o.rating === 'Miễn' ? 'exempt' : o.reasons.some((r) => requirement.test(r)) ? 'behind' : o.plannedDays > 0 && o.doneDays < 60 ? 'ok-planned' : 'ok',
    }));
    const actual = analysis.evaluation.cadres.map((e) => ({
      name: e.name,
      verdict: e.verdict.startsWith('short-') ? 'behind' : e.verdict === 'ok-planned' && e.daysDone >= 60 ? 'ok' : e.verdict,
    }));
    expect(actual).toEqual(expected);
  });
});
