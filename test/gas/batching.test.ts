import { describe, expect, it } from 'vitest';
import { loadAddon, syntheticSpreadsheet, type Addon } from './harness';

/**
 * Batching, measured on the built Code.js over the strict fakes: every action makes the same number of Spreadsheet
 * service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, validations, protections) for 10, 100 and 2,000 cadres
 * with 20 trips each (up to 40,000 trip rows), and stays under a fixed budget. Budgets are the measured counts plus
 * a small margin; a change that adds a call per row or per cadre breaks the equality long before the budget.
 */

const SIZES = [10, 100, 2000] as const;

function normalized(byMethod: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [method, n] of Object.entries(byMethod)) {
    const key = method === 'Sheet.deleteRows' || method === 'Sheet.insertRowsAfter' ? 'Sheet.(fit rows)' : method;
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

interface Action {
  name: string;
  /** Spreadsheet-service calls allowed. */
  budget: number;
  /** Anything to do before counting (not counted). */
  before?: (addon: Addon) => void;
  run: (addon: Addon) => void;
}

const ACTIONS: Action[] = [
  {
    name: 'Kiểm tra dữ liệu (menuCheck)',
    // The first check also sets up what it owns: our columns' metadata and our colouring rules (8 rule builders), and
    // formats the new dashboard with one RangeList per format that differs from Sheets' default (not a grid per property).
    budget: 150,
    run: (a) => a.call('menuCheck'),
  },
  {
    name: 'Kiểm tra dữ liệu, second run (status columns and dashboard already there)',
    // Nothing changed: reads, our markers, the dashboard's values; no rule, width, merge or protection call.
    budget: 45,
    before: (a) => a.call('menuCheck'),
    run: (a) => a.call('menuCheck'),
  },
  {
    name: 'Khởi tạo bảng tính on filled tabs (menuSetup)',
    budget: 110,
    run: (a) => a.call('menuSetup'),
  },
  {
    // Before any check: the live check finds no column of ours and reads every row (live-check.ts).
    name: 'onEdit of one trip row',
    budget: 50,
    run: (a) => {
      a.env.setAuthMode('LIMITED');
      const range = a.ss.tab('Đi cơ sở').rangeAt(5, 6);
      a.call('onEdit', { authMode: 'LIMITED', range, source: a.ss, value: '4' });
    },
  },
  {
    name: 'onEdit of one trip row, after a check (the cadre’s rows only)',
    budget: 52,
    before: (a) => a.call('menuCheck'),
    run: (a) => {
      a.env.setAuthMode('LIMITED');
      const range = a.ss.tab('Đi cơ sở').rangeAt(5, 6);
      a.call('onEdit', { authMode: 'LIMITED', range, source: a.ss, value: '4' });
    },
  },
  {
    name: 'onEdit of one roster row',
    budget: 42,
    run: (a) => {
      a.env.setAuthMode('LIMITED');
      const range = a.ss.tab('Cán bộ').rangeAt(3, 3);
      a.call('onEdit', { authMode: 'LIMITED', range, source: a.ss, value: 'Chuyên viên' });
    },
  },
  {
    name: 'Tạo mẫu 2 for every ban (generateForm)',
    budget: 78,
    run: (a) => a.call('generateForm', { form: 'mau2', ban: null, quarter: 1 }),
  },
  {
    name: 'Tạo mẫu 3, quarter 2, one ban (generateForm)',
    budget: 82,
    run: (a) => a.call('generateForm', { form: 'mau3', ban: 'Ban Tuyên giáo', quarter: 2 }),
  },
  {
    name: 'Tiến độ cán bộ (getProgress)',
    budget: 20,
    run: (a) => a.call('getProgress'),
  },
  {
    name: 'Nhập đợt đi cơ sở (saveTrip)',
    budget: 35,
    run: (a) => {
      const result = a.call('saveTrip', {
        name: 'Cán Bộ Số 3',
        ban: 'Ban Phong trào',
        kind: 'chi-doan',
        detail: 'Dự sinh hoạt chi đoàn ấp 3',
        from: '2023-11-20',
        to: '2023-11-21',
        days: '2',
        place: 'Xã B',
        level: '',
        status: 'registered',
      }) as { ok: boolean };
      expect(result.ok).toBe(true);
    },
  },
  {
    name: 'Select a cadre’s trip rows (selectTripRows)',
    budget: 20,
    run: (a) => a.call('selectTripRows', 'Cán Bộ Số 2', 'Ban Tuyên giáo'),
  },
];

describe('each action makes the same number of Spreadsheet calls for 10, 100 and 2,000 cadres', () => {
  for (const action of ACTIONS) {
    it(action.name, { timeout: 120_000 }, () => {
      const counts: Record<number, { spreadsheet: number; total: number; byMethod: Record<string, number> }> = {};
      for (const size of SIZES) {
        const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(size) });
        action.before?.(addon);
        addon.env.calls.reset();
        addon.env.ui.alerts.length = 0;
        action.run(addon);
        // No action may end in an error alert.
        expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
        counts[size] = { spreadsheet: addon.env.calls.spreadsheet(), total: addon.env.calls.total(), byMethod: addon.env.calls.byMethod() };
      }
      console.info(`${action.name}: ${SIZES.map((s) => `${s} cadres → ${counts[s]!.spreadsheet} spreadsheet calls (${counts[s]!.total} in all)`).join('; ')}`);
      expect(counts[100]!.spreadsheet).toBe(counts[10]!.spreadsheet);
      expect(counts[2000]!.spreadsheet).toBe(counts[10]!.spreadsheet);
      expect(counts[100]!.total).toBe(counts[10]!.total);
      expect(counts[2000]!.total).toBe(counts[10]!.total);
      // Method by method too, except that a generated tab is fitted to its form with one call, which deletes rows of
      // a fresh 1,000-row sheet for a short form and inserts rows for a long one.
      expect(normalized(counts[100]!.byMethod)).toEqual(normalized(counts[10]!.byMethod));
      expect(normalized(counts[2000]!.byMethod)).toEqual(normalized(counts[10]!.byMethod));
      expect(counts[10]!.spreadsheet).toBeLessThanOrEqual(action.budget);
    });
  }
});
