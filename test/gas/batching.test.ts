import { describe, expect, it } from 'vitest';
import type { ServerArgs, ServerName, ServerResult } from '../../src/sheets/server-functions';
import { loadAddon, syntheticSpreadsheet, type Addon } from './harness';

/**
 * Batching, measured on the built Code.js over the strict fakes: every action makes the same number of Spreadsheet
 * service calls (SpreadsheetApp, Spreadsheet, Sheet, Range, validations, protections) for 10 and 100 cadres with 20
 * trips each, and stays under a fixed budget. Budgets are the measured counts plus a small margin; a change that adds
 * a call per row or per cadre breaks the equality long before the budget. The benchmark (`npm run bench`) runs this
 * file again with BATCHING_AT_SCALE=1, adding 2,000 cadres (40,000 trip rows), and reports its verdict.
 */

const SIZES = [10, 100, ...(process.env.BATCHING_AT_SCALE === '1' ? [2000] : [])];

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

/**
 * A measured call of one server function: its budget, what to do first (not counted), its argument (worked out
 * before counting) and what its answer must be.
 */
interface ServerCase<K extends ServerName> {
  name: string;
  budget: number;
  before?: (addon: Addon) => void;
  args: (addon: Addon) => ServerArgs<K>;
  expect?: (result: ServerResult<K>) => void;
}

/**
 * At least one budget for every function of the server-function table (src/sheets/server-functions.ts), keyed by its
 * name: a function added there without a budget, or removed there with its budget left here, fails the type check.
 */
type ServerCases = { [K in ServerName]: readonly [ServerCase<K>, ...ServerCase<K>[]] };

const NEW_TRIP = {
  name: 'Cán Bộ Số 3',
  ban: 'Ban Phong trào',
  kind: 'chi-doan',
  detail: 'Dự sinh hoạt chi đoàn ấp 3',
  from: '2023-12-10',
  to: '2023-12-11',
  days: '2',
  place: 'Xã B',
  level: '',
  status: 'registered',
};
/** What saveTrip answered in `before`, for the undo in `run`. */
const undo = new WeakMap<Addon, { row: number; written: unknown[] }>();
/** The stored settings as getSettingsPage answered in `before`, for the save. */
const settingsShown = new WeakMap<Addon, ServerResult<'getSettingsPage'>['settings']>();

/** The synthetic sheet keeps approvals (the template's five columns after Trạng thái); the user leads Ban Tổ chức – Kiểm tra. */
function keepApprovals(a: Addon): void {
  a.ss
    .tab('Đi cơ sở')
    .getRange(1, 12, 1, 5)
    .setValues([['Ban duyệt (người)', 'Ban duyệt (ngày)', 'Thông báo phê duyệt (số)', 'Thông báo phê duyệt (ngày)', 'Trả lại (lý do)']]);
  a.ss.tab('Cán bộ').getRange(2, 6).setValue('user@example.com');
}
/** Five rows of the queue as getApprovalQueue showed them, for the decision. */
const shown = new WeakMap<Addon, { row: number; fingerprint: string }[]>();
function loadQueue(a: Addon): void {
  const queue = a.call('getApprovalQueue') as ServerResult<'getApprovalQueue'>;
  const rows = queue.roles[0]!.groups.flatMap((g) => g.rows).slice(0, 5);
  expect(rows).toHaveLength(5);
  shown.set(
    a,
    rows.map((r) => ({ row: r.row, fingerprint: r.fingerprint })),
  );
}

const SERVER_CASES: ServerCases = {
  getProgress: [{ name: 'Tiến độ cán bộ', budget: 20, args: () => [] }],
  selectTripRows: [
    {
      name: 'Select a cadre’s trip rows',
      budget: 20,
      // The page passes the rows it shows (getProgress's tripRows); nothing is read again.
      args: () => [{ name: 'Cán Bộ Số 2', rows: Array.from({ length: 20 }, (_, i) => 22 + i).filter((r) => r !== 27) }],
    },
  ],
  getTripForm: [{ name: 'Nhập đợt đi cơ sở opened', budget: 20, args: () => [] }],
  saveTrip: [
    {
      name: 'Nhập đợt đi cơ sở',
      budget: 35,
      args: () => [
        {
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
        },
      ],
      expect: (result) => expect(result.ok).toBe(true),
    },
    {
      name: 'Nhập đợt đi cơ sở, a trip that overlaps one of the cadre’s: the warning, nothing written',
      budget: 20,
      args: () => [{ ...NEW_TRIP, from: '2023-01-03', to: '2023-01-05' }],
      expect: (result) => expect(result).toMatchObject({ ok: false, conflicts: [expect.anything()] }),
    },
  ],
  openTripRow: [
    {
      name: 'Mở dòng N after saving',
      budget: 12,
      before: (a) => void a.call('saveTrip', NEW_TRIP),
      args: () => [{ row: 30 }],
    },
  ],
  undoTrip: [
    {
      name: 'Hoàn tác after saving: one read of the trips tab, one row emptied',
      budget: 20,
      before: (a) => {
        const saved = a.call('saveTrip', NEW_TRIP) as { row: number; written: unknown[] };
        undo.set(a, saved);
      },
      args: (a) => [undo.get(a)!],
      expect: (result) => expect(result).toMatchObject({ tab: 'Đi cơ sở' }),
    },
  ],
  getFormOptions: [{ name: 'Tạo biểu mẫu opened', budget: 20, args: () => [] }],
  generateForm: [
    {
      name: 'Tạo mẫu 2 for every ban',
      // A form's formats: one RangeList per property and value (two calls each), as for the dashboard.
      budget: 88,
      args: () => [{ form: 'mau2', ban: null, quarter: 1 }],
    },
    { name: 'Tạo mẫu 3, quarter 2, one ban', budget: 92, args: () => [{ form: 'mau3', ban: 'Ban Tuyên giáo', quarter: 2 }] },
    {
      name: 'Tạo mẫu 1 for one cadre',
      budget: 92,
      args: () => [{ form: 'mau1', ban: null, cadre: { name: 'Cán Bộ Số 3', ban: 'Ban Phong trào' }, quarter: 1 }],
    },
    {
      name: 'Tạo mẫu 3 again: the question, nothing written',
      budget: 28,
      before: (a) => void a.call('generateForm', { form: 'mau3', ban: null, quarter: 2 }),
      args: () => [{ form: 'mau3', ban: null, quarter: 2 }],
      expect: (result) => expect(result).toMatchObject({ ok: false }),
    },
  ],
  getSettingsPage: [{ name: 'Cài đặt opened', budget: 20, args: () => [] }],
  saveSettingsPage: [
    {
      name: 'Cài đặt saved',
      budget: 12,
      before: (a) => settingsShown.set(a, (a.call('getSettingsPage') as ServerResult<'getSettingsPage'>).settings),
      args: (a) => [{ ...settingsShown.get(a)!, overrides: { minDays: 50 } }],
    },
  ],
  getScheduleStatus: [{ name: 'Cài đặt, the email schedule’s state', budget: 4, args: () => [] }],
  setSchedule: [{ name: 'Cài đặt, the email schedule turned on', budget: 5, args: () => [true] }],
  sendMissedSummaries: [{ name: 'Gửi bù with nothing to send', budget: 22, args: () => [] }],
  getApprovalQueue: [
    {
      name: 'Duyệt đăng ký opened: the roster, the trips and their notes read once',
      budget: 22,
      before: keepApprovals,
      args: () => [],
      expect: (result) => expect(result.roles.map((r) => r.kind)).toEqual(['ban']),
    },
  ],
  decideApprovals: [
    {
      name: 'Duyệt đăng ký, five rows approved: read, one batch of writes, read again for the page',
      // Seven calls write: a RangeList and its setValue for the account, three for the date (its format), one block
      // of trail notes (getRange, setNotes); the rest reads, twice (the rows' state before, the page's queue after).
      budget: 40,
      before: (a) => {
        keepApprovals(a);
        loadQueue(a);
      },
      args: (a) => [{ role: 'ban', ban: 'Ban Tổ chức – Kiểm tra', decision: 'approve', rows: shown.get(a)! }],
      expect: (result) => expect(result.written).toHaveLength(5),
    },
    {
      name: 'Duyệt đăng ký after a check: the written rows’ status cells brought up to date too',
      budget: 55,
      before: (a) => {
        keepApprovals(a);
        a.call('menuCheck');
        loadQueue(a);
      },
      args: (a) => [{ role: 'ban', ban: 'Ban Tổ chức – Kiểm tra', decision: 'approve', rows: shown.get(a)! }],
      expect: (result) => expect(result.written).toHaveLength(5),
    },
    {
      name: 'Duyệt đăng ký, the same rows again: nothing written, nothing read again',
      // What opening the page costs, and the lock's flush.
      budget: 22,
      before: (a) => {
        keepApprovals(a);
        loadQueue(a);
        a.call('decideApprovals', { role: 'ban', ban: 'Ban Tổ chức – Kiểm tra', decision: 'approve', rows: shown.get(a)! });
      },
      args: (a) => [{ role: 'ban', ban: 'Ban Tổ chức – Kiểm tra', decision: 'approve', rows: shown.get(a)! }],
      expect: (result) => expect(result.written).toEqual([]),
    },
  ],
  dismissUnsent: [{ name: 'Bỏ khỏi danh sách, an entry no longer there', budget: 4, args: () => [{ item: 'r2023-dang-ky-1', recipients: 'abcdef' }] }],
  getSelfCheck: [
    {
      name: 'Cài đặt, the stored Kiểm tra môi trường',
      budget: 4,
      before: (a) => a.call('menuSelfCheck'),
      args: () => [],
      expect: (result) => expect(result.report?.probes).toHaveLength(8),
    },
  ],
};

function serverActions(): Action[] {
  return (Object.entries(SERVER_CASES) as [ServerName, readonly ServerCase<ServerName>[]][]).flatMap(([fn, cases]) =>
    cases.map((c) => {
      const args = new WeakMap<Addon, unknown[]>();
      return {
        name: `${c.name} (${fn})`,
        budget: c.budget,
        before: (a: Addon) => {
          c.before?.(a);
          args.set(a, c.args(a));
        },
        run: (a: Addon) => {
          const result = a.call(fn, ...args.get(a)!) as ServerResult<ServerName>;
          c.expect?.(result);
        },
      };
    }),
  );
}

const ACTIONS: Action[] = [
  {
    name: 'Kiểm tra dữ liệu (menuCheck)',
    // The first check also sets up what it owns: our columns' metadata, our colouring rules (17 rule builders: a
    // built-in condition on our status column per highlight, which holds in any locale, and a formula per row tint;
    // src/gas/highlight-rules.ts), the dashboard's chart (10 builder calls), and formats the new dashboard with one
    // RangeList per format that differs from Sheets' default (not a grid per property): a getRangeList and a setter
    // for each, fewer cells than a grid.
    // The period's seven verdicts (core/verdict.ts) tint the roster's rows: 7 × 2 builders there, 3 on the trips tab.
    budget: 200,
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
  ...serverActions(),
];

describe(`each action makes the same number of Spreadsheet calls for ${SIZES.join(', ')} cadres`, () => {
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
      for (const size of SIZES.slice(1)) {
        expect(counts[size]!.spreadsheet).toBe(counts[10]!.spreadsheet);
        expect(counts[size]!.total).toBe(counts[10]!.total);
        // Method by method too, except that a generated tab is fitted to its form with one call, which deletes rows of
        // a fresh 1,000-row sheet for a short form and inserts rows for a long one.
        expect(normalized(counts[size]!.byMethod)).toEqual(normalized(counts[10]!.byMethod));
      }
      expect(counts[10]!.spreadsheet).toBeLessThanOrEqual(action.budget);
    });
  }
});

describe('mẫu 1 of a whole Ban: one form per cadre, each at a fixed cost whatever the number of trips', () => {
  // Each form has its own merged header and signature rows, and Apps Script merges one range per call: the cost grows
  // with the Ban's cadres (a Ban has a handful to a few dozen), never with the trips.
  const calls = (cadres: number, tripsEach: number) => {
    const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(cadres, tripsEach) });
    addon.env.calls.reset();
    addon.call('generateForm', { form: 'mau1', ban: 'Ban Phong trào', quarter: 1 });
    expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
    return addon.env.calls.spreadsheet();
  };

  it('the same calls for 5 or 40 trips per cadre; at most 36 more per form', { timeout: 120_000 }, () => {
    // syntheticSpreadsheet puts every 6th cadre in Ban Phong trào: 12 cadres → 2 forms, 24 → 4.
    const few = calls(12, 5);
    expect(calls(12, 40)).toBe(few);
    const perForm = (calls(24, 5) - few) / 2;
    console.info(`Tạo mẫu 1 for a Ban: ${few} spreadsheet calls for 2 forms, ${perForm} more per form`);
    expect(perForm).toBeLessThanOrEqual(36);
  });
});
