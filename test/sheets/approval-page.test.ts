import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { isUserError } from '../../src/core/user-error';
import type { ApprovalQueuePayload, QueueRow } from '../../src/sheets/approval-queue';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { NOTE_MARKER, TRAIL_MARKER } from '../../src/sheets/notes';
import { decide, getApprovalQueue, type DecideApprovalsInput } from '../../src/sheets/pages/approvals';
import { DecideApprovalsSchema } from '../../src/sheets/pages/approvals';
import { MemorySettingsStore } from '../../src/sheets/settings-store';
import type { ServerContext } from '../../src/sheets/server-context';
import type { RawCell } from '../../src/sheets/workbook';
import { generateMau2, removeOurMarks, runCheck } from '../../src/sheets/workflow';
import { analyzeContext } from '../../src/sheets/server-context';
import { getFormOptions } from '../../src/sheets/pages/forms';
import { defaultSettings } from '../../src/core/settings';
import { ROSTER_HEADER } from '../support/domain';

/**
 * Duyệt đăng ký over a Kiên Giang sheet on 19/06/2023, the day before Đợt 2's deadline (06-HD §IV: 20/6; the Thường
 * trực's notice by 30/6; 2023's Đợt 1 was due in May). Typed as a Tỉnh đoàn types it: dates as text, "5 ngày", a
 * registration approved by typing "Đã duyệt", another by typing the leader's name, a return with its reason.
 */

const TODAY = '2023-06-19' as CalendarDate;
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
  'Thông báo phê duyệt (ngày)',
  'Trả lại (lý do)',
  'Đột xuất (văn bản)',
];
const C = { place: 9, by: 11, on: 12, number: 13, noticeOn: 14, reason: 15 } as const;
const THUY = 'thuy.tb@tinhdoan.vn';
const KHOI = 'khoi.tg@tinhdoan.vn';
const LAN = 'lan.vp@tinhdoan.vn';
const BTCKT = 'btckt@tinhdoan.vn';
const AN = 'an.bt@tinhdoan.vn';

function tabs(approvals = true): Record<string, RawCell[][]> {
  const trips: RawCell[][] = [
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
      '',
      '',
      '',
    ],
    [2, 'Trần Văn Hòa', 'Ban Tuyên giáo', '3.2', 'Ngày hội thanh niên', '', '02/10/2023', '06/10/2023', 'Huyện Giồng Riềng', 'Đăng ký', '', '', '', '', '', ''],
    [
      3,
      'Trần Văn Hòa',
      'Ban Tuyên giáo',
      '3.4',
      'Dự sinh hoạt chi đoàn ấp 3',
      '1',
      '15/03/2023',
      '15/03/2023',
      'Xã Vĩnh Hòa',
      'Đã thực hiện',
      'Nguyễn Thị Thủy',
      '20/05/2023',
      '15-TB/TĐTN',
      '',
      '',
      '',
    ],
    [4, 'Phạm Văn Tư', 'Văn phòng', '3.3', 'Kiểm tra công tác đoàn', '3', '10/07/2023', '12/07/2023', 'Huyện An Biên', 'Đã duyệt', '', '', '', '', '', ''],
    [
      5,
      'Phạm Văn Tư',
      'Văn phòng',
      '3.2',
      'Tập huấn cán bộ đoàn',
      '5',
      '20/06/2023',
      '24/06/2023',
      'Huyện Tân Hiệp',
      'Đăng ký',
      LAN,
      '02/06/2023',
      '',
      '',
      '',
      '',
    ],
    [
      6,
      'Phạm Văn Tư',
      'Văn phòng',
      '3.2',
      'Hỗ trợ đại hội chi đoàn',
      '3',
      '21/06/2023',
      '23/06/2023',
      'Xã Thạnh Đông',
      'Đăng ký',
      LAN,
      '02/06/2023',
      '',
      '',
      '',
      'QĐ 31-QĐ/TĐTN',
    ],
    [
      7,
      'Trần Văn Hòa',
      'Ban Tuyên giáo',
      '3.5',
      'Chiến dịch tình nguyện hè',
      '7',
      '10/08/2023',
      '16/08/2023',
      'Xã Vĩnh Hòa',
      'Đăng ký',
      '',
      '',
      '',
      '',
      'Trùng lịch kiểm tra',
      '',
    ],
  ];
  return {
    'Cán bộ': [
      ROSTER_HEADER,
      [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', THUY, '', '', ''],
      [2, 'Đỗ Minh Khôi', 'Phó Trưởng ban', 'Ban Tuyên giáo', '', KHOI, '', '', ''],
      [3, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', 'hoa.tg@tinhdoan.vn', '', '', ''],
      [4, 'Lê Thị Lan', 'Chánh Văn phòng', 'Văn phòng', '', LAN, '', '', ''],
      [5, 'Phạm Văn Tư', 'Chuyên viên', 'Văn phòng', '', '', '', '', ''],
      [6, 'Huỳnh Văn An', 'Bí thư', 'Thường trực Tỉnh đoàn', '', AN, '', '', ''],
    ],
    'Đi cơ sở': approvals ? trips : trips.map((row) => row.slice(0, 10)),
    'Cài đặt': [
      ['Mục', 'Giá trị'],
      ['Email BTC-KT', BTCKT],
      ['Email Thường trực', AN],
    ],
  };
}

function setup(approvals = true) {
  const workbook = MemoryWorkbook.fromTabs(tabs(approvals), {
    notes: { 'Đi cơ sở': [[], ['', '', '', '', '', '', '', '', '', '', 'Chị Thủy hẹn duyệt sau họp giao ban']] },
  });
  const settings = new MemorySettingsStore(null);
  const as = (user: string): ServerContext => ({ workbook, settings, today: TODAY, user });
  return { workbook, as };
}

const rowsOf = (queue: ApprovalQueuePayload) => queue.roles.flatMap((r) => r.groups.flatMap((g) => g.rows));
const pick = (queue: ApprovalQueuePayload, ...rows: number[]) =>
  rows.map((row) => {
    const found = [...rowsOf(queue), ...(queue.readOnly?.groups.flatMap((g) => g.rows) ?? [])].find((r) => r.row === row) as QueueRow;
    return { row, fingerprint: found.fingerprint };
  });
const run = (ctx: ServerContext, input: DecideApprovalsInput) => decide(ctx, DecideApprovalsSchema.parse(input));
const cell = (wb: MemoryWorkbook, row: number, column: number) => wb.snapshot('Đi cơ sở').values[row - 1]?.[column - 1] || '';
const note = (wb: MemoryWorkbook, row: number, column: number) => wb.snapshot('Đi cơ sở').notes[row - 1]?.[column - 1] ?? '';
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('Duyệt đăng ký: mỗi người thấy việc đang chờ mình', () => {
  it('Trưởng ban Tuyên giáo: đăng ký của ban chờ duyệt và đợt bị trả lại, theo đợt, với hạn gửi đợt 2', () => {
    const { as } = setup();
    const queue = getApprovalQueue(as(' Thuy.TB@tinhdoan.vn'));
    expect(queue.readOnly).toBeNull();
    expect(queue.roles.map((r) => [r.kind, r.ban, r.title, r.waiting])).toEqual([['ban', 'Ban Tuyên giáo', 'Chờ Ban Tuyên giáo duyệt', 3]]);
    const [group] = queue.roles[0]!.groups;
    expect(group!.title).toBe('Đợt 2 (01/07/2023–31/12/2023)');
    expect(group!.deadlines).toEqual(['Gửi đăng ký đi cơ sở đợt 2: hạn 20/06/2023 (còn 1 ngày)']);
    expect(group!.rows.map((r) => [r.row, r.cadre, r.state, r.when])).toEqual([
      [2, 'Trần Văn Hòa', 'cho-ban-duyet', 'Từ ngày 04/09/2023 đến ngày 08/09/2023'],
      [3, 'Trần Văn Hòa', 'cho-ban-duyet', 'Từ ngày 02/10/2023 đến ngày 06/10/2023'],
      [8, 'Trần Văn Hòa', 'tra-lai', 'Từ ngày 10/08/2023 đến ngày 16/08/2023'],
    ]);
    expect(group!.rows[2]!.stateText).toBe('Trả lại: Trùng lịch kiểm tra');
  });

  it('Ban Tổ chức – Kiểm tra: danh sách từng ban theo đợt, đủ hay chưa, gửi đúng hạn hay muộn', () => {
    const { as } = setup();
    const [role] = getApprovalQueue(as(BTCKT)).roles;
    expect(role!.kind).toBe('btc-kt');
    expect(role!.title).toBe('Danh sách các ban gửi Ban Tổ chức – Kiểm tra');
    expect(role!.groups.map((g) => [g.title.slice(0, 5), g.ban, g.summary, g.tone, g.rows.map((r) => r.row)])).toEqual([
      ['Đợt 1', 'Ban Tuyên giáo', 'Ban đã duyệt 1/1 đợt · 1 đợt đã phê duyệt · gửi ngày 20/05/2023 · đúng hạn', 'ok', []],
      ['Đợt 1', 'Văn phòng', 'Ban đã duyệt 2/2 đợt · gửi ngày 02/06/2023 · sau hạn 31/05/2023', 'late', [6, 7]],
      ['Đợt 2', 'Ban Tuyên giáo', 'Ban đã duyệt 0/3 đợt · còn 2 đợt chờ ban duyệt · 1 đợt bị trả lại', 'warning', []],
      ['Đợt 2', 'Văn phòng', 'Ban đã duyệt 1/1 đợt', 'ok', [5]],
    ]);
    expect(role!.groups[0]!.deadlines).toEqual(['Gửi đăng ký đi cơ sở đợt 1: hạn 31/05/2023 (đã quá 19 ngày)']);
    expect(role!.groups[3]!.deadlines).toEqual([
      'Gửi đăng ký đi cơ sở đợt 2: hạn 20/06/2023 (còn 1 ngày)',
      'Thường trực Tỉnh đoàn thông báo phê duyệt đăng ký đợt 2: hạn 30/06/2023 (còn 11 ngày)',
    ]);
    // 06-HD §IV.2: Văn phòng's Đợt 1 list was sent late; only the row with an urgent-task decision can be approved.
    const [late, urgent] = role!.groups[1]!.rows;
    expect([late!.refused, urgent!.refused]).toEqual([true, false]);
    expect(role!.waiting).toBe(2);
  });

  it('Thường trực: chỉ danh sách đã tổng hợp (các đợt ban đã duyệt)', () => {
    const { as } = setup();
    const [role] = getApprovalQueue(as(AN)).roles;
    expect(role!.kind).toBe('thuong-truc');
    expect(role!.groups.map((g) => [g.ban, g.rows.map((r) => r.row)])).toEqual([
      ['Văn phòng', [6, 7]],
      ['Văn phòng', [5]],
    ]);
  });

  it('đợt duyệt bằng cách gõ tay được nhận và hiện là gõ tay, không ghi tài khoản', () => {
    const { as } = setup();
    const [role] = getApprovalQueue(as(BTCKT)).roles;
    const five = role!.groups.flatMap((g) => g.rows).find((r) => r.row === 5)!;
    expect([five.state, five.typed, five.stateText]).toEqual(['cho-tong-hop', true, 'Ban đã duyệt. Chờ Ban Tổ chức – Kiểm tra tổng hợp.']);
  });

  it('người không có vai trò: chỉ xem, có lý do; tài khoản bị Google giấu: nói rõ', () => {
    const { as } = setup();
    const guest = getApprovalQueue(as('hoa.tg@tinhdoan.vn'));
    expect(guest.roles).toEqual([]);
    expect(guest.readOnly!.reason).toContain('Tài khoản hoa.tg@tinhdoan.vn không có trong danh sách người duyệt');
    expect(guest.readOnly!.groups.flatMap((g) => g.rows.map((r) => r.row))).toEqual([6, 7, 2, 3, 8, 5]);
    expect(getApprovalQueue(as('')).readOnly!.reason).toMatch(/^Google không cho tiện ích biết tài khoản/);
    expect(() => run(as(''), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: [{ row: 2, fingerprint: 'x' }] })).toThrow(
      /Google không cho tiện ích biết/,
    );
  });

  it('bảng tính chưa có cột duyệt: trang chỉ cách thêm cột (đúng tiêu đề), không ghi vào chỗ khác', () => {
    const { as, workbook } = setup(false);
    runCheck(workbook, { settings: defaultSettings(2023), today: TODAY });
    const queue = getApprovalQueue(as(THUY));
    expect(queue.kept).toBe(false);
    expect(queue.addColumns).toBe(
      'Tab “Đi cơ sở” chưa có cột duyệt, nên chưa ghi được quyết định duyệt (đăng ký vẫn được kiểm tra như trước). Để duyệt trong tiện ích, thêm các cột đúng tiêu đề: “Ban duyệt (người)”, “Ban duyệt (ngày)”, “Thông báo phê duyệt (số)”, “Thông báo phê duyệt (ngày)”, “Trả lại (lý do)”, chèn vào bên trái cột K (“Kết quả kiểm tra”, cột của tiện ích): bấm chuột phải vào tiêu đề cột K, chọn Chèn cột bên trái. Tiện ích không tự thêm cột vào bảng của anh/chị.',
    );
    const before = workbook.snapshot('Đi cơ sở');
    expect(() => run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: [{ row: 2, fingerprint: 'x' }] })).toThrow(queue.addColumns!);
    expect(workbook.snapshot('Đi cơ sở')).toEqual(before);
  });
});

describe('Duyệt đăng ký: ghi quyết định', () => {
  it('duyệt hai đợt: ghi tài khoản và ngày, nối một dòng vào vết ghi chú; phần còn lại của dòng không đổi', () => {
    const { as, workbook } = setup();
    runCheck(workbook, { settings: defaultSettings(2023), today: TODAY });
    const before = workbook.snapshot('Đi cơ sở');
    const queue = getApprovalQueue(as(THUY));
    const result = run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2, 3) });
    expect(result.written).toEqual([2, 3]);
    expect(result.message).toBe('Đã duyệt 2 đợt.');
    const after = workbook.snapshot('Đi cơ sở');
    for (const row of [2, 3]) {
      expect(cell(workbook, row, C.by)).toBe(THUY);
      expect(cell(workbook, row, C.on)).toEqual(day(2023, 6, 19));
      // Every cell the person typed is as it was; our status column (Q) says where the row stands now.
      expect(after.values[row - 1]!.slice(0, 10)).toEqual(before.values[row - 1]!.slice(0, 10));
      expect(after.values[row - 1]!.slice(12, 16)).toEqual(before.values[row - 1]!.slice(12, 16));
      expect(String(after.values[row - 1]![16])).toContain('Ban đã duyệt (thuy.tb@tinhdoan.vn, 19/06/2023). Chờ Ban Tổ chức – Kiểm tra tổng hợp.');
    }
    expect(after.values.filter((_, i) => i !== 1 && i !== 2)).toEqual(before.values.filter((_, i) => i !== 1 && i !== 2));
    // The person's note stays word for word; our line follows it.
    expect(note(workbook, 2, C.by)).toBe(`Chị Thủy hẹn duyệt sau họp giao ban\n${TRAIL_MARKER}19/06/2023 · Ban duyệt · ${THUY}`);
    expect(note(workbook, 3, C.by)).toBe(`${TRAIL_MARKER}19/06/2023 · Ban duyệt · ${THUY}`);
    // The page's queue is the one read after writing: row 8 (returned) is what is left.
    expect(result.queue.roles[0]!.groups[0]!.rows.map((r) => r.row)).toEqual([8]);
    // BTC-KT sees them as approved with the account, not typed.
    const compiled = getApprovalQueue(as(BTCKT)).roles[0]!.groups.flatMap((g) => g.rows);
    expect(compiled.filter((r) => r.row === 2 || r.row === 3).map((r) => r.typed)).toEqual([false, false]);
  });

  it('duyệt lại lần nữa: không ghi gì', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(THUY));
    run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2) });
    const once = workbook.snapshot('Đi cơ sở');
    const again = run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2) });
    expect(again.written).toEqual([]);
    expect(again.skipped.map((s) => [s.row, s.why])).toEqual([[2, 'already']]);
    expect(workbook.snapshot('Đi cơ sở')).toEqual(once);
  });

  it('hai lãnh đạo ban cùng duyệt một lúc: người sau thấy dòng đã được duyệt, không ghi đè', () => {
    const { as, workbook } = setup();
    const seenByThuy = getApprovalQueue(as(THUY));
    const seenByKhoi = getApprovalQueue(as(KHOI));
    run(as(KHOI), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(seenByKhoi, 2) });
    const result = run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(seenByThuy, 2, 3) });
    expect(result.written).toEqual([3]);
    expect(result.skipped).toEqual([
      { row: 2, why: 'already', message: 'Dòng 2 không cần ghi lại: Ban đã duyệt (khoi.tg@tinhdoan.vn, 19/06/2023). Chờ Ban Tổ chức – Kiểm tra tổng hợp.' },
    ]);
    expect(cell(workbook, 2, C.by)).toBe(KHOI);
    expect(cell(workbook, 3, C.by)).toBe(THUY);
  });

  it('dòng có người sửa sau khi trang tải: không ghi đè, trang nói và tải lại dòng đó', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(THUY));
    workbook.setCell('Đi cơ sở', 3, C.place, 'Xã Thạnh Lộc');
    const result = run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2, 3) });
    expect(result.written).toEqual([2]);
    expect(result.skipped.map((s) => [s.row, s.why])).toEqual([[3, 'changed']]);
    expect(result.message).toBe(
      'Đã duyệt 1 đợt. Dòng 3 đã có người sửa sau khi trang được tải, nên không ghi đè; trang đã tải lại dòng đó, hãy xem lại rồi quyết định.',
    );
    expect(cell(workbook, 3, C.by)).toBe('');
    const reloaded = result.queue.roles[0]!.groups[0]!.rows.find((r) => r.row === 3)!;
    expect(reloaded.place).toBe('Xã Thạnh Lộc');
    expect(run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(result.queue, 3) }).written).toEqual([3]);
  });

  it('trả lại cần lý do; duyệt lại đợt bị trả lại thì bỏ lý do khỏi ô, lý do còn trong vết', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(THUY));
    const refused = (() => {
      try {
        run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'return', rows: pick(queue, 3) });
      } catch (error) {
        return isUserError(error) ? error.message : String(error);
      }
      return null;
    })();
    expect(refused).toBe('Cần ghi lý do trả lại.');
    run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'return', reason: ' Chưa có đề cương chuyên đề ', rows: pick(queue, 3) });
    expect(cell(workbook, 3, C.reason)).toBe('Chưa có đề cương chuyên đề');
    expect(note(workbook, 3, C.by)).toBe(`${TRAIL_MARKER}19/06/2023 · Trả lại: Chưa có đề cương chuyên đề · ${THUY}`);

    const result = run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 8) });
    expect(result.written).toEqual([8]);
    expect([cell(workbook, 8, C.by), cell(workbook, 8, C.reason)]).toEqual([THUY, '']);
    expect(note(workbook, 8, C.by)).toBe(`${TRAIL_MARKER}19/06/2023 · Ban duyệt · ${THUY}`);
    expect(
      getApprovalQueue(as(BTCKT))
        .roles[0]!.groups.flatMap((g) => g.rows)
        .find((r) => r.row === 8)!.state,
    ).toBe('cho-tong-hop');
  });

  it('Thường trực phê duyệt danh sách tổng hợp với số thông báo; đợt gửi sau hạn (06-HD §IV.2) không được phê duyệt', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(AN));
    const result = run(as(AN), { role: 'thuong-truc', decision: 'approve', noticeNumber: '22-TB/TĐTN', rows: pick(queue, 5, 6, 7) });
    expect(result.written).toEqual([5, 7]);
    expect(result.skipped.map((s) => s.message)).toEqual([
      'Dòng 6 không phê duyệt: Ban duyệt ngày 02/06/2023, sau hạn gửi đăng ký 31/05/2023: theo hướng dẫn không được xem xét phê duyệt (trừ nhiệm vụ đột xuất có văn bản của Ban Thường vụ).',
    ]);
    for (const row of [5, 7]) expect([cell(workbook, row, C.number), cell(workbook, row, C.noticeOn)]).toEqual(['22-TB/TĐTN', day(2023, 6, 19)]);
    expect([cell(workbook, 6, C.number), cell(workbook, 6, C.noticeOn)]).toEqual(['', '']);
    // The trail is on the row's first approval cell (Ban duyệt (người)), whoever decided.
    expect(note(workbook, 5, C.by)).toBe(`${TRAIL_MARKER}19/06/2023 · Phê duyệt (thông báo 22-TB/TĐTN) · ${AN}`);
  });

  it('lãnh đạo Văn phòng không duyệt được đăng ký của ban khác; người không giữ vai trò thì bị từ chối', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(THUY));
    const result = run(as(LAN), { role: 'ban', ban: 'Văn phòng', decision: 'approve', rows: pick(queue, 2) });
    expect(result.skipped.map((s) => s.message)).toEqual(['Dòng 2 là đăng ký của Ban Tuyên giáo, không thuộc ban anh/chị duyệt.']);
    expect(() => run(as(LAN), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2) })).toThrow(/không giữ vai trò này/);
    expect(() => run(as(THUY), { role: 'thuong-truc', decision: 'approve', rows: pick(queue, 2) })).toThrow(/không giữ vai trò này/);
    expect(cell(workbook, 2, C.by)).toBe('');
  });

  it('một lần kiểm tra sau khi duyệt giữ nguyên vết duyệt; “Xóa đánh dấu” cũng vậy', () => {
    const { as, workbook } = setup();
    const queue = getApprovalQueue(as(THUY));
    run(as(THUY), { role: 'ban', ban: 'Ban Tuyên giáo', decision: 'approve', rows: pick(queue, 2) });
    const trail = note(workbook, 2, C.by);
    runCheck(workbook, { settings: defaultSettings(2023), today: TODAY });
    expect(
      note(workbook, 2, C.by)
        .split('\n')
        .filter((l) => !l.startsWith(NOTE_MARKER)),
    ).toEqual(trail.split('\n'));
    removeOurMarks(workbook, { deleteGenerated: true });
    expect(note(workbook, 2, C.by)).toBe(trail);
  });
});

describe('Mẫu 2 theo phê duyệt: danh sách ban đã duyệt, hoặc cả đăng ký chưa duyệt có đánh dấu', () => {
  /** The "Nội dung đi cơ sở" cells of a mẫu 2 tab, below its captions. */
  const contents = (wb: MemoryWorkbook, tab: string) => {
    const values = wb.snapshot(tab).values;
    const header = values.findIndex((r) => r[3] === 'Nội dung đi cơ sở');
    return values
      .slice(header + 1)
      .map((r) => String(r[3] ?? ''))
      .filter((c) => /^\d\.\d\./.test(c));
  };

  it('Ban Tuyên giáo: mẫu 2 liệt kê đợt đã phê duyệt; “cả chưa duyệt” thêm đợt chờ duyệt và đợt bị trả lại, mỗi đợt ghi rõ', () => {
    const { as, workbook } = setup();
    const { analysis } = analyzeContext(as(BTCKT));
    expect(generateMau2(workbook, analysis, 'Ban Tuyên giáo')).toBe('Mẫu 2 - Tuyên giáo');
    const approved = contents(workbook, 'Mẫu 2 - Tuyên giáo');
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatch(/^3\.4\. .+: Dự sinh hoạt chi đoàn ấp 3$/);
    expect(generateMau2(workbook, analysis, 'Ban Tuyên giáo', 'all')).toBe('Mẫu 2 - Tuyên giáo (tất cả)');
    const all = contents(workbook, 'Mẫu 2 - Tuyên giáo (tất cả)');
    expect(all).toHaveLength(4);
    expect(all.filter((c) => c.endsWith('\n(Chờ Ban duyệt)'))).toHaveLength(2);
    expect(all.filter((c) => c.endsWith('\n(Trả lại: Trùng lịch kiểm tra)'))).toHaveLength(1);
    expect(all.filter((c) => !c.includes('\n'))).toEqual(approved);
  });

  it('Tạo biểu mẫu đếm cả hai danh sách; bảng tính không có cột duyệt: mẫu 2 như trước, mọi đăng ký', () => {
    const { as } = setup();
    const options = getFormOptions(as(BTCKT));
    expect(options.approvalsKept).toBe(true);
    const tuyenGiao = options.scopes.find((s) => s.ban === 'Ban Tuyên giáo')!;
    expect([tuyenGiao.mau2, tuyenGiao.mau2All]).toEqual([
      { cadres: 1, trips: 1 },
      { cadres: 1, trips: 4 },
    ]);
    // Văn phòng's three were approved by the Ban (one typed "Đã duyệt", two by its Chánh Văn phòng).
    const vanPhong = options.scopes.find((s) => s.ban === 'Văn phòng')!;
    expect([vanPhong.mau2.trips, vanPhong.mau2All.trips]).toEqual([3, 3]);

    const plain = setup(false);
    const without = getFormOptions(plain.as(BTCKT));
    expect(without.approvalsKept).toBe(false);
    const scope = without.scopes.find((s) => s.ban === 'Ban Tuyên giáo')!;
    expect([scope.mau2.trips, scope.mau2All.trips]).toEqual([4, 4]);
    const { analysis } = analyzeContext(plain.as(BTCKT));
    expect(generateMau2(plain.workbook, analysis, 'Ban Tuyên giáo', 'all')).toBe('Mẫu 2 - Tuyên giáo');
    expect(contents(plain.workbook, 'Mẫu 2 - Tuyên giáo').every((c) => !c.includes('\n'))).toBe(true);
  });
});
