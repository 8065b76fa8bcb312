import { describe, expect, it } from 'vitest';
import { DateValue, instantOf, SCOPES, type FakeSpreadsheet } from '../fakes';
import { buildOnce, DEPLOYMENTS, loadAddon, sampleSpreadsheet, syntheticSpreadsheet, type Addon } from './harness';

/**
 * Issue 18: the Apps Script behaviours the add-on relies on, as Google documents them (docs/apps-script-assumptions.md
 * cites each page), run over fakes that model them, in both deployments: a script bound to the spreadsheet and an
 * Editor add-on.
 */

const DAY = 24 * 3_600_000;
const USER = 'bantochuc@tinhdoan.example.vn';
const MANIFEST_SCOPES = () => buildOnce().manifest.oauthScopes;

interface Status {
  installedBy: string;
  problem: string | null;
  offerReinstall: boolean;
  lastRun: { ok: boolean; message: string } | null;
}

function scheduleOn(addon: Addon): Status {
  return addon.call('setSchedule', true) as Status;
}

for (const deployment of DEPLOYMENTS) {
  describe(`finding 1, the user's address (${deployment})`, () => {
    it('Gửi thử báo cáo quý reaches the person at the keyboard: the manifest grants userinfo.email', () => {
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6) });
      addon.call('menuSendTestSummary');
      expect(addon.env.refusals).toEqual([]);
      expect(addon.env.mail.outbox.map((m) => m.to)).toEqual([[USER]]);
    });

    it('the schedule records who installed it', () => {
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6) });
      expect(scheduleOn(addon).installedBy).toBe(USER);
    });

    it('where Google withholds the addresses, nobody is taken for the schedule’s owner (no false “reinstall”)', () => {
      const withheld = MANIFEST_SCOPES().filter((s) => s !== SCOPES.email);
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6), scopes: withheld });
      expect(scheduleOn(addon)).toMatchObject({ installedBy: '', problem: null });
      // Another person opens Cài đặt: their address is withheld too, and the trigger is not theirs to see.
      addon.env.setUser('nguoikhac@tinhdoan.example.vn');
      const other = addon.call('getScheduleStatus') as Status;
      expect(other).toMatchObject({ problem: null, offerReinstall: false });
    });
  });

  describe(`finding 2, the daily trigger's document (${deployment})`, () => {
    it('the daily run finds its spreadsheet and runs, with no active spreadsheet and no document lock', () => {
      const addon = loadAddon({
        deployment,
        user: USER,
        spreadsheet: syntheticSpreadsheet(6),
        // The add-on's trigger has neither; a bound script's is taken without them too (the path that works either way).
        clockTriggerContext: { activeSpreadsheet: false, documentLock: false },
      });
      scheduleOn(addon);
      const runs = addon.advance(DAY);
      expect(runs.map((r) => r.error)).toEqual([null]);
      expect(addon.env.logs.text()).not.toContain('another run holds');
      const status = addon.call('getScheduleStatus') as Status;
      expect(status.lastRun).toMatchObject({ ok: true });
    });

    it('a daily run that cannot open its spreadsheet (a scope withdrawn) says so where Cài đặt reads it', () => {
      const scopes = [...MANIFEST_SCOPES().filter((s) => s !== SCOPES.spreadsheets), SCOPES.spreadsheet];
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6), scopes, clockTriggerContext: { activeSpreadsheet: false } });
      scheduleOn(addon);
      const runs = addon.advance(DAY);
      expect(runs.map((r) => r.error)).toEqual([expect.stringContaining('SpreadsheetApp.openById')]);
      const status = addon.call('getScheduleStatus') as Status;
      expect(status.lastRun).toMatchObject({ ok: false, message: expect.stringContaining('openById') });
    });

    it('only the trigger installed last runs: one left by an earlier installation removes itself and sends nothing', () => {
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6) });
      scheduleOn(addon);
      // Another person reinstalls the schedule: the first trigger is theirs no longer, and invisible to them.
      addon.env.setUser('nguoikhac@tinhdoan.example.vn');
      scheduleOn(addon);
      expect(addon.env.triggers.list().filter((t) => t.handler === 'dailyRun')).toHaveLength(2);
      addon.advance(DAY);
      expect(
        addon.env.triggers
          .list()
          .filter((t) => t.handler === 'dailyRun')
          .map((t) => t.user),
      ).toEqual(['nguoikhac@tinhdoan.example.vn']);
      expect(addon.env.logs.text()).toContain('not the one installed last');
    });
  });
}

/** The spreadsheet moved to another zone, its date cells the same calendar days (midnights in that zone). */
function inZone(ss: FakeSpreadsheet, zone: string): FakeSpreadsheet {
  ss.timeZone = zone;
  for (const sheet of ss.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (!(cell?.value instanceof DateValue)) continue;
        const day = new Date(cell.value.ms + 7 * 3_600_000);
        cell.value = new DateValue(instantOf(zone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()));
      }
    }
  }
  return ss;
}

const RED = '#f4c7c3';
const TRIP = { name: 'Cán Bộ Số 3', ban: 'Ban Phong trào', kind: 'chi-doan', detail: 'Dự sinh hoạt chi đoàn', place: 'Xã B', level: '', status: 'done' };
const WHITE = '#ffffff';

/** The trips tab after a check: its status column and its first error row. */
function firstErrorRow(addon: Addon): { row: number; status: number } {
  const values = addon.ss.tab('Đi cơ sở').values();
  const status = (values[0] ?? []).indexOf('Kết quả kiểm tra') + 1;
  const row = values.findIndex((r) => String(r[status - 1]).startsWith('Lỗi')) + 1;
  return { row, status };
}

for (const deployment of DEPLOYMENTS) {
  describe(`finding 3, colours in a Vietnamese spreadsheet (${deployment})`, () => {
    it('vi_VN, formulas read as a person types them there (;): the status cell and the whole row are coloured', async () => {
      const addon = loadAddon({ deployment, spreadsheet: await sampleSpreadsheet() });
      addon.call('menuCheck');
      const { row, status } = firstErrorRow(addon);
      expect(row).toBeGreaterThan(1);
      const trips = addon.ss.tab('Đi cơ sở');
      expect(trips.effectiveFormat(row, status).background).toBe(RED);
      expect(trips.effectiveFormat(row, 2).background).toBe(RED);
    });

    it('vi_VN, formulas read in en_US syntax (,): the status cell is still coloured; only the row’s tint is lost', async () => {
      const addon = loadAddon({ deployment, spreadsheet: await sampleSpreadsheet({ undocumented: { formulaSyntax: 'en_US' } }) });
      addon.call('menuCheck');
      const { row, status } = firstErrorRow(addon);
      const trips = addon.ss.tab('Đi cơ sở');
      expect(trips.effectiveFormat(row, status).background).toBe(RED);
      expect(trips.effectiveFormat(row, 2).background).toBe(WHITE);
    });
  });

  describe(`finding 4, rows added below the table (${deployment})`, () => {
    for (const openRuleRanges of [true, false]) {
      it(`a cadre added at the bottom of a full sheet is coloured at the next check (${openRuleRanges ? 'open' : 'closed'} rule ranges)`, async () => {
        const ss = await sampleSpreadsheet({ undocumented: { openRuleRanges } });
        const roster = ss.tab('Cán bộ');
        roster.maxRows = roster.rows.length;
        const addon = loadAddon({ deployment, spreadsheet: ss });
        addon.call('menuCheck');
        // A person adds a row below the last and types a new cadre, with no trip yet: short of days and rounds.
        const last = roster.maxRows;
        roster.insertRowsAfter(last, 1);
        const values = roster.values()[last - 1]!;
        values.forEach((v, c) => {
          if (c < 9) roster.ensureCell(last + 1, c + 1).value = c === 1 ? 'Người Mới Thêm' : (v as string | number);
        });
        addon.call('menuCheck');
        const status = roster.values()[2]!.indexOf('Kết quả 1+2') + 1;
        expect(String(roster.values()[last]![status - 1])).toMatch(/^Thiếu ngày và chuyên đề/);
        expect(roster.effectiveFormat(last + 1, status).background).not.toBe(WHITE);
        expect(roster.effectiveFormat(last + 1, 2).background).toBe(roster.effectiveFormat(last + 1, status).background);
      });
    }
  });
}

for (const deployment of DEPLOYMENTS) {
  describe(`finding 5, the smaller ones (${deployment})`, () => {
    for (const clearKeepsMerges of [true, false]) {
      it(`a form written again with another layout is re-merged whole (clear() ${clearKeepsMerges ? 'keeps' : 'drops'} old merges)`, () => {
        const ss = syntheticSpreadsheet(5);
        (ss.undocumented as { clearKeepsMerges: boolean }).clearKeepsMerges = clearKeepsMerges;
        const addon = loadAddon({ deployment, spreadsheet: ss });
        expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2 })).toMatchObject({ ok: true });
        const before = addon.ss.tab('Mẫu 3 Quý II-2023').snapshot().merges;
        // Two more trips in quarter II: the form grows, and its merged rows move down.
        for (const from of ['2023-05-02', '2023-06-06']) {
          const to = from.replace(/-0(\d)$/, '-1$1');
          expect(addon.call('saveTrip', { ...TRIP, from, to, days: '2', force: true })).toMatchObject({ ok: true });
        }
        expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2, replace: true })).toMatchObject({ ok: true, replaced: true });
        const after = [...addon.ss.tab('Mẫu 3 Quý II-2023').snapshot().merges].sort();
        // The same form written on a new tab: its merges are the layout's, none left over from the old one.
        addon.ss.deleteSheet(addon.ss.tab('Mẫu 3 Quý II-2023'));
        expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2 })).toMatchObject({ ok: true, replaced: false });
        const fresh = [...addon.ss.tab('Mẫu 3 Quý II-2023').snapshot().merges].sort();
        expect(fresh).not.toEqual([...before].sort());
        expect(after).toEqual(fresh);
      });
    }

    it('settings longer than one 9 KB property value are kept in parts and read back whole; shorter ones again in one', () => {
      const addon = loadAddon({ deployment, spreadsheet: syntheticSpreadsheet(6) });
      const page = addon.call('getSettingsPage') as { settings: Record<string, unknown> & { recipients: { btcKt: string[] } } };
      // 150 Bans, each with its leader's address: about 13 KB of UTF-8.
      const banLeaders = Object.fromEntries(
        Array.from({ length: 150 }, (_, i) => [`Ban Tuyên giáo và Đối ngoại số ${i + 1}`, `lanhdao.ban${i + 1}@tinhdoan.example.vn`]),
      );
      const saved = addon.call('saveSettingsPage', { ...page.settings, recipients: { ...page.settings.recipients, banLeaders } }) as {
        notSaved: Record<string, string>;
      };
      expect(saved.notSaved).toEqual({});
      const stored = addon.env.properties.document.toObject();
      expect(Math.max(...Object.values(stored).map((v) => Buffer.byteLength(v)))).toBeLessThanOrEqual(9 * 1024);
      const read = addon.call('getSettingsPage') as { settings: { recipients: { banLeaders: Record<string, string> } }; warnings: string[] };
      expect(read.warnings).toEqual([]);
      expect(read.settings.recipients.banLeaders).toEqual(banLeaders);

      addon.call('saveSettingsPage', { ...page.settings });
      expect(Object.keys(addon.env.properties.document.toObject()).filter((k) => k.startsWith('dicoso.settings'))).toEqual(['dicoso.settings.v1']);
    });

    it('settings too long to keep are refused in Vietnamese, and what was stored stays', () => {
      const addon = loadAddon({ deployment, spreadsheet: syntheticSpreadsheet(6) });
      const page = addon.call('getSettingsPage') as { settings: Record<string, unknown> & { recipients: Record<string, unknown> } };
      const before = addon.env.properties.document.toObject();
      const banLeaders = Object.fromEntries(
        Array.from({ length: 1500 }, (_, i) => [`Ban số ${i + 1} của Tỉnh đoàn`, `lanhdao.ban${i + 1}@tinhdoan.example.vn`]),
      );
      expect(() => addon.call('saveSettingsPage', { ...page.settings, recipients: { ...page.settings.recipients, banLeaders } })).toThrow(
        /^Cài đặt quá dài để lưu \(\d+ KB, tối đa 100 KB\)/,
      );
      expect(addon.env.properties.document.toObject()).toEqual(before);
    });

    it('the add-on’s one-time-trigger-per-document limit, worded in Vietnamese by Google, is told as what to do', () => {
      const addon = loadAddon({ deployment, user: USER, spreadsheet: syntheticSpreadsheet(6) });
      addon.env.context.errorLanguage = 'vi';
      // A time-driven trigger of this add-on that is not ours to replace (an old version's), for this user and file.
      addon.env.globals.ScriptApp.newTrigger('guiBaoCaoCu').timeBased().everyDays(1).atHour(8).create();
      const expected = deployment === 'addon' ? /^Không tạo được lịch gửi hằng ngày: tài khoản của anh\/chị đã có một lịch/ : null;
      if (expected) expect(() => addon.call('setSchedule', true)).toThrow(expected);
      // A bound script has no such limit: the schedule is installed beside it.
      else expect(scheduleOn(addon)).toMatchObject({ installedBy: USER });
    });

    it('dates are read without Intl’s time-zone data: the same verdicts, in Vietnam’s zone and in another', async () => {
      const statuses = (addon: Addon) => {
        addon.call('menuCheck');
        expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
        return ['Cán bộ', 'Đi cơ sở'].map((tab) =>
          addon.ss
            .tab(tab)
            .values()
            .map((r) => r[r.length - 1]),
        );
      };
      const expected = statuses(loadAddon({ deployment, spreadsheet: await sampleSpreadsheet() }));
      expect(statuses(loadAddon({ deployment, spreadsheet: await sampleSpreadsheet(), intl: 'no-time-zones' }))).toEqual(expected);
      const newYork = inZone(await sampleSpreadsheet(), 'America/New_York');
      expect(statuses(loadAddon({ deployment, spreadsheet: newYork, intl: 'no-time-zones' }))).toEqual(expected);
    });

    it('a person’s “Duplicate” of a generated tab is theirs: never offered for deletion, never written over', () => {
      const addon = loadAddon({ deployment, spreadsheet: syntheticSpreadsheet(5) });
      expect(addon.call('generateForm', { form: 'mau3', ban: null, quarter: 2 })).toMatchObject({ ok: true });
      const copy = addon.ss.duplicateAsUser('Mẫu 3 Quý II-2023');
      copy.ensureCell(1, 1).value = 'Bản của tôi, đã sửa tay';
      const mine = copy.values();
      // Xóa đánh dấu asks about our tabs only.
      addon.env.ui.answerAlerts('YES');
      addon.call('menuClearMarks');
      expect(addon.env.ui.alerts[0]?.prompt).toContain('“Mẫu 3 Quý II-2023”');
      expect(addon.env.ui.alerts[0]?.prompt).not.toContain('Bản sao của');
      expect(addon.ss.sheets.map((s) => s.name)).toContain('Bản sao của Mẫu 3 Quý II-2023');
      expect(addon.ss.tab('Bản sao của Mẫu 3 Quý II-2023').values()).toEqual(mine);
    });

    it('a full property store (500 KB) is said in Vietnamese, with what to do', () => {
      const addon = loadAddon({ deployment, spreadsheet: syntheticSpreadsheet(6) });
      const page = addon.call('getSettingsPage') as { settings: Record<string, unknown> };
      // Other keys fill the store to within 100 bytes of its limit (500 KB of keys and values).
      const store = addon.env.properties.document;
      for (let i = 0; store.size() < 500 * 1024 - 100; i++) {
        const room = 500 * 1024 - 100 - store.size() - `khac.${i}`.length;
        store.write([[`khac.${i}`, 'x'.repeat(Math.max(0, Math.min(8 * 1024, room)))]]);
      }
      expect(() => addon.call('saveSettingsPage', { ...page.settings, planNumber: 'Kế hoạch số 15-KH/TĐTN' })).toThrow(
        /^Bộ nhớ của tiện ích trong bảng tính này đã đầy/,
      );
    });
  });
}

for (const deployment of DEPLOYMENTS) {
  describe(`finding 6, a value at the grid's edge (${deployment})`, () => {
    it('a value in column ZZZ below the table: our column goes past the table, where there is room', async () => {
      const ss = await sampleSpreadsheet();
      const roster = ss.tab('Cán bộ');
      roster.maxRows = Math.max(roster.rows.length, 20);
      roster.maxColumns = 18_278;
      roster.ensureCell(5, 18_278).value = 'ghi chú để tận cùng bên phải';
      const addon = loadAddon({ deployment, spreadsheet: ss });
      addon.call('menuCheck');
      expect(addon.env.ui.alerts).toEqual([]);
      expect(roster.values()[2]![9]).toBe('Kết quả 1+2');
    });

    it('a header reaching column ZZZ, the last Sheets allows: the check stops naming the cell, and writes nothing', async () => {
      const ss = await sampleSpreadsheet();
      const roster = ss.tab('Cán bộ');
      roster.maxRows = Math.max(roster.rows.length, 20);
      roster.maxColumns = 18_278;
      // A caption typed at the far right of the header row: the table runs to the grid's last column.
      roster.ensureCell(3, 18_278).value = 'Ghi chú thêm';
      const addon = loadAddon({ deployment, spreadsheet: ss });
      const before = roster.values();
      addon.call('menuCheck');
      expect(addon.env.ui.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/^Tab “Cán bộ” có dữ liệu tới ô ZZZ3, cột cuối cùng/)]);
      expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
      expect(roster.values()).toEqual(before);
    });

    it('a spreadsheet at 10 million cells: no room for our column is said in Vietnamese, nothing half-written', async () => {
      const ss = await sampleSpreadsheet();
      const trips = ss.tab('Đi cơ sở');
      trips.maxColumns = trips.values()[0]!.length;
      // The trips tab's grid fills the spreadsheet to within a few thousand cells of the limit.
      trips.maxRows = Math.floor((10_000_000 - (ss.cellCount() - trips.maxRows * trips.maxColumns)) / trips.maxColumns) - 10;
      const addon = loadAddon({ deployment, spreadsheet: ss });
      addon.call('menuCheck');
      expect(addon.env.ui.alerts.map((a) => a.prompt)).toEqual([expect.stringMatching(/^Bảng tính đã gần tới giới hạn 10 triệu ô của Google/)]);
      expect(addon.env.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
    });
  });
}

/**
 * Everything a person and the schedule do with the add-on: each menu item, a page's call, the schedule turned on and
 * its daily run, the test email. Errors are kept, not thrown: the refusals are what the test reads.
 */
function tour(addon: Addon): void {
  const attempt = (f: () => unknown) => {
    try {
      f();
    } catch {
      // A refused call surfaces here or as an alert; env.refusals records it either way.
    }
  };
  addon.env.ui.answerAlerts('YES');
  for (const item of [
    'menuSetup',
    'menuCheck',
    'menuProgress',
    'menuTripForm',
    'menuMau2',
    'menuSettings',
    'menuHelp',
    'menuSendTestSummary',
    'menuSelfCheck',
  ]) {
    attempt(() => addon.call(item));
  }
  attempt(() => addon.call('getProgress'));
  attempt(() => addon.call('setSchedule', true));
  attempt(() => addon.advance(DAY));
}

describe('the manifest has exactly the scopes the code needs', () => {
  it('with the manifest’s scopes, an Editor add-on’s whole tour is refused nothing', () => {
    const addon = loadAddon({ deployment: 'addon', user: USER, spreadsheet: syntheticSpreadsheet(6) });
    tour(addon);
    expect(addon.env.refusals).toEqual([]);
    expect(addon.env.triggers.runs.map((r) => r.error)).toEqual([null]);
  });

  for (const scope of MANIFEST_SCOPES()) {
    it(`without ${scope.replace('https://www.googleapis.com/auth/', '')}, something the add-on does is refused`, () => {
      const scopes = MANIFEST_SCOPES().filter((s) => s !== scope);
      const addon = loadAddon({ deployment: 'addon', user: USER, spreadsheet: syntheticSpreadsheet(6), scopes });
      tour(addon);
      expect(addon.env.refusals.flatMap((r) => r.scopes)).toContain(scope);
    });
  }
});
