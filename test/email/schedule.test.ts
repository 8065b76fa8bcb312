import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { CATCH_UP_DAYS } from '../../src/core/email/plan';
import { parseSentLog, recordFailure, serializeSentLog } from '../../src/core/email/sent-log';
import { SENT_LOG_KEY } from '../../src/sheets/email-run';
import type { ScheduleStatus } from '../../src/sheets/schedule-status';
import { provinceSettings } from './fixture';
import { loadClockAddon, vnDay } from './gas-harness';

/** 20 March 2023, 09:00 in Vietnam. */
const START = Date.UTC(2023, 2, 20, 2, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Tây Ninh: its mẫu 3 of 27/03 (001 §III.1.2) is reminded from 20/03, so the first runs have something to send.
const off = provinceSettings('tay-ninh-2023', { schedule: { enabled: false, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 } });

type Status = ScheduleStatus;

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
        to: [{ name: 'Ban Công tác Thiếu nhi', address: '' }],
        more: 0,
        key: { item: 'q2023-1', recipients: expect.stringMatching(/^\w+$/) },
        count: 1,
        due: '2023-03-27',
        message: 'Ban Công tác Thiếu nhi chưa có email lãnh đạo: thêm ở cột Email của tab Cán bộ hoặc trong Cài đặt.',
        final: false,
        resendable: false,
        needsAddress: true,
        dismissable: false,
      },
    ]);
    // Retried tomorrow: not yet an email that will not go.
    expect(status.problem).not.toBe('unsent');
    expect(status.resendable).toBe(0);
  });

  it('“Bỏ khỏi danh sách”: một thư nhắc đã qua hạn bỏ được; thư tổng hợp còn Gửi bù được thì không', () => {
    // Tây Ninh's mẫu 3 is due 27/03 (001 §III.1.2). On 30/03 nothing will send its reminder any more: a reminder that
    // failed for good may be taken off the list once read. The Q1 summary of 27/03 to Ban Công tác Thiếu nhi (no
    // address) failed for good too, but "Gửi bù" can still send it once the address is filled in: it stays.
    const addon = loadClockAddon(START, off);
    addon.call('setSchedule', true);
    addon.advance(10 * DAY);
    const seeded = parseSentLog(addon.env.properties.document.map.get(SENT_LOG_KEY) ?? '', 2023).log;
    const due = '2023-03-27' as CalendarDate;
    recordFailure(seeded, { d: '2023-03-27' as CalendarDate, i: 'r2023-mau-3-q1', u: due, m: 'Địa chỉ bị từ chối.', final: true }, [
      { target: 'ban tuyen giao', name: 'Ban Tuyên giáo <tg@tinhdoan.example.vn>' },
    ]);
    addon.env.properties.document.write([[SENT_LOG_KEY, serializeSentLog(seeded, due, CATCH_UP_DAYS)]]);
    const before = addon.call('getScheduleStatus') as Status;
    const reminder = before.failures.find((f) => f.key.item === 'r2023-mau-3-q1')!;
    const summary = before.failures.find((f) => f.what === 'Thư tổng hợp quý I năm 2023 của ban')!;
    expect([reminder.what, reminder.final, reminder.resendable, reminder.dismissable, reminder.to]).toEqual([
      'Thư nhắc hạn “Gửi báo cáo kết quả đi cơ sở của ban (mẫu 3) quý I năm 2023” (hạn 27/03/2023)',
      true,
      false,
      true,
      [{ name: 'Ban Tuyên giáo', address: 'tg@tinhdoan.example.vn' }],
    ]);
    expect([summary.final, summary.resendable, summary.dismissable]).toEqual([true, true, false]);
    // The summary cannot be taken off: it stays, and Gửi bù still counts it.
    expect((addon.call('dismissUnsent', summary.key) as Status).failures).toContainEqual(summary);
    const after = addon.call('dismissUnsent', reminder.key) as Status;
    expect(after.failures.map((f) => f.key.item)).toEqual(before.failures.filter((f) => f !== reminder).map((f) => f.key.item));
    expect(after.resendable).toBe(before.resendable);
  });

  it('lịch bật mà chưa có Email BTC-KT: trang Cài đặt nói thư tổng hợp toàn tỉnh không gửi cho ai', () => {
    const none = provinceSettings('tay-ninh-2023', { recipients: { btcKt: [], banLeaders: {} } });
    const addon = loadClockAddon(START, { ...none, schedule: { ...none.schedule, enabled: false } });
    // Off, nothing is planned: nothing to say yet.
    expect((addon.call('getScheduleStatus') as Status).gaps).toEqual([]);
    const on = addon.call('setSchedule', true) as Status;
    expect(on.gaps).toEqual([
      'Chưa có Email Ban Tổ chức – Kiểm tra: thư tổng hợp toàn tỉnh hằng quý sẽ không gửi cho ai. Thêm địa chỉ ở ô “Email Ban Tổ chức – Kiểm tra” bên trên rồi bấm Lưu.',
    ]);
    // With the address of the fixture, the province summary has somewhere to go.
    expect((loadClockAddon(START, provinceSettings('tay-ninh-2023')).call('getScheduleStatus') as Status).gaps).toEqual([]);
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
