import { describe, expect, it } from 'vitest';
import { provinceSettings } from './fixture';
import { loadClockAddon, vnDay } from './gas-harness';

/** 20 March 2023, 09:00 in Vietnam. */
const START = Date.UTC(2023, 2, 20, 2, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Tây Ninh: its mẫu 3 of 27/03 (001 §III.1.2) is reminded from 20/03, so the first runs have something to send.
const off = provinceSettings('tay-ninh-2023', { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } });

interface Status {
  enabled: boolean;
  installed: boolean;
  installedBy: string;
  lastRun: { at: string; ok: boolean; message: string } | null;
  problem: string | null;
  message: string;
  offerReinstall: boolean;
  failures: {
    date: string;
    what: string;
    to: string;
    count: number;
    due: string;
    message: string;
    final: boolean;
    resendable: boolean;
    needsAddress: boolean;
  }[];
  resendable: number;
}

describe('lịch gửi hằng ngày (Code.js trên các giả lập Apps Script)', () => {
  it('bật: đúng một trigger 07:00 giờ Việt Nam; bật lại nhiều lần không bao giờ thành hai', () => {
    const addon = loadClockAddon(START, off);
    for (let i = 0; i < 3; i++) addon.call('setSchedule', true);
    const triggers = addon.env.triggers.list();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'dailyRun', eventType: 'CLOCK', schedule: { everyDays: 1, atHour: 7, timeZone: 'Asia/Ho_Chi_Minh' } });
    const status = addon.call('getScheduleStatus') as Status;
    expect(status).toMatchObject({ enabled: true, installed: true, installedBy: 'quantri@tinhdoan.example.vn', problem: null, offerReinstall: false });
    addon.advance(2 * DAY);
    expect(addon.env.triggers.runs.map((r) => new Date(r.at).toISOString())).toEqual(['2023-03-21T00:00:00.000Z', '2023-03-22T00:00:00.000Z']);
  });

  it('tắt: gỡ trigger và lưu vào Cài đặt', () => {
    const addon = loadClockAddon(START, off);
    addon.call('setSchedule', true);
    const status = addon.call('setSchedule', false) as Status;
    expect(addon.env.triggers.list()).toEqual([]);
    expect(status).toMatchObject({ enabled: false, installed: false, problem: null });
    addon.advance(10 * DAY);
    expect(addon.env.mail.outbox).toEqual([]);
  });

  it('trigger bị Google tắt: phát hiện vì lâu không chạy, đề nghị cài lại; cài lại thì chạy tiếp', () => {
    const addon = loadClockAddon(START, off);
    addon.call('setSchedule', true);
    addon.advance(1 * DAY);
    expect((addon.call('getScheduleStatus') as Status).lastRun).toMatchObject({ ok: true, message: 'Đã gửi 1 thư.' });
    addon.env.triggers.disable(addon.env.triggers.list()[0]!.id);
    addon.advance(2 * DAY);
    const stale = addon.call('getScheduleStatus') as Status;
    expect(stale).toMatchObject({ installed: true, problem: 'stale', offerReinstall: true });
    expect(stale.message).toMatch(/không chạy đã \d+ giờ/);
    addon.call('setSchedule', true);
    expect(addon.env.triggers.list()).toHaveLength(1);
    expect(addon.env.triggers.list()[0]!.disabled).toBe(false);
    addon.advance(6 * DAY);
    // The Q1 summaries of 27/03 went, although the trigger was dead on 22–23/03.
    expect(addon.env.mail.outbox.filter((m) => vnDay(m.at) === '2023-03-27')).toHaveLength(5);
  });

  it('trigger bị xóa ngoài tiện ích: phát hiện là thiếu, đề nghị cài lại', () => {
    const addon = loadClockAddon(START, off);
    addon.call('setSchedule', true);
    addon.env.triggers.remove(addon.env.triggers.list()[0]!.id);
    expect(addon.call('getScheduleStatus')).toMatchObject({ enabled: true, installed: false, problem: 'missing', offerReinstall: true });
  });

  it('các lần chạy gần nhất đều lỗi: đề nghị cài lại, lỗi hiện ra', () => {
    const addon = loadClockAddon(START, off);
    addon.call('setSchedule', true);
    addon.ss.deleteSheet(addon.ss.getSheetByName('Đi cơ sở')!);
    addon.advance(2 * DAY);
    const status = addon.call('getScheduleStatus') as Status;
    expect(status).toMatchObject({ problem: 'failing', offerReinstall: true, lastRun: { ok: false } });
    expect(status.lastRun!.message).toMatch(/Lần chạy bị dừng: Không tìm thấy tab các đợt đi cơ sở/);
  });

  it('đã có lịch theo giờ khác của tiện ích trong bảng tính: báo rõ, không tạo thêm', () => {
    const addon = loadClockAddon(START, off);
    addon.env.globals.ScriptApp.newTrigger('somethingElse').timeBased().everyDays(1).atHour(3).create();
    expect(() => addon.call('setSchedule', true)).toThrow(/đã có một lịch chạy theo giờ khác/);
    expect(addon.env.triggers.list().map((t) => t.handler)).toEqual(['somethingElse']);
  });

  it('hai lần chạy chồng nhau: lần sau lặng lẽ dừng, không gửi gì', () => {
    const addon = loadClockAddon(Date.UTC(2023, 2, 27, 1, 0, 0), provinceSettings('kien-giang-2023'));
    addon.env.holdLockElsewhere('document');
    addon.call('dailyRun');
    expect(addon.env.mail.outbox).toEqual([]);
    addon.env.locks.releaseElsewhere('document');
    addon.call('dailyRun');
    expect(addon.env.mail.outbox).toHaveLength(5);
  });

  it('thất bại khi gửi được hiển thị trong Cài đặt', () => {
    const addon = loadClockAddon(Date.UTC(2023, 2, 27, 1, 0, 0), provinceSettings('kien-giang-2023'));
    addon.call('dailyRun');
    const status = addon.call('getScheduleStatus') as Status;
    expect(status.failures).toEqual([
      {
        date: '2023-03-27',
        what: 'Thư tổng hợp quý I năm 2023 của ban',
        to: 'Ban Công tác Thiếu nhi',
        count: 1,
        due: '2023-03-27',
        message: 'Ban Công tác Thiếu nhi chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.',
        final: false,
        resendable: false,
        needsAddress: true,
      },
    ]);
    // Retried tomorrow: not yet an email that will not go.
    expect(status.problem).not.toBe('unsent');
    expect(status.resendable).toBe(0);
  });

  it('menu Gửi thử báo cáo quý: chỉ gửi cho người đang dùng, có [THỬ]', () => {
    const addon = loadClockAddon(START, off);
    addon.call('menuSendTestSummary');
    expect(addon.env.mail.outbox.map((m) => [m.to.join(','), m.subject])).toEqual([
      ['quantri@tinhdoan.example.vn', '[THỬ] [1+2] Tổng hợp đi cơ sở quý I năm 2023 – Toàn tỉnh'],
    ]);
    expect(addon.env.mail.outbox[0]!.htmlBody).toContain('THƯ GỬI THỬ');
    expect(addon.env.ui.alerts.at(-1)?.prompt ?? '').toContain('Đã gửi thư thử');
  });
});
