import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import type { PresetId } from '../../src/core/presets';
import { SettingsSchema } from '../../src/core/settings';
import { resolvePolicy } from '../../src/core/presets';
import { readSentLog, runDailySends } from '../../src/sheets/email-run';
import { MemoryLogStore } from '../../src/sheets/email-send';
import { scheduleStatusOf } from '../../src/sheets/email-status';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { MemorySettingsStore } from '../../src/sheets/settings-store';
import type { RawCell } from '../../src/sheets/workbook';
import { ROSTER_HEADER } from '../support/domain';
import { RecordingMailer } from './fixture';

/**
 * Reminders to whoever holds a waiting registration (src/core/email/approval-reminders.ts), over a Kiên Giang sheet
 * that keeps approvals. 06-HD §IV: Đợt 2's lists go to the compiling department by 20/6, the Thường trực's notice by
 * 30/6. Reminders 7 days before (the setting's default): the Bans' leaders on 13/6 (until 16/6, three days of
 * catch-up), the compiling department and the Thường trực on 23/6 (until 26/6). Worked out by hand from the
 * document's dates; the quarterly emails are switched off so only what is tested here goes.
 */

const THUY = 'thuy.tb@tinhdoan.vn';
const LAN = 'lan.vp@tinhdoan.vn';
const BTCKT = 'btckt@tinhdoan.vn';
const AN = 'an.bt@tinhdoan.vn';
const HEADER = [
  'STT',
  'Họ và tên',
  'Ban/Văn phòng',
  'Nội dung',
  'Cụ thể nội dung',
  'Số ngày',
  'Từ ngày',
  'Đến ngày',
  'Địa điểm',
  'Trạng thái',
  'Ban duyệt (người)',
  'Ban duyệt (ngày)',
  'Thông báo phê duyệt (số)',
];

function trips(approvals: boolean): RawCell[][] {
  const rows: RawCell[][] = [
    HEADER,
    [
      1,
      'Trần Văn Hòa',
      'Ban Tuyên giáo',
      '3.1',
      'Khảo sát mô hình thanh niên khởi nghiệp',
      '5 ngày',
      '04/09/2023',
      '08/09/2023',
      'Xã Vĩnh Hòa',
      'Đăng ký',
      '',
      '',
      '',
    ],
    [2, 'Trần Văn Hòa', 'Ban Tuyên giáo', '3.2', 'Ngày hội thanh niên', '5', '02/10/2023', '06/10/2023', 'Huyện Giồng Riềng', 'Đăng ký', '', '', ''],
    [3, 'Phạm Văn Tư', 'Văn phòng', '3.3', 'Kiểm tra công tác đoàn', '3', '10/07/2023', '12/07/2023', 'Huyện An Biên', 'Đăng ký', LAN, '10/06/2023', ''],
    [4, 'Phạm Văn Tư', 'Văn phòng', '3.2', 'Tập huấn cán bộ đoàn', '5', '14/08/2023', '18/08/2023', 'Huyện Tân Hiệp', 'Đăng ký', '', '', ''],
    // Approved by the Thường trực already: waits for no one.
    [
      5,
      'Trần Văn Hòa',
      'Ban Tuyên giáo',
      '3.4',
      'Dự sinh hoạt chi đoàn ấp 3',
      '1',
      '15/07/2023',
      '15/07/2023',
      'Xã Vĩnh Hòa',
      'Đăng ký',
      THUY,
      '05/06/2023',
      '27-TB/TĐTN',
    ],
  ];
  return approvals ? rows : rows.map((r) => r.slice(0, 10));
}

function context(today: string, options: { approvals?: boolean; preset?: PresetId; btcKt?: string[]; thuongTruc?: string[]; workbook?: MemoryWorkbook } = {}) {
  const settings = SettingsSchema.parse({
    year: 2023,
    preset: options.preset ?? 'kien-giang-2023',
    recipients: { btcKt: options.btcKt ?? [BTCKT], banLeaders: {}, thuongTruc: options.thuongTruc ?? [AN] },
    schedule: { enabled: true, quarterlySummary: false, reminders: true, reminderDaysBefore: 7 },
  });
  const workbook =
    options.workbook ??
    MemoryWorkbook.fromTabs({
      'Cán bộ': [
        ROSTER_HEADER,
        [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', THUY, '', '', ''],
        [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', '', '', '', ''],
        [3, 'Lê Thị Lan', 'Chánh Văn phòng', 'Văn phòng', '', LAN, '', '', ''],
        [4, 'Phạm Văn Tư', 'Chuyên viên', 'Văn phòng', '', '', '', '', ''],
        [5, 'Huỳnh Văn An', 'Bí thư', 'Thường trực Tỉnh đoàn', '', AN, '', '', ''],
      ],
      'Đi cơ sở': trips(options.approvals ?? true),
    });
  return { workbook, settings: new MemorySettingsStore(JSON.stringify(settings)), today: today as CalendarDate, user: BTCKT };
}

/** The approval reminders a run sends (the deadline reminders to the Bans are another email, tested elsewhere). */
function approvalMails(mailer: RecordingMailer) {
  return mailer.sent.filter((m) => m.subject.startsWith('[1+2] Nhắc duyệt đăng ký'));
}

function run(today: string, log: MemoryLogStore, options: Parameters<typeof context>[1] = {}, mailer = new RecordingMailer()) {
  runDailySends(context(today, options), mailer, log, { spreadsheetUrl: null });
  return approvalMails(mailer);
}

describe('Nhắc duyệt đăng ký: người đang giữ đăng ký chờ duyệt, trước mỗi hạn', () => {
  it('7 ngày trước hạn gửi đăng ký đợt 2 (20/6): mỗi lãnh đạo ban một thư, liệt kê đăng ký của ban đang chờ; không gửi lần hai', () => {
    const log = new MemoryLogStore();
    expect(run('2023-06-12', log)).toEqual([]);
    const mails = run('2023-06-13', log);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [THUY, '[1+2] Nhắc duyệt đăng ký: 2 đăng ký chờ, hạn 20/06/2023'],
      [LAN, '[1+2] Nhắc duyệt đăng ký: 1 đăng ký chờ, hạn 20/06/2023'],
    ]);
    const thuy = mails[0]!.body;
    expect(thuy).toContain('Kính gửi đồng chí Nguyễn Thị Thủy,');
    expect(thuy).toContain('Gửi đăng ký đi cơ sở đợt 2 (Đợt 2 (01/07/2023–31/12/2023)): hạn 20/06/2023, còn 7 ngày (2 đăng ký)');
    expect(thuy).toContain('Trần Văn Hòa (Ban Tuyên giáo, dòng 2)');
    expect(thuy).toContain('Trần Văn Hòa (Ban Tuyên giáo, dòng 3)');
    expect(thuy).not.toContain('dòng 6');
    // Văn phòng's row 4 waits for its Ban; row 3, approved by the Ban, waits at the province's step.
    expect(mails[1]!.body).toContain('Phạm Văn Tư (Văn phòng, dòng 5)');
    expect(mails[1]!.body).not.toContain('dòng 4)');
    expect(run('2023-06-13', log)).toEqual([]);
    expect(run('2023-06-14', log)).toEqual([]);
  });

  it('7 ngày trước hạn Thường trực phê duyệt (30/6): ban tổng hợp và Thường trực, mỗi người một thư', () => {
    const log = new MemoryLogStore();
    run('2023-06-13', log);
    const mails = run('2023-06-23', log);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [BTCKT, '[1+2] Nhắc duyệt đăng ký: 1 đăng ký chờ, hạn 30/06/2023'],
      [AN, '[1+2] Nhắc duyệt đăng ký: 1 đăng ký chờ, hạn 30/06/2023'],
    ]);
    expect(mails[0]!.body).toContain('Phạm Văn Tư (Văn phòng, dòng 4)');
    expect(mails[0]!.body).toContain('chờ tổng hợp, phê duyệt');
  });

  it('một người giữ hai vai (Email BTC-KT và Email Thường trực): vẫn một thư mỗi ngày', () => {
    const mails = run('2023-06-23', new MemoryLogStore(), { btcKt: [AN], thuongTruc: [AN] });
    expect(mails.map((m) => m.to)).toEqual([AN]);
    expect(mails[0]!.body.match(/dòng 4\)/g)).toHaveLength(1);
  });

  it('lịch lỡ ngày 13/6: gửi bù đến 16/6, không sau đó', () => {
    const late = run('2023-06-15', new MemoryLogStore());
    expect(late.map((m) => m.to)).toEqual([THUY, LAN]);
    expect(late[0]!.body).toContain('còn 5 ngày');
    expect(run('2023-06-17', new MemoryLogStore())).toEqual([]);
  });

  it('ban đã duyệt trước ngày nhắc: lãnh đạo ban không nhận thư; đăng ký chuyển sang thư của ban tổng hợp', () => {
    const base = context('2023-06-10');
    base.workbook.setCell('Đi cơ sở', 2, 11, THUY);
    base.workbook.setCell('Đi cơ sở', 2, 12, '11/06/2023');
    base.workbook.setCell('Đi cơ sở', 3, 11, THUY);
    base.workbook.setCell('Đi cơ sở', 3, 12, '11/06/2023');
    const log = new MemoryLogStore();
    expect(run('2023-06-13', log, { workbook: base.workbook }).map((m) => m.to)).toEqual([LAN]);
    const province = run('2023-06-23', log, { workbook: base.workbook });
    expect(province.map((m) => m.subject)).toEqual([
      '[1+2] Nhắc duyệt đăng ký: 3 đăng ký chờ, hạn 30/06/2023',
      '[1+2] Nhắc duyệt đăng ký: 3 đăng ký chờ, hạn 30/06/2023',
    ]);
  });

  it('Tây Ninh: 7 ngày trước hạn mẫu 1 (15/02) lãnh đạo ban được nhắc; Kiên Giang thì không có hạn ấy', () => {
    expect(run('2023-02-08', new MemoryLogStore(), { preset: 'tay-ninh-2023' }).map((m) => [m.to, m.subject])).toEqual([
      [THUY, '[1+2] Nhắc duyệt đăng ký: 2 đăng ký chờ, hạn 15/02/2023'],
      [LAN, '[1+2] Nhắc duyệt đăng ký: 1 đăng ký chờ, hạn 15/02/2023'],
    ]);
    expect(run('2023-02-08', new MemoryLogStore())).toEqual([]);
  });

  it('bảng tính không có cột duyệt: không có thư nhắc duyệt', () => {
    expect(run('2023-06-13', new MemoryLogStore(), { approvals: false })).toEqual([]);
  });

  it('thư không gửi được nằm trong danh sách của Cài đặt, gọi đúng tên', () => {
    const log = new MemoryLogStore();
    const mailer = new RecordingMailer();
    mailer.refusals.set(LAN, 'address');
    expect(run('2023-06-13', log, {}, mailer).map((m) => m.to)).toEqual([THUY]);
    const state = {
      enabled: true,
      installed: true,
      installedBy: BTCKT,
      installedAt: '2023-01-02',
      lastRun: null,
      problem: null,
      message: '',
      offerReinstall: false,
    };
    const resolved = resolvePolicy('kien-giang-2023');
    if (!resolved.ok) throw new Error(resolved.errors.join(' '));
    const status = scheduleStatusOf(state, readSentLog(log, 2023), resolved.policy, 2023);
    // The deadline reminder to Văn phòng, refused too, is listed on its own line.
    expect(status.failures.map((f) => [f.what, f.to.map((t) => t.address)])).toContainEqual(['Thư nhắc duyệt đăng ký ngày 13/06/2023', [LAN]]);
  });
});
