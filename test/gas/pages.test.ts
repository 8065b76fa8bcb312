import { beforeAll, describe, expect, it } from 'vitest';
import type { TripDraft } from '../../src/core/trip-input';
import type { GenerateFormResult } from '../../src/sheets/pages/forms';
import type { SaveSettingsResult, SettingsPagePayload } from '../../src/sheets/pages/settings';
import type { SaveTripResult } from '../../src/sheets/pages/trip-form';
import { DEPLOYMENTS, useDeployment, loadAddon, sampleSpreadsheet, syntheticSpreadsheet, valuesOf } from './harness';

/**
 * The pages' new server behaviour through the built Code.js over the strict fakes, as google.script.run calls it:
 * the trip form's conflict warning, "Mở dòng N" and "Hoàn tác"; the settings page keeping every valid value; the
 * forms dialog asking before it replaces a tab, and mẫu 1.
 */

const TRIP: TripDraft = {
  name: 'Cán Bộ Số 2',
  ban: 'Ban Tuyên giáo',
  kind: 'kiem-tra',
  detail: 'Kiểm tra chi đoàn ấp 3',
  from: '2023-12-10',
  to: '2023-12-12',
  days: '3',
  place: 'Xã B',
  level: '',
  status: 'registered',
};

function saved(result: unknown): Extract<SaveTripResult, { ok: true }> {
  const r = result as SaveTripResult;
  if (!r.ok) throw new Error(`not saved: ${JSON.stringify(r)}`);
  return r;
}

describe.each(DEPLOYMENTS)('deployed as %s', (deployment) => {
  beforeAll(() => useDeployment(deployment));

  describe('Nhập đợt đi cơ sở in Sheets', () => {
    it('a trip repeating one of the cadre’s is named before anything is written; “Vẫn lưu” (force) writes it', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const before = valuesOf(addon.ss);
      // Cán Bộ Số 2's first trip: 3.1, 03/01–08/01 (syntheticSpreadsheet), on row 22.
      const again = { ...TRIP, kind: 'chuyen-de', from: '2023-01-03', to: '2023-01-08', days: '6' };
      const warned = addon.call('saveTrip', again) as SaveTripResult;
      expect(warned).toEqual({
        ok: false,
        errors: {},
        conflicts: [{ row: 22, kind: '3.1. Theo chuyên đề', from: '2023-01-03', to: '2023-01-08', status: 'Đã thực hiện', duplicate: true }],
      });
      expect(valuesOf(addon.ss)).toEqual(before);
      const forced = saved(addon.call('saveTrip', { ...again, force: true }));
      expect(forced.row).toBe(before['Đi cơ sở']!.length + 1);
    });

    it('“Mở dòng N” selects that row on the trips tab', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const { row } = saved(addon.call('saveTrip', TRIP));
      expect(addon.call('openTripRow', { row })).toEqual({ tab: 'Đi cơ sở', row });
      expect(addon.ss.activeSheet.name).toBe('Đi cơ sở');
      expect(addon.ss.activeRangeList.map((r) => r.getA1Notation())).toEqual([`A${row}:K${row}`]);
    });

    it('“Hoàn tác” empties the row it wrote, and every other cell stays as it was', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const before = valuesOf(addon.ss);
      const { row, written } = saved(addon.call('saveTrip', TRIP));
      expect(addon.call('undoTrip', { row, written })).toEqual({ tab: 'Đi cơ sở', row });
      expect(valuesOf(addon.ss)).toEqual(before);
    });

    it('“Hoàn tác” after “Kiểm tra dữ liệu” wrote our status cell and notes on the row still takes the trip back', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const { row, written } = saved(addon.call('saveTrip', { ...TRIP, from: '2023-01-07', to: '2023-01-09', days: '3', force: true }));
      addon.call('menuCheck');
      const trips = addon.ss.tab('Đi cơ sở').snapshot();
      expect(trips.notes[row - 1]?.some((n) => n !== '')).toBe(true);
      expect(addon.call('undoTrip', { row, written })).toEqual({ tab: 'Đi cơ sở', row });
      const after = addon.ss.tab('Đi cơ sở').snapshot();
      expect(after.values[row - 1]?.every((v) => v === '')).toBe(true);
      expect(after.notes[row - 1]?.every((n) => n === '')).toBe(true);
    });

    it('“Hoàn tác” of a row someone changed refuses in Vietnamese and changes nothing', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const { row, written } = saved(addon.call('saveTrip', TRIP));
      addon.ss.tab('Đi cơ sở').rangeAt(row, 9).setValue('Xã C');
      const now = valuesOf(addon.ss);
      expect(() => addon.call('undoTrip', { row, written })).toThrow(/^Không hoàn tác: dòng \d+ của tab “Đi cơ sở” không còn đúng như lúc vừa lưu/);
      expect(valuesOf(addon.ss)).toEqual(now);
    });

    it('“Hoàn tác” after another trip was appended below empties only its own row: the rows below keep their numbers', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const first = saved(addon.call('saveTrip', TRIP));
      const second = saved(addon.call('saveTrip', { ...TRIP, name: 'Cán Bộ Số 3', ban: 'Ban Phong trào' }));
      const below = valuesOf(addon.ss)['Đi cơ sở']![second.row - 1];
      addon.call('undoTrip', { row: first.row, written: first.written });
      const after = valuesOf(addon.ss)['Đi cơ sở']!;
      expect(after[first.row - 1]).toEqual([]);
      expect(after[second.row - 1]).toEqual(below);
    });
  });

  describe('Cài đặt in Sheets', () => {
    it('saves the valid values and keeps the stored one for the bad value, naming it', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const page = addon.call('getSettingsPage') as SettingsPagePayload;
      const result = addon.call('saveSettingsPage', {
        ...page.settings,
        overrides: { minDays: 0, roundsCount: 3 },
        recipients: { btcKt: ['btckt@tinhdoan.example.vn', 'btckt@'], banLeaders: {} },
      }) as SaveSettingsResult;
      expect(result.notSaved).toEqual({
        'overrides.minDays': expect.stringMatching(/Số ngày tối thiểu/),
        'recipients.btcKt': '“btckt@” không phải địa chỉ email hợp lệ.',
      });
      const stored = JSON.parse(addon.env.properties.document.map.get('dicoso.settings.v1')!);
      expect(stored.overrides).toEqual({ roundsCount: 3 });
      expect(stored.recipients.btcKt).toEqual(['btckt@tinhdoan.example.vn']);
    });

    it('marks the settings the Cài đặt tab sets, and does not save a value there', async () => {
      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const page = addon.call('getSettingsPage') as SettingsPagePayload;
      const rows = page.tab!.rows;
      expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['Tỉnh', 'Năm', 'Bộ quy định', 'Kế hoạch số']));
      const planRow = rows.find((r) => r.key === 'Kế hoạch số')!;
      const result = addon.call('saveSettingsPage', { ...page.settings, planNumber: 'khác' }) as SaveSettingsResult;
      expect(result.notSaved).toEqual({ planNumber: `Không lưu: mục “Kế hoạch số” đang lấy từ tab “Cài đặt” (dòng ${planRow.row}); hãy sửa ở tab đó.` });
    });
  });

  describe('Tạo biểu mẫu in Sheets', () => {
    it('asks before replacing a tab it generated, and replaces it when told', () => {
      const addon = loadAddon({ spreadsheet: syntheticSpreadsheet(5) });
      const made = addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2 }) as GenerateFormResult;
      expect(made).toMatchObject({ ok: true, tabName: 'Mẫu 3 Quý II-2023', replaced: false });
      const tab = addon.ss.tab('Mẫu 3 Quý II-2023').snapshot().values;
      addon.env.calls.reset();
      expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2 })).toEqual({ ok: false, existing: 'Mẫu 3 Quý II-2023' });
      // Asking wrote nothing.
      expect(Object.keys(addon.env.calls.byMethod()).filter((m) => /\.(set|insert|delete|clear|merge|protect)/.test(m))).toEqual([]);
      expect(addon.ss.tab('Mẫu 3 Quý II-2023').snapshot().values).toEqual(tab);
      expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2, replace: true })).toMatchObject({ ok: true, replaced: true });
    });

    it('Tạo mẫu 1… opens the dialog on mẫu 1; mẫu 1 of a cadre and of a Ban are written and shown', async () => {
      const html = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';
      const dialogAddon = loadAddon({ spreadsheet: syntheticSpreadsheet(3), htmlFiles: { 'forms-dialog': html } });
      dialogAddon.call('menuMau1');
      expect(dialogAddon.env.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Tạo mẫu 1 – Bản đăng ký cá nhân' });
      expect(dialogAddon.env.ui.dialogs[0]!.content).toContain('window.__FORM__="mau1";');

      const addon = loadAddon({ spreadsheet: await sampleSpreadsheet() });
      const before = valuesOf(addon.ss, ['Cán bộ', 'Đi cơ sở']);
      const one = addon.call('generateForm', {
        form: 'mau1',
        ban: null,
        cadre: { name: 'Trần Văn Hòa', ban: 'Thường trực Tỉnh đoàn' },
        quarter: 1,
      }) as GenerateFormResult;
      expect(one).toMatchObject({ ok: true, tabName: 'Mẫu 1 - Trần Văn Hòa', cadres: 1, replaced: false });
      expect(addon.ss.activeSheet.name).toBe('Mẫu 1 - Trần Văn Hòa');
      // A signature's title and name share one cell, a line each.
      const form = addon.ss
        .tab('Mẫu 1 - Trần Văn Hòa')
        .snapshot()
        .values.flat()
        .flatMap((v) => (typeof v === 'string' ? v.split('\n') : [v]));
      for (const caption of ['BẢN ĐĂNG KÝ', '1. Họ và tên: Trần Văn Hòa', '3. Nội dung đăng ký cụ thể như sau:', '(5)', 'Người đăng ký'])
        expect(form).toContain(caption);
      const ban = addon.call('generateForm', { form: 'mau1', ban: 'Ban Tuyên giáo', quarter: 1 }) as GenerateFormResult;
      expect(ban).toMatchObject({ ok: true, tabName: 'Mẫu 1 - Tuyên giáo' });
      expect(valuesOf(addon.ss, ['Cán bộ', 'Đi cơ sở'])).toEqual(before);
    });
  });
});
