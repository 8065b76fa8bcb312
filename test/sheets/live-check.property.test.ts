import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_TIME_ZONE, generateWorkbook, ROSTER_TAB, TRIPS_TAB } from '../../bench/generate';
import type { CalendarDate } from '../../src/core/calendar-date';
import { defaultSettings } from '../../src/core/settings';
import { foldKey } from '../../src/core/text';
import { joinedBlocks, LIVE_MAX_EDITED_ROWS, liveCheck, type LiveEdit } from '../../src/sheets/live-check';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import type { RawCell } from '../../src/sheets/workbook';
import { runCheck } from '../../src/sheets/workflow';

/**
 * The live check (after one edit) against a whole check of the same edited workbook: every row the live check writes
 * must read exactly as the whole check writes it (our status cell and every note), and every row it does not write
 * must be as it was before the edit's check. Edits are random: dates, statuses, contents, days, names (which make it
 * read every row), pastes over many rows, on trips whose rows are shuffled so a cadre's trips are scattered.
 */

const today = '2023-11-15' as CalendarDate;
const options = { settings: defaultSettings(2023), today };

/** A province whose trip rows are in no particular order (a deterministic shuffle), checked once. */
function checkedProvince(): MemoryWorkbook {
  const g = generateWorkbook({ cadres: 30, trips: 420, seed: 7 });
  const [header, ...rows] = g.tabs[TRIPS_TAB]!;
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const wb = MemoryWorkbook.fromTabs({ ...g.tabs, [TRIPS_TAB]: [header!, ...rows] }, { dateTimeZone: BENCH_TIME_ZONE });
  // The user's own notes, on cells where ours go too (dates, status, days) and elsewhere: they must survive as they are.
  for (let r = 2; r <= rows.length + 1; r++) {
    wb.setNote(TRIPS_TAB, r, 7, `ghi chú của tôi ở dòng ${r}`);
    if (r % 2 === 0) wb.setNote(TRIPS_TAB, r, 8, 'hỏi lại ngày về');
    if (r % 5 === 0) wb.setNote(TRIPS_TAB, r, 2, 'tên viết tắt?');
  }
  for (let r = 2; r <= 31; r += 4) wb.setNote(ROSTER_TAB, r, 2, 'người này đã chuyển công tác?');
  runCheck(wb, options);
  return wb;
}

const base = checkedProvince();
const TRIP_ROWS = base.readTab(TRIPS_TAB)!.values.length;
const ROSTER_ROWS = base.readTab(ROSTER_TAB)!.values.length;
const NAMES = base
  .readTab(ROSTER_TAB)!
  .values.slice(1, 8)
  .map((r) => String(r[1]));
const midnight = (day: number, month: number) => new Date(Date.UTC(2023, month - 1, day) - 7 * 3_600_000);

/** A value someone might type in a column of the trips tab (1-based column of bench/generate.ts's header). */
function tripValue(column: number): fc.Arbitrary<RawCell> {
  const date = fc.oneof(
    fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ d, m }) => midnight(d, m) as RawCell),
    fc.record({ d: fc.integer({ min: 1, max: 31 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ d, m }) => `${d}/${m}/2023`),
    fc.constant(''),
  );
  switch (column) {
    case 2:
      return fc.oneof(fc.constantFrom(...NAMES), fc.constant('Nguyễn Văn Không Có'), fc.constant(''));
    case 4:
      return fc.constantFrom('3.1', 'Theo chuyên đề', '3.2', 'Kiểm tra, giám sát', 'Đi công tác', '');
    case 6:
      return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom('', 'ba ngày'));
    case 7:
    case 8:
    case 12:
      return date;
    case 11:
      return fc.constantFrom('Đã thực hiện', 'Đăng ký', 'Đã duyệt', 'Hủy', '', 'Đang làm');
    case 13:
    case 14:
      return fc.constantFrom('Có', '', 'Không');
    case 15:
      return fc.oneof(fc.integer({ min: 50, max: 100 }), fc.constantFrom('', 'tốt'));
    default:
      return fc.constantFrom('Xã Phi Thông', 'ghi chú', '');
  }
}

function rosterValue(column: number): fc.Arbitrary<RawCell> {
  switch (column) {
    case 2:
      return fc.constantFrom('Nguyễn Văn Mới', '');
    case 7:
      return fc.constantFrom('Nghỉ thai sản từ 01/3/2023 đến 31/8/2023', 'Kế toán', '');
    case 8:
      return fc.constantFrom('Công văn số 12/TĐTN ngày 03/4/2023', '');
    case 9:
      return fc.constantFrom('01/06/2023', '31/02/2023', '');
    default:
      return fc.constantFrom('Chuyên viên', 'Phó Trưởng ban', '');
  }
}

interface Edit {
  edit: LiveEdit;
  values: RawCell[][];
}

const anEdit: fc.Arbitrary<Edit> = fc
  .record({
    trips: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    rows: fc.oneof(
      { weight: 8, arbitrary: fc.constant(1) },
      { weight: 2, arbitrary: fc.integer({ min: 2, max: 3 }) },
      { weight: 1, arbitrary: fc.constant(LIVE_MAX_EDITED_ROWS + 5) },
    ),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    column: fc.integer({ min: 1, max: 17 }),
  })
  .chain(({ trips, rows, at, column }) => {
    const tab = trips ? TRIPS_TAB : ROSTER_TAB;
    const last = trips ? TRIP_ROWS : ROSTER_ROWS;
    const col = trips ? column : 1 + (column % 9);
    const row = 2 + Math.floor(at * Math.max(1, last - rows));
    return fc.array(trips ? tripValue(col) : rosterValue(col), { minLength: rows, maxLength: rows }).map((cells) => ({
      edit: { tab, row, rows, column: col, columns: 1 },
      values: cells.map((v) => [v]),
    }));
  });

function edited(e: Edit): MemoryWorkbook {
  const wb = base.clone();
  e.values.forEach(([v], i) => wb.setCell(e.edit.tab, e.edit.row + i, e.edit.column, v ?? ''));
  return wb;
}

/** A tab's rows as compared (1-based): every value and note, trailing blanks left out. */
function rowsOf(wb: MemoryWorkbook, tab: string): (row: number) => unknown {
  const s = wb.snapshot(tab);
  const trim = <T>(line: readonly T[] | undefined, blank: T) => {
    const out = [...(line ?? [])];
    while (out.length > 0 && (out[out.length - 1] === blank || out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
    return out;
  };
  return (row) => ({ values: trim(s.values[row - 1], '' as RawCell), notes: trim(s.notes[row - 1], '') });
}

describe('kiểm tra trực tiếp sau khi sửa (onEdit)', () => {
  // A hundred whole checks: seconds on a quiet machine, a minute on a loaded one; the timeout is for the latter.
  it('tính chất: các dòng được ghi giống hệt lần kiểm tra toàn bộ; các dòng khác giữ nguyên', { timeout: 180_000 }, () => {
    let partial = 0;
    fc.assert(
      fc.property(anEdit, (e) => {
        const live = edited(e);
        const before = edited(e);
        const whole = edited(e);
        const result = liveCheck(live, options, e.edit);
        runCheck(whole, options);
        if (result.path === 'rows') partial++;
        // Nothing it should write is left out: every row the whole check changes that concerns the edit (the edited
        // rows, the rows and roster rows of the people they name) is written.
        const editedRows = e.values.map((_, i) => e.edit.row + i);
        const trips = before.readTab(TRIPS_TAB)!.values;
        const roster = before.readTab(ROSTER_TAB)!.values;
        const nameOf = (values: RawCell[][], r: number) => foldKey(String(values[r - 1]?.[1] ?? ''));
        const names = new Set(editedRows.map((r) => nameOf(e.edit.tab === TRIPS_TAB ? trips : roster, r)).filter(Boolean));
        for (const [tab, values, written, last] of [
          [TRIPS_TAB, trips, result.written.trips, TRIP_ROWS],
          [ROSTER_TAB, roster, result.written.roster, ROSTER_ROWS],
        ] as const) {
          const [wholeRow, beforeRow] = [whole, before].map((wb) => rowsOf(wb, tab));
          for (let r = 2; r <= last; r++) {
            const concerned = (tab === e.edit.tab && editedRows.includes(r)) || names.has(nameOf(values, r));
            if (concerned && JSON.stringify(wholeRow!(r)) !== JSON.stringify(beforeRow!(r)))
              expect(written.has(r), `${tab} row ${r}: changed by a whole check, not written`).toBe(true);
          }
        }
        for (const [tab, rows, last] of [
          [TRIPS_TAB, result.written.trips, TRIP_ROWS + 1],
          [ROSTER_TAB, result.written.roster, ROSTER_ROWS + 1],
        ] as const) {
          const [liveRow, wholeRow, beforeRow] = [live, whole, before].map((wb) => rowsOf(wb, tab));
          for (let r = 2; r <= last; r++) {
            const expected = rows.has(r) ? wholeRow!(r) : beforeRow!(r);
            expect(liveRow!(r), `${tab} row ${r} (${rows.has(r) ? 'written' : 'not written'}), path ${result.path}`).toEqual(expected);
          }
        }
      }),
      { numRuns: 100, seed: 20231115 },
    );
    // Most edits touch one cell outside the name column: those must take the cadre-rows path.
    expect(partial).toBeGreaterThan(25);
  });

  // At national size (4.000 cán bộ, 100.000 đợt) the benchmark holds the same ratio (npm run bench, its onEdit target).
  it('một ô sửa ở dòng đi cơ sở: đọc ít hơn 1/5 số ô của cách đọc cả tab (100 cán bộ, 2.500 đợt)', () => {
    const g = generateWorkbook({ cadres: 100, trips: 2_500, seed: 3 });
    const make = () => {
      const wb = MemoryWorkbook.fromTabs(g.tabs, { dateTimeZone: BENCH_TIME_ZONE });
      runCheck(wb, options);
      wb.setCell(TRIPS_TAB, 1_251, 11, 'Đã thực hiện');
      wb.cellsRead = 0;
      return wb;
    };
    const one = make();
    expect(liveCheck(one, options, { tab: TRIPS_TAB, row: 1_251, rows: 1, column: 11, columns: 1 }).path).toBe('rows');
    const paste = make();
    // The same edit seen as a paste over many rows takes the whole-tab path: what onEdit read before.
    expect(liveCheck(paste, options, { tab: TRIPS_TAB, row: 1_251, rows: LIVE_MAX_EDITED_ROWS + 1, column: 11, columns: 1 }).path).toBe('full');
    expect(one.cellsRead).toBeLessThan(paste.cellsRead / 5);
  });

  it.each([
    [
      'liền nhau',
      [3, 4, 5, 9, 10],
      8,
      [
        [3, 5],
        [9, 10],
      ],
    ],
    [
      'nhiều khối: nối các khối gần nhau nhất',
      [1, 3, 5, 20, 40, 41, 70],
      3,
      [
        [1, 20],
        [40, 41],
        [70, 70],
      ],
    ],
    ['một khối', [7, 100, 200], 1, [[7, 200]]],
  ])('khối đọc: %s', (_name, rows, limit, blocks) => {
    expect(joinedBlocks(rows, limit)).toEqual(blocks);
  });
});
