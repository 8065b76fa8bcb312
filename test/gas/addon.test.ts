import { beforeAll, describe, expect, it } from 'vitest';
import { NOTE_MARKER } from '../../src/sheets/notes';
import { FakeSpreadsheet, UiRecorder } from '../fakes';
import { TRIP_HEADER } from '../support/domain';
import {
  DEPLOYMENTS,
  useDeployment,
  buildOnce,
  loadAddon,
  PAGES_EXPECTED,
  sampleSpreadsheet,
  syntheticSpreadsheet,
  valuesOf,
  vnDate,
  withoutColumn,
} from './harness';

const MENU_ITEMS = [
  ['Khởi tạo bảng tính', 'menuSetup'],
  ['Kiểm tra dữ liệu', 'menuCheck'],
  ['Tiến độ cán bộ', 'menuProgress'],
  ['Nhập đợt đi cơ sở', 'menuTripForm'],
  ['Duyệt đăng ký', 'menuApprovals'],
  ['Tạo mẫu 1…', 'menuMau1'],
  ['Tạo mẫu 2…', 'menuMau2'],
  ['Tạo mẫu 3…', 'menuMau3'],
  ['Cài đặt', 'menuSettings'],
  ['Gửi thử báo cáo quý', 'menuSendTestSummary'],
  ['Xóa đánh dấu của tiện ích', 'menuClearMarks'],
  // Under Trợ giúp.
  ['Hướng dẫn', 'menuHelp'],
  ['Kiểm tra môi trường', 'menuSelfCheck'],
];
const BUSY = 'Một người khác đang chạy thao tác này trên bảng tính. Vui lòng đợi ít phút rồi thử lại.';
const PROTECTION = 'Tab này do tiện ích tạo; sửa tay sẽ bị ghi đè';
const MARKER = NOTE_MARKER;

function statusColumnOf(values: unknown[][], caption: string, headerRow = 1): number {
  return (values[headerRow - 1] ?? []).indexOf(caption) + 1;
}

describe.each(DEPLOYMENTS)('deployed as %s', (deployment) => {
  beforeAll(() => useDeployment(deployment));

  describe('onOpen and onInstall build the add-on menu in every authorization mode', () => {
    for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
      it(`AuthMode.${mode}`, () => {
        const addon = loadAddon({ authMode: mode, spreadsheet: syntheticSpreadsheet(3) });
        addon.call('onOpen', { authMode: mode, source: addon.ss });
        const menu = addon.env.ui.addonMenu();
        expect(menu?.kind).toBe('addon');
        expect(UiRecorder.items(menu).map((i) => [i.caption, i.functionName])).toEqual(MENU_ITEMS);
        expect(addon.env.ui.menus.filter((m) => m.kind === 'custom')).toEqual([]);
        // Nothing but the menu: no spreadsheet, properties, lock, session or anything else.
        const methods = Object.keys(addon.env.calls.byMethod());
        expect(methods.every((m) => m.startsWith('Menu.') || m === 'Ui.createAddonMenu' || m === 'Ui.createMenu' || m === 'SpreadsheetApp.getUi')).toBe(true);
        expect(addon.env.calls.spreadsheet()).toBe(1); // SpreadsheetApp.getUi
      });
    }

    it('Hướng dẫn and Kiểm tra môi trường are under Trợ giúp', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(3) });
      addon.call('onOpen', { authMode: 'NONE', source: addon.ss });
      const help = addon.env.ui.addonMenu()!.entries.find((e) => e.kind === 'submenu');
      expect(help).toMatchObject({ caption: 'Trợ giúp' });
      expect(UiRecorder.items({ kind: 'custom', caption: 'Trợ giúp', entries: help?.kind === 'submenu' ? help.entries : [] })).toEqual([
        { caption: 'Hướng dẫn', functionName: 'menuHelp' },
        { caption: 'Kiểm tra môi trường', functionName: 'menuSelfCheck' },
      ]);
    });

    it('onInstall builds the same menu', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(3) });
      addon.call('onInstall', { authMode: 'FULL' });
      expect(UiRecorder.items(addon.env.ui.addonMenu()).map((i) => i.functionName)).toEqual(MENU_ITEMS.map((m) => m[1]));
    });

    it('loading Code.js touches no service (its top level runs before onOpen, in AuthMode.NONE too)', () => {
      const addon = loadAddon({ authMode: 'NONE' });
      expect(addon.env.calls.total()).toBe(0);
    });

    it('every menu item is a function in Code.js', () => {
      const addon = loadAddon();
      const code = buildOnce().code;
      for (const [, fn] of MENU_ITEMS) expect(code).toContain(`function ${fn}() {`);
      expect(() => addon.call('menuHelp')).not.toThrow();
    });
  });

  describe('Khởi tạo bảng tính', () => {
    it('on a new en_US spreadsheet: explains the date pitfall, sets vi_VN on YES, creates the three tabs', () => {
      const addon = loadAddon({ spreadsheet: new FakeSpreadsheet() });
      addon.env.ui.answerAlerts('YES');
      addon.call('menuSetup');
      const [question, summary] = addon.env.ui.alerts;
      expect(question?.buttons).toBe('YES_NO');
      expect(question?.prompt).toContain('“05/06/2023” là ngày 6 tháng 5');
      expect(addon.ss.locale).toBe('vi_VN');
      expect(addon.ss.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(summary?.prompt).toContain('Đã tạo tab: “Cán bộ”, “Đi cơ sở”, “Cài đặt”');
      expect(addon.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Cán bộ', 'Đi cơ sở', 'Cài đặt']);

      const trips = addon.ss.tab('Đi cơ sở').snapshot();
      // Kiên Giang's template keeps the steps 06-HD rates: registration, the urgent-task decision, the base's confirmation…
      expect(trips.values[0]).toEqual([
        ...TRIP_HEADER,
        'Ngày đăng ký',
        'Ban duyệt (người)',
        'Ban duyệt (ngày)',
        'Thông báo phê duyệt (số)',
        'Thông báo phê duyệt (ngày)',
        'Trả lại (lý do)',
        'Đột xuất (văn bản)',
        'Xác nhận cơ sở',
        'Đã báo cáo',
        'Điểm',
        'Minh chứng',
        'Kết quả, đề xuất',
      ]);
      expect(trips.frozenRows).toBe(1);
      expect(trips.columnWidths[2]).toBe(180);
      // The example's dates are real dates shown day first.
      expect(trips.displayValues[1]?.slice(6, 8)).toEqual(['05/06/2023', '09/06/2023']);
      const sheet = addon.ss.tab('Đi cơ sở');
      const kind = sheet.cellAt(500, 4)?.validation?.describe();
      expect(kind?.criteria).toBe('VALUE_IN_LIST');
      expect((kind?.values[0] as string[]).length).toBeGreaterThanOrEqual(5);
      expect(kind?.allowInvalid).toBe(false);
      expect(sheet.cellAt(1000, 11)?.validation?.describe().values[0]).toEqual(['Đăng ký', 'Đã duyệt', 'Đã thực hiện', 'Hủy']);
      expect(sheet.cellAt(1000, 7)?.validation?.describe().criteria).toBe('DATE_IS_VALID_DATE');
      expect(sheet.cellAt(1000, 7)?.numberFormat).toBe('dd/MM/yyyy');
      // The header row has no rule.
      expect(sheet.cellAt(1, 4)?.validation ?? null).toBeNull();
      // Ban/Văn phòng on the roster: the default list, other values allowed.
      expect(addon.ss.tab('Cán bộ').cellAt(2, 4)?.validation?.describe().allowInvalid).toBe(true);
      expect(addon.ss.tab('Cài đặt').values()[0]).toEqual(['Cài đặt', 'Giá trị', 'Ghi chú']);
    });

    it('on NO keeps the locale and says how to type dates meanwhile', () => {
      const addon = loadAddon({ spreadsheet: new FakeSpreadsheet() });
      addon.env.ui.answerAlerts('NO');
      addon.call('menuSetup');
      expect(addon.ss.locale).toBe('en_US');
      expect(addon.env.ui.alerts[1]?.prompt).toContain('năm-tháng-ngày');
    });

    it('on the sample: creates nothing, adds rules only where the columns are, changes no value; twice is the same', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const before = valuesOf(addon.ss);
      addon.call('menuSetup');
      addon.call('menuSetup');
      expect(valuesOf(addon.ss)).toEqual(before);
      expect(addon.ss.sheets.map((s) => s.name)).toEqual(['Cán bộ', 'Đi cơ sở', 'Cài đặt']);
      // vi_VN already: no locale question.
      expect(addon.env.ui.alerts.map((a) => a.buttons)).toEqual(['OK', 'OK']);
      expect(addon.env.ui.alerts[0]?.prompt).toContain('Đã thêm danh sách chọn');
      // The roster's header is on row 3: rules start on row 4, with the bans read from the roster.
      const roster = addon.ss.tab('Cán bộ');
      expect(roster.cellAt(3, 4)?.validation ?? null).toBeNull();
      const bans = roster.cellAt(4, 4)?.validation?.describe().values[0] as string[];
      expect(bans).toContain('Thường trực Tỉnh đoàn');
      expect(roster.cellAt(4, 4)?.validation?.describe().allowInvalid).toBe(true);
    });
  });

  describe('Kiểm tra dữ liệu on the sample workbook', () => {
    it('writes the status columns, notes, colours and the protected dashboard; keeps every typed value', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const userNote = 'Ghi chú riêng của trưởng ban';
      addon.ss.tab('Đi cơ sở').ensureCell(5, 2).note = userNote;
      const before = valuesOf(addon.ss);
      addon.call('menuCheck');
      expect(addon.env.ui.alerts).toEqual([]);
      // The first toast comes before anything is read; the count once the header is found; then the result.
      const { sequence } = addon.env.calls;
      expect(sequence.indexOf('Spreadsheet.toast')).toBeLessThan(sequence.findIndex((c) => c.startsWith('Range.get')));
      expect(addon.ss.toasts[0]?.message).toBe('Đang đọc dữ liệu trong bảng tính…');
      expect(addon.ss.toasts[1]?.message).toBe('Đang kiểm tra 265 dòng…');
      expect(addon.ss.toasts[2]?.message).toMatch(/^Cán bộ: .*Miễn 3\. Dòng có lỗi \(chưa tính\): \d+; lưu ý: \d+\./);

      const trips = addon.ss.tab('Đi cơ sở').snapshot();
      const status = statusColumnOf(trips.values, 'Kết quả kiểm tra');
      expect(status).toBe(18);
      const after = valuesOf(addon.ss);
      expect(withoutColumn(after['Đi cơ sở']!, status)).toEqual(withoutColumn(before['Đi cơ sở']!, status));
      const statuses = trips.values.slice(1).map((r) => String(r[status - 1]));
      expect(statuses.filter((s) => s === 'Hợp lệ').length).toBeGreaterThan(200);
      const errorRow = statuses.findIndex((s) => s.startsWith('Lỗi:')) + 2;
      expect(errorRow).toBeGreaterThan(1);
      // The colours are our conditional-format rules keyed to our column; no fill of the user's is written.
      const tripSheet = addon.ss.tab('Đi cơ sở');
      expect(tripSheet.effectiveFormat(errorRow, status).background).toBe('#f4c7c3');
      expect(tripSheet.effectiveFormat(errorRow, 2).background).toBe('#f4c7c3');
      expect(trips.backgrounds.flat().every((b) => b === '#ffffff')).toBe(true);
      expect(trips.developerMetadata).toEqual([{ key: 'dicoso.status-column', value: expect.any(String), visibility: 'DOCUMENT', location: 'column R' }]);
      expect(trips.notes.flat().some((n) => n.startsWith(MARKER))).toBe(true);
      expect(trips.notes[4]?.[1]).toBe(userNote);

      const roster = addon.ss.tab('Cán bộ').snapshot();
      const rosterStatus = statusColumnOf(roster.values, 'Kết quả 1+2', 3);
      expect(rosterStatus).toBe(10);
      expect(withoutColumn(after['Cán bộ']!, rosterStatus)).toEqual(withoutColumn(before['Cán bộ']!, rosterStatus));
      expect(after['Cài đặt']).toEqual(before['Cài đặt']);
      const rosterSheet = addon.ss.tab('Cán bộ');
      const seen = roster.values.slice(3).map((_, i) => rosterSheet.effectiveFormat(i + 4, 1).background);
      expect(seen).toContain('#d9ead3');
      expect(seen).toContain('#e0e0e0');

      const dashboard = addon.ss.tab('Tổng hợp 1+2').snapshot();
      expect(dashboard.protections).toEqual([{ type: 'SHEET', description: PROTECTION, warningOnly: true, range: null }]);
      expect(dashboard.frozenRows).toBeGreaterThanOrEqual(0);
      expect(dashboard.maxRows).toBe(dashboard.values.length + 1);
      // A stacked bar per Ban: labels in column B, Kiên Giang's seven verdicts of the period (Đủ … Miễn) in D:J, with
      // their caption row.
      expect(dashboard.charts).toHaveLength(1);
      const chart = dashboard.charts[0]!;
      expect(chart).toMatchObject({ type: 'BAR', stacked: true, title: 'Cán bộ theo ban và kết luận' });
      const totalsHeader = dashboard.values.findIndex((r) => r[1] === 'Ban/Văn phòng' && r[3] === 'Đủ') + 1;
      const banRows = dashboard.values.slice(totalsHeader).findIndex((r) => r[1] === 'Toàn tỉnh');
      expect(chart.ranges).toEqual([`B${totalsHeader}:B${totalsHeader + banRows}`, `D${totalsHeader}:J${totalsHeader + banRows}`]);
      expect(dashboard.values[totalsHeader - 1]!.slice(3, 10)).toEqual([
        'Đủ',
        'Đủ nếu đi hết đợt đã đăng ký',
        'Thiếu ngày',
        'Thiếu chuyên đề',
        'Thiếu ngày và chuyên đề',
        'Thiếu yêu cầu địa bàn',
        'Miễn',
      ]);

      // A second run replaces, never duplicates: same status column, one protection, same values.
      addon.call('menuCheck');
      expect(valuesOf(addon.ss)).toEqual(after);
      expect(addon.ss.tab('Tổng hợp 1+2').snapshot().protections.length).toBe(1);
      expect(addon.ss.tab('Tổng hợp 1+2').snapshot().charts).toHaveLength(1);
    });

    it('a form cell that looks like a formula or a number stays text', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      addon.ss.tab('Đi cơ sở').ensureCell(2, 5).value = '=HYPERLINK("x")';
      addon.call('menuCheck');
      addon.call('generateForm', { form: 'mau2', ban: null, quarter: 1 });
      const tab = addon.ss.sheets.find((s) => s.name.startsWith('Mẫu 2'))!;
      const snap = tab.snapshot();
      expect(snap.formulas.flat().every((f) => f === '')).toBe(true);
      expect(snap.values.flat().some((v) => String(v).includes('=HYPERLINK("x")'))).toBe(true);
    });
  });

  describe('forms, pages and settings', () => {
    it('generateForm writes mẫu 2 and mẫu 3 tabs, protected warning-only, and shows the tab', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const before = valuesOf(addon.ss, ['Cán bộ', 'Đi cơ sở']);
      const mau2 = addon.call('generateForm', { form: 'mau2', ban: null, quarter: 3 }) as { tabName: string; trips: number };
      expect(mau2.trips).toBeGreaterThan(100);
      expect(addon.ss.activeSheet.name).toBe(mau2.tabName);
      const mau3 = addon.call('generateForm', { form: 'mau3', ban: 'Ban Tuyên giáo', quarter: 3 }) as { tabName: string };
      expect(mau3.tabName).toMatch(/Mẫu 3/);
      for (const name of [mau2.tabName, mau3.tabName]) {
        const snap = addon.ss.tab(name).snapshot();
        expect(snap.protections).toEqual([{ type: 'SHEET', description: PROTECTION, warningOnly: true, range: null }]);
        expect(snap.merges.length).toBeGreaterThan(0);
        expect(snap.values.flat()).toContain('STT');
        // Official forms are set in Times New Roman: one setFontFamilies over the grid.
        expect(addon.ss.tab(name).cellAt(1, 1)?.fontFamily).toBe('Times New Roman');
      }
      expect(valuesOf(addon.ss, ['Cán bộ', 'Đi cơ sở'])).toEqual(before);
      expect(() => addon.call('generateForm', { form: 'mau3', ban: 'Ban Không Có', quarter: 3 })).toThrow('Không có Ban/Văn phòng “Ban Không Có”');
    });

    it('Tạo mẫu 2…/3… open the forms dialog telling it which form, before the page’s own scripts', () => {
      const page = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>start()</script></body></html>';
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(3), htmlFiles: { 'forms-dialog': page } });
      addon.call('menuMau3');
      const dialog = addon.env.ui.dialogs[0]!;
      expect(dialog.kind).toBe('modal');
      expect(dialog.content.startsWith('<!DOCTYPE html><html><head><script>window.__FORM__="mau3";</script>')).toBe(true);
      expect(dialog.content.indexOf('__FORM__')).toBeLessThan(dialog.content.indexOf('start()'));
    });

    it('a page missing from the deployment gives a clear message, not a crash', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(3), htmlFiles: {} });
      for (const fn of ['menuProgress', 'menuTripForm', 'menuSettings', 'menuMau2', 'menuHelp']) addon.call(fn);
      expect(addon.env.ui.dialogs).toEqual([]);
      expect(addon.env.ui.alerts.map((a) => a.prompt)).toEqual([
        expect.stringMatching(/^Trang “Tiến độ cán bộ” chưa có trong bản cài đặt này của tiện ích \(thiếu tệp progress\.html\)/),
        expect.stringMatching(/^Trang “Nhập đợt đi cơ sở” chưa có .*trip-form\.html/),
        expect.stringMatching(/^Trang “Cài đặt” chưa có .*settings\.html/),
        expect.stringMatching(/^Trang “Tạo mẫu 2…” chưa có .*forms-dialog\.html/),
        expect.stringMatching(/^Trang “Hướng dẫn” chưa có .*help\.html/),
      ]);
      expect(addon.env.ui.alerts.every((a) => a.prompt.includes('.html'))).toBe(true);
    });

    it('sidebars open their page with a title; Hướng dẫn opens the built help page in a dialog', () => {
      const html = (t: string) => `<html><head></head><body>${t}</body></html>`;
      const addon = loadAddon({
        spreadsheet: syntheticSpreadsheet(3),
        htmlFiles: { progress: html('p'), 'trip-form': html('t'), settings: html('s'), help: buildOnce().pages.help! },
      });
      addon.call('menuProgress');
      addon.call('menuTripForm');
      addon.call('menuSettings');
      addon.call('menuHelp');
      expect(addon.env.ui.dialogs.map((d) => [d.kind, d.title])).toEqual([
        ['sidebar', 'Tiến độ cán bộ'],
        ['sidebar', 'Nhập đợt đi cơ sở'],
        ['sidebar', 'Cài đặt'],
        ['modal', 'Hướng dẫn – 1+2 Đi cơ sở'],
      ]);
      expect(addon.env.ui.dialogs[3]?.content).toContain('ngày/tháng/năm');
    });

    it('every page the menu opens was built into dist/gas (the sidebar pages ship with the bundle)', () => {
      const built = buildOnce().files;
      const missing = PAGES_EXPECTED.filter((p) => !built.includes(`${p}.html`));
      expect(missing, `pages missing from dist/gas: ${missing.join(', ')}`).toEqual([]);
    });

    it('settings: saved to DocumentProperties, read back; a corrupt value falls back to defaults with a warning', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const page = addon.call('getSettingsPage') as { settings: Record<string, unknown>; warnings: string[] };
      // (The sample's Cài đặt tab sets Kế hoạch số: that one would not be saved; see test/gas/pages.test.ts.)
      const saved = addon.call('saveSettingsPage', { ...page.settings, overrides: { minDays: 55 } }) as { notSaved: Record<string, string> };
      expect(saved.notSaved).toEqual({});
      const stored = JSON.parse(addon.env.properties.document.map.get('dicoso.settings.v1')!);
      expect(stored.overrides.minDays).toBe(55);
      expect((addon.call('getSettingsPage') as { settings: { overrides: { minDays?: number } } }).settings.overrides.minDays).toBe(55);
      const refused = addon.call('saveSettingsPage', { ...page.settings, year: 1800 }) as { notSaved: Record<string, string> };
      expect(Object.keys(refused.notSaved)).toEqual(['year']);

      addon.env.properties.document.map.set('dicoso.settings.v1', '{"year": 20');
      const fallback = addon.call('getSettingsPage') as { warnings: string[] };
      expect(fallback.warnings.join(' ')).toContain('Cài đặt đã lưu bị hỏng');
      addon.call('menuCheck');
      expect(addon.env.ui.alerts[0]?.prompt).toContain('Cài đặt đã lưu bị hỏng; đang dùng cài đặt mặc định');
      expect(addon.ss.tab('Đi cơ sở').snapshot().values[0]).toContain('Kết quả kiểm tra');
    });

    it('saveTrip appends one row with real date cells; getProgress and selectTripRows see it', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const before = valuesOf(addon.ss, ['Đi cơ sở'])['Đi cơ sở']!;
      const result = addon.call('saveTrip', {
        name: 'Trần Văn Hòa',
        ban: '',
        kind: 'kiem-tra',
        detail: '=1+1',
        from: '2023-11-20',
        to: '2023-11-22',
        days: '3',
        place: 'Xã Thạnh Đông',
        level: '',
        status: 'registered',
      }) as { ok: boolean; row: number };
      expect(result).toMatchObject({ ok: true, row: before.length + 1 });
      const trips = addon.ss.tab('Đi cơ sở').snapshot();
      expect(valuesOf(addon.ss, ['Đi cơ sở'])['Đi cơ sở']!.slice(0, before.length)).toEqual(before);
      expect(trips.displayValues[result.row - 1]?.slice(6, 8)).toEqual(['20/11/2023', '22/11/2023']);
      expect(trips.values[result.row - 1]?.[4]).toBe('=1+1');
      expect(trips.formulas[result.row - 1]?.[4]).toBe('');

      const progress = addon.call('getProgress') as { cadres: { name: string; ban: string; tripRows: number[] }[] };
      const hoa = progress.cadres.find((c) => c.name === 'Trần Văn Hòa' && c.ban === 'Thường trực Tỉnh đoàn')!;
      expect(hoa.tripRows).toContain(result.row);
      const selected = addon.call('selectTripRows', { name: hoa.name, rows: hoa.tripRows }) as { tab: string; selected: number };
      expect(selected).toEqual({ tab: 'Đi cơ sở', selected: hoa.tripRows.length });
      expect(selected.selected).toBeGreaterThan(1);
      expect(addon.ss.activeSheet.name).toBe('Đi cơ sở');
      expect(addon.ss.activeRangeList.length).toBeGreaterThan(0);
      expect(() => addon.call('selectTripRows', { name: 'Người Không Có', rows: [] })).toThrow('Chưa có đợt đi cơ sở nào của Người Không Có');
    });
  });

  describe('onEdit: the live check of the edited rows', () => {
    async function checked() {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      addon.call('menuCheck');
      addon.env.setAuthMode('LIMITED');
      addon.env.calls.reset();
      return addon;
    }

    it('re-checks one edited trip row and its cadre’s roster row, and writes nothing else', async () => {
      const addon = await checked();
      const trips = addon.ss.tab('Đi cơ sở');
      const before = { trips: trips.snapshot(), roster: addon.ss.tab('Cán bộ').snapshot() };
      // Số ngày larger than the window: an error on that row.
      addon.ss.typeText("'Đi cơ sở'!F10", '99');
      addon.call('onEdit', { authMode: 'LIMITED', range: trips.rangeAt(10, 6), source: addon.ss, value: '99' });
      const after = { trips: trips.snapshot(), roster: addon.ss.tab('Cán bộ').snapshot() };
      expect(String(after.trips.values[9]?.[17])).toMatch(/^Lỗi: Số ngày 99 lớn hơn/);
      expect(trips.effectiveFormat(10, 6).background).toBe('#f4c7c3');
      expect(after.trips.notes[9]?.[5]?.startsWith(`${NOTE_MARKER}Số ngày 99`)).toBe(true);
      const others = (s: typeof before.trips) => ({
        values: s.values.filter((_, r) => r !== 9),
        notes: s.notes.filter((_, r) => r !== 9),
        bg: s.backgrounds.filter((_, r) => r !== 9),
      });
      expect(others(after.trips)).toEqual(others(before.trips));
      // The roster: only the cadre of row 10 may change.
      const cadre = String(after.trips.values[9]?.[1]);
      const changed = after.roster.values.map((r, i) => (JSON.stringify(r) === JSON.stringify(before.roster.values[i]) ? null : String(r[1]))).filter(Boolean);
      expect(changed.every((name) => name === cadre)).toBe(true);
      expect(addon.env.calls.cellsWritten).toBeLessThan(100);
      expect(addon.env.calls.count('Spreadsheet.insertSheet') + addon.env.calls.count('Sheet.clear')).toBe(0);
      expect(addon.env.ui.alerts).toEqual([]);
    });

    it('before any check, writes the status caption too (so the next check finds the column)', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet(), authMode: 'LIMITED' });
      const trips = addon.ss.tab('Đi cơ sở');
      addon.call('onEdit', { authMode: 'LIMITED', range: trips.rangeAt(20, 2, 2, 1), source: addon.ss });
      const values = trips.snapshot().values;
      expect(values[0]?.[17]).toBe('Kết quả kiểm tra');
      expect(values.map((r) => r[17]).filter((v) => v !== '').length).toBe(3);
      addon.call('menuCheck');
      expect(trips.snapshot().values[0]?.filter((v) => v === 'Kết quả kiểm tra').length).toBe(1);
    });

    it('is silent in AuthMode.NONE and on other tabs', async () => {
      const addon = await checked();
      addon.env.setAuthMode('NONE');
      addon.call('onEdit', { authMode: 'NONE', range: addon.ss.tab('Đi cơ sở').rangeAt(10, 6), source: addon.ss });
      expect(addon.env.calls.total()).toBe(0);
      addon.env.setAuthMode('LIMITED');
      addon.call('onEdit', { authMode: 'LIMITED', range: addon.ss.tab('Cài đặt').rangeAt(2, 2), source: addon.ss });
      expect(addon.env.calls.count('Range.set')).toBe(0);
      expect(addon.env.calls.count('Range.getValues')).toBe(0);
      expect(addon.env.ui.alerts).toEqual([]);
      expect(addon.ss.toasts.length).toBe(3);
    });

    it('leaves the rows to a running check when another execution holds the lock, silently', async () => {
      const addon = await checked();
      addon.env.holdLockElsewhere('document');
      const before = valuesOf(addon.ss);
      addon.call('onEdit', { authMode: 'LIMITED', range: addon.ss.tab('Đi cơ sở').rangeAt(10, 6), source: addon.ss });
      expect(valuesOf(addon.ss)).toEqual(before);
      expect(addon.env.ui.alerts).toEqual([]);
    });
  });

  describe('bad input through the add-on: a clear Vietnamese message, every typed value kept', () => {
    function checkWith(ss: FakeSpreadsheet, prepare?: (addon: ReturnType<typeof loadAddon>) => void) {
      const addon = loadAddon({ spreadsheet: ss });
      prepare?.(addon);
      const before = valuesOf(addon.ss);
      addon.call('menuCheck');
      return { addon, before, after: valuesOf(addon.ss), alerts: addon.env.ui.alerts.map((a) => a.prompt) };
    }

    it('a second tab named like the trips tab (a plan kept beside it) is named as not read, and left alone', () => {
      const ss = syntheticSpreadsheet(3);
      const plan = ss.insertSheet('Đăng kí đi cơ sở', 0);
      plan.getRange(1, 1, 2, 3).setValues([
        ['Họ và tên', 'Nội dung', 'Thời gian cụ thể'],
        ['Cán Bộ Số 1', '3.2', '01/01/2023 - 19/02/2023'],
      ]);
      const { alerts, addon } = checkWith(ss);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toContain('Tab “Đăng kí đi cơ sở” có tên như tab các đợt đi cơ sở nhưng không được đọc: chỉ tab “Đi cơ sở” được kiểm tra.');
      expect(addon.ss.tab('Đăng kí đi cơ sở').values()).toEqual([
        ['Họ và tên', 'Nội dung', 'Thời gian cụ thể'],
        ['Cán Bộ Số 1', '3.2', '01/01/2023 - 19/02/2023'],
      ]);
    });

    it('no roster tab', () => {
      const { alerts, before, after, addon } = checkWith(
        FakeSpreadsheet.fromTabs({ 'Đi cơ sở': [TRIP_HEADER, [1, 'A', '', '3.1', '', 5, '01/06/2023', '05/06/2023']] }),
      );
      expect(alerts).toEqual([
        'Không tìm thấy tab danh sách cán bộ. Hãy đặt tên một tab là “Cán bộ” (bảng tính đang có: “Đi cơ sở”); hoặc tạo tab mẫu bằng menu Khởi tạo bảng tính (Google Trang tính) hay lệnh dicoso init (tệp .xlsx).',
      ]);
      expect(after).toEqual(before);
      expect(addon.env.calls.count('Range.set')).toBe(0);
    });

    it('renamed headers', () => {
      const roster = [
        ['STT', 'Tên đầy đủ của đồng chí', 'Chức vụ', 'Đơn vị công tác'],
        [1, 'Nguyễn Văn An', 'Chuyên viên', 'Ban Tuyên giáo'],
      ];
      const { alerts, before, after } = checkWith(FakeSpreadsheet.fromTabs({ 'Cán bộ': roster, 'Đi cơ sở': [TRIP_HEADER] }));
      expect(alerts.length).toBe(1);
      expect(alerts[0]).toMatch(/Tab “Cán bộ” (thiếu cột bắt buộc|không có dòng tiêu đề)/);
      expect(alerts[0]).toContain('Họ và tên');
      expect(after).toEqual(before);
    });

    it('merged header cells (a two-row header with “Thời gian” over Từ ngày / Đến ngày)', () => {
      const trips = [
        ['STT', 'Họ và tên', 'Nội dung', 'Thời gian', '', 'Số ngày'],
        ['', '', '', 'Từ ngày', 'Đến ngày', ''],
        [1, 'Cán Bộ Số 1', '3.2', vnDate(2023, 3, 1), vnDate(2023, 3, 5), 5],
      ];
      const ss = FakeSpreadsheet.fromTabs(
        { 'Cán bộ': syntheticSpreadsheet(2).tab('Cán bộ').values(), 'Đi cơ sở': trips },
        { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
      );
      const sheet = ss.tab('Đi cơ sở');
      sheet.merges.push(
        { row: 1, column: 4, numRows: 1, numColumns: 2 },
        { row: 1, column: 1, numRows: 2, numColumns: 1 },
        { row: 1, column: 2, numRows: 2, numColumns: 1 },
      );
      const { alerts, before, after, addon } = checkWith(ss);
      const said = [...alerts, ...addon.ss.toasts.map((t) => t.message)].join('\n');
      // Either the header is understood and the check runs, or the person is told which column is missing.
      expect(said).toMatch(/Cán bộ: |thiếu cột bắt buộc/);
      expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
      const typed = (v: Record<string, unknown[][]>) => withoutColumn(v['Đi cơ sở']!, 7);
      expect(typed(after)).toEqual(typed(before));
    });

    it('a date typed as text in an en_US sheet: the row is flagged and the locale explained', () => {
      const ss = syntheticSpreadsheet(3);
      ss.locale = 'en_US';
      const { alerts, addon, before, after } = checkWith(ss, (a) => {
        // Month 31 does not exist in en_US: the cell stays text; 31/02 does not exist in any calendar.
        a.ss.typeText("'Đi cơ sở'!G2", '31/02/2023');
        // 05/06/2023 becomes 6 May in en_US: the check cannot know, so the locale warning says so.
        a.ss.typeText("'Đi cơ sở'!G3", '05/06/2023');
      });
      expect(alerts.join('\n')).toContain('Bảng tính đang dùng khu vực “en_US”: ngày gõ vào như “05/06/2023” bị hiểu là ngày 6 tháng 5');
      const trips = addon.ss.tab('Đi cơ sở').snapshot();
      expect(String(trips.values[1]?.[11])).toContain('không tồn tại trong lịch');
      expect(trips.values[1]?.[6]).toBe('31/02/2023');
      expect(withoutColumn(after['Đi cơ sở']!, 12)).toEqual(withoutColumn(before['Đi cơ sở']!, 12));
    });

    it('5,000 empty rows under the data (numbered in advance, as many templates are)', () => {
      const ss = syntheticSpreadsheet(10);
      const sheet = ss.tab('Đi cơ sở');
      const first = sheet.lastRow() + 1;
      ss.seed('Đi cơ sở', [...sheet.values(), ...Array.from({ length: 5000 }, (_, i) => [first + i - 1])]);
      const { addon, before, after } = checkWith(ss);
      expect(addon.ss.toasts[1]?.message).toMatch(/^Đang kiểm tra /);
      expect(addon.ss.toasts[2]?.message).toMatch(/^Cán bộ: /);
      expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
      expect(withoutColumn(after['Đi cơ sở']!, 12)).toEqual(withoutColumn(before['Đi cơ sở']!, 12));
    });

    it('a concurrent run holding the lock: told to wait, nothing written', async () => {
      const { alerts, before, after, addon } = checkWith(await sampleSpreadsheet(), (a) => a.env.holdLockElsewhere('document'));
      expect(alerts).toEqual([BUSY]);
      expect(after).toEqual(before);
      expect(addon.env.calls.count('Range.set') + addon.env.calls.count('Spreadsheet.insertSheet')).toBe(0);
      // Server functions that write say the same to the page.
      expect(() => addon.call('generateForm', { form: 'mau2', ban: null, quarter: 1 })).toThrow(BUSY);
    });

    it('without a UI (script editor, trigger) the message is a toast', async () => {
      const { addon } = checkWith(await sampleSpreadsheet(), (a) => {
        a.env.holdLockElsewhere('document');
        a.env.setUiAvailable(false);
      });
      expect(addon.ss.toasts.map((t) => t.message)).toEqual([BUSY]);
    });

    it('an unexpected failure: logged in full, shown as a short apology without a stack trace', async () => {
      const ss = await sampleSpreadsheet();
      ss.tab('Đi cơ sở').getDataRange = () => {
        throw new Error('Service Spreadsheets failed while accessing document');
      };
      const { alerts, addon } = checkWith(ss);
      expect(alerts.length).toBe(1);
      expect(alerts[0]).toMatch(/^Xin lỗi, đã có lỗi ngoài dự kiến khi kiểm tra dữ liệu\./);
      expect(alerts[0]).not.toMatch(/Service Spreadsheets|at |Error/);
      expect(addon.env.logs.entries.some((e) => e.level === 'error' && e.message.includes('Service Spreadsheets failed'))).toBe(true);
    });
  });
});
