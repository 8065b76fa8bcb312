import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { approvalLateness, approvalOf } from '../../src/core/approval';
import { rolesOf } from '../../src/core/approvers';
import type { ApprovalCells } from '../../src/core/model';
import { PRESETS, type PresetId } from '../../src/core/presets';
import { readRoster } from '../../src/core/read-roster';
import { registrationRounds } from '../../src/core/registration-rounds';
import { defaultSettings } from '../../src/core/settings';
import { applySheetSettings, readSettingsTab } from '../../src/core/settings-tab';
import { ROSTER_HEADER } from '../support/domain';

/**
 * The approval process by each preset's own calendar: the rounds the Bans send their lists in, what is late, and who
 * may approve. Dates worked out from the documents: Kiên Giang 06-HD §IV (Đợt 1 by 20/12 of the year before, Đợt 2 by
 * 20/6, the Thường trực's notice by 30/12 and 30/6; 2023's Đợt 1 in May), Tây Ninh 2023 (mẫu 1 by 15/02, mẫu 2 by
 * 20/02), Hà Nam 25-HD (approved "trước ngày mùng 5" of each quarter's first month: the 4th is the last day).
 */

const d = (s: string) => s as CalendarDate;
const rounds = (preset: PresetId, year: number) =>
  registrationRounds(PRESETS[preset].policy, year).map((r) => [
    r.label,
    r.banDeadline?.date ?? null,
    r.listDeadline?.date ?? null,
    r.approvalDeadline?.date ?? null,
  ]);

describe('các đợt gửi đăng ký theo văn bản', () => {
  it('Kiên Giang 06-HD: hai đợt, đợt 1 gửi trước 20/12 năm trước, đợt 2 trước 20/6; Thường trực phê duyệt trước 30/12, 30/6', () => {
    expect(rounds('kien-giang-2023', 2024)).toEqual([
      ['Đợt 1 (01/01/2024–30/06/2024)', '2023-12-20', '2023-12-20', '2023-12-30'],
      ['Đợt 2 (01/07/2024–31/12/2024)', '2024-06-20', '2024-06-20', '2024-06-30'],
    ]);
  });

  it('Kiên Giang năm 2023: đợt 1 đăng ký trong tháng 5/2023, không có hạn phê duyệt “30/12 năm trước”', () => {
    expect(rounds('kien-giang-2023', 2023)).toEqual([
      ['Đợt 1 (01/01/2023–30/06/2023)', '2023-05-31', '2023-05-31', null],
      ['Đợt 2 (01/07/2023–31/12/2023)', '2023-06-20', '2023-06-20', '2023-06-30'],
    ]);
  });

  it('Tây Ninh 2023: một danh sách cả năm; lãnh đạo ban duyệt mẫu 1 trước 15/02, gửi mẫu 2 trước 20/02', () => {
    expect(rounds('tay-ninh-2023', 2023)).toEqual([['Năm 2023 (01/01/2023–25/10/2023)', '2023-02-15', '2023-02-20', null]]);
  });

  it('Hà Nam 25-HD: kế hoạch từng quý phải được phê duyệt trước ngày mùng 5 tháng đầu quý', () => {
    expect(rounds('ha-nam-2022', 2022)).toEqual([
      ['Quý I năm 2022', '2022-01-04', '2022-01-04', null],
      ['Quý II năm 2022', '2022-04-04', '2022-04-04', null],
      ['Quý III năm 2022', '2022-07-04', '2022-07-04', null],
      ['Quý IV năm 2022', '2022-10-04', '2022-10-04', null],
    ]);
  });
});

const cells = (c: Partial<ApprovalCells>): ApprovalCells => ({ banBy: null, banOn: null, noticeNumber: null, noticeDate: null, returnReason: null, ...c });

describe('đăng ký gửi hoặc phê duyệt sau hạn', () => {
  it.each<[string, PresetId, number, string, Partial<ApprovalCells>, string | null, string[], boolean]>([
    ['Kiên Giang, đợt 1 năm 2024, ban duyệt đúng ngày 20/12/2023', 'kien-giang-2023', 2024, '2024-03-15', { banOn: d('2023-12-20') }, null, [], false],
    [
      'Kiên Giang, đợt 1 năm 2024, ban duyệt ngày 21/12/2023: không được xem xét phê duyệt',
      'kien-giang-2023',
      2024,
      '2024-03-15',
      { banOn: d('2023-12-21') },
      null,
      [
        'Ban duyệt ngày 21/12/2023, sau hạn gửi đăng ký 20/12/2023: theo hướng dẫn không được xem xét phê duyệt (trừ nhiệm vụ đột xuất có văn bản của Ban Thường vụ).',
      ],
      true,
    ],
    ['Kiên Giang, gửi muộn nhưng có văn bản nhiệm vụ đột xuất', 'kien-giang-2023', 2024, '2024-03-15', { banOn: d('2023-12-21') }, 'QĐ 12-QĐ/TĐTN', [], false],
    [
      'Kiên Giang, đợt 2, ban duyệt 20/06, Thường trực thông báo 30/06',
      'kien-giang-2023',
      2023,
      '2023-08-01',
      { banOn: d('2023-06-20'), noticeDate: d('2023-06-30') },
      null,
      [],
      false,
    ],
    [
      'Kiên Giang, đợt 2, thông báo phê duyệt ngày 01/07: sau hạn 30/06',
      'kien-giang-2023',
      2023,
      '2023-08-01',
      { banOn: d('2023-06-19'), noticeDate: d('2023-07-01') },
      null,
      ['Thông báo phê duyệt ngày 01/07/2023, sau hạn phê duyệt 30/06/2023.'],
      false,
    ],
    ['Tây Ninh, lãnh đạo ban duyệt mẫu 1 ngày 15/02', 'tay-ninh-2023', 2023, '2023-04-03', { banOn: d('2023-02-15') }, null, [], false],
    [
      'Tây Ninh, duyệt ngày 16/02: muộn, nhưng kế hoạch không nói là không phê duyệt',
      'tay-ninh-2023',
      2023,
      '2023-04-03',
      { banOn: d('2023-02-16') },
      null,
      ['Ban duyệt ngày 16/02/2023, sau hạn 15/02/2023.'],
      false,
    ],
    ['Hà Nam, kế hoạch quý II duyệt ngày 04/04', 'ha-nam-2022', 2022, '2022-04-10', { banOn: d('2022-04-04') }, null, [], false],
    [
      'Hà Nam, duyệt đúng ngày mùng 5 là đã muộn',
      'ha-nam-2022',
      2022,
      '2022-04-10',
      { banOn: d('2022-04-05') },
      null,
      ['Ban duyệt ngày 05/04/2022, sau hạn 04/04/2022.'],
      false,
    ],
  ])('%s', (_name, preset, year, from, approval, urgent, messages, refused) => {
    const policy = PRESETS[preset].policy;
    const trip = { from: d(from), urgent, status: 'registered' as const, approval: cells(approval) };
    expect(approvalLateness(trip, policy, year).map((l) => l.message)).toEqual(messages);
    expect(approvalOf(trip, true, policy, year).refused).toBe(refused);
  });
});

describe('ai được duyệt', () => {
  const policy = PRESETS['kien-giang-2023'].policy;
  const roster = readRoster(
    {
      tab: 'Cán bộ',
      values: [
        ROSTER_HEADER,
        [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', 'Thuy.TB@TinhDoan.vn ', '', '', ''],
        [2, 'Trần Văn Hòa', 'Phó Trưởng ban', 'Ban Tuyên giáo', '', 'hoa.tg@tinhdoan.vn', '', '', ''],
        [3, 'Lê Thị Lan', 'Chánh Văn phòng', 'Văn phòng', '', 'lan.vp@tinhdoan.vn', '', '', ''],
        [4, 'Phạm Văn Tư', 'Phó Chánh Văn phòng', 'Văn phòng', '', 'tu.vp@tinhdoan.vn', '', '', ''],
        [5, 'Đỗ Minh Khôi', 'Chuyên viên', 'Ban Tuyên giáo', '', 'khoi.tg@tinhdoan.vn', '', '', ''],
        [6, 'Võ Thanh Bình', 'Chuyên viên', 'Ban Phong trào', 'Lãnh đạo ban', 'binh.pt@tinhdoan.vn', '', '', ''],
        [7, 'Huỳnh Văn An', 'Bí thư', 'Thường trực Tỉnh đoàn', '', 'an.bt@tinhdoan.vn', '', '', ''],
      ],
    },
    { timeZone: 'UTC', year: 2023, policy },
  );
  const recipients = {
    ...defaultSettings(2023).recipients,
    btcKt: ['btckt@tinhdoan.vn'],
    thuongTruc: ['an.bt@tinhdoan.vn'],
    banLeaders: { 'ban cong tac thieu nhi': 'thieunhi@tinhdoan.vn', 'Ban Không Có': 'khong@tinhdoan.vn' },
  };
  const roster2 = [...roster.cadres, { ...roster.cadres[4]!, index: 7, row: 9, name: 'Mai Thu', ban: 'Ban Công tác Thiếu nhi', email: '' }];

  it.each<[string, string, unknown[]]>([
    ['Trưởng ban, email gõ hoa và có khoảng trắng', 'thuy.tb@tinhdoan.vn', [{ kind: 'ban', ban: 'Ban Tuyên giáo' }]],
    ['Phó Trưởng ban', 'HOA.TG@tinhdoan.vn', [{ kind: 'ban', ban: 'Ban Tuyên giáo' }]],
    ['Chánh Văn phòng', 'lan.vp@tinhdoan.vn', [{ kind: 'ban', ban: 'Văn phòng' }]],
    ['Phó Chánh Văn phòng', 'tu.vp@tinhdoan.vn', [{ kind: 'ban', ban: 'Văn phòng' }]],
    ['chuyên viên: không duyệt', 'khoi.tg@tinhdoan.vn', []],
    ['nhóm đối tượng “Lãnh đạo ban”', 'binh.pt@tinhdoan.vn', [{ kind: 'ban', ban: 'Ban Phong trào' }]],
    ['email lãnh đạo ban ghi trong Cài đặt (tên ban viết thường)', 'thieunhi@tinhdoan.vn', [{ kind: 'ban', ban: 'Ban Công tác Thiếu nhi' }]],
    ['email lãnh đạo của một ban không có trong tab Cán bộ', 'khong@tinhdoan.vn', []],
    ['Email BTC-KT', 'btckt@tinhdoan.vn', [{ kind: 'btc-kt' }]],
    ['Email Thường trực (Bí thư không phải lãnh đạo ban)', 'an.bt@tinhdoan.vn', [{ kind: 'thuong-truc' }]],
    ['Google không cho biết tài khoản', '', []],
  ])('%s', (_name, email, roles) => {
    expect(rolesOf(email, roster2, recipients)).toEqual(roles);
  });
});

describe('mục “Email Thường trực” trong tab Cài đặt', () => {
  it('đọc danh sách địa chỉ như Email BTC-KT; địa chỉ sai bị bỏ qua và được nêu', () => {
    const read = readSettingsTab(
      [
        ['Mục', 'Giá trị'],
        ['Email Thường trực:', 'an.bt@tinhdoan.vn; pho.bt@tinhdoan.vn, nguyen van a'],
      ],
      'UTC',
    );
    const applied = applySheetSettings(defaultSettings(2023), read);
    expect(applied.settings.recipients.thuongTruc).toEqual(['an.bt@tinhdoan.vn', 'pho.bt@tinhdoan.vn']);
    expect(applied.problems).toEqual(['Tab “Cài đặt”, dòng 2: Email Thường trực “nguyen van a” không hợp lệ; đã bỏ qua địa chỉ này.']);
  });
});
