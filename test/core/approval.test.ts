import { describe, expect, it } from 'vitest';
import { approvalOf, approvalSentence } from '../../src/core/approval';
import { PRESETS } from '../../src/core/presets';
import { readRoster } from '../../src/core/read-roster';
import { readTrips } from '../../src/core/read-trips';
import { rosterValues } from '../support/domain';

/**
 * Where a registration stands, read from the columns a province keeps (06-HD §IV bước 1–2: the Ban reviews and sends
 * its list to the Ban Tổ chức – Kiểm tra; the Thường trực's notice approves; lists sent late are not approved).
 */

const policy = PRESETS['kien-giang-2023'].policy;
const A = 'Nguyễn Thị Thủy';
const HEADER = [
  'Họ và tên',
  'Nội dung',
  'Từ ngày',
  'Đến ngày',
  'Trạng thái',
  'Ban duyệt (người)',
  'Ban duyệt (ngày)',
  'Thông báo phê duyệt (số)',
  'Thông báo phê duyệt (ngày)',
  'Trả lại (lý do)',
  'Đột xuất (văn bản)',
];

function read(rows: unknown[][], header = HEADER) {
  const roster = readRoster({ tab: 'Cán bộ', values: rosterValues([{ name: A }]) }, { timeZone: 'UTC', year: 2023, policy });
  return readTrips({ tab: 'Đi cơ sở', values: [header, ...rows] }, roster.cadres, { timeZone: 'UTC', year: 2023, policy, today: '2023-05-01' as never });
}
const trip = (extra: unknown[] = []) => [A, '3.2', '01/08/2023', '10/08/2023', 'Đăng ký', ...extra];

describe('trạng thái duyệt của một đợt đăng ký', () => {
  it.each<[string, unknown[], string, string]>([
    ['chưa ai duyệt', trip(), 'cho-ban-duyet', 'Chờ Ban duyệt.'],
    [
      'lãnh đạo ban đã duyệt (tài khoản, ngày)',
      trip(['thuy.tb@tinhdoan.vn', '15/06/2023']),
      'cho-tong-hop',
      'Ban đã duyệt (thuy.tb@tinhdoan.vn, 15/06/2023). Chờ Ban Tổ chức – Kiểm tra tổng hợp.',
    ],
    [
      'lãnh đạo ban gõ tên vào ô (không có tài khoản)',
      trip(['Trần Văn Hòa', '']),
      'cho-tong-hop',
      'Ban đã duyệt (Trần Văn Hòa). Chờ Ban Tổ chức – Kiểm tra tổng hợp.',
    ],
    ['trạng thái gõ “Đã duyệt”', [A, '3.2', '01/08/2023', '10/08/2023', 'Đã duyệt'], 'cho-tong-hop', 'Ban đã duyệt. Chờ Ban Tổ chức – Kiểm tra tổng hợp.'],
    [
      'có thông báo phê duyệt của Thường trực',
      trip(['x', '15/06/2023', '12-TB/TĐTN', '28/06/2023']),
      'da-phe-duyet',
      'Đã phê duyệt (thông báo 12-TB/TĐTN ngày 28/06/2023).',
    ],
    ['bị trả lại, có lý do', trip(['', '', '', '', 'Trùng đợt với Ban Phong trào']), 'tra-lai', 'Trả lại: Trùng đợt với Ban Phong trào'],
  ])('%s', (_name, row, state, sentence) => {
    const read1 = read([row]);
    expect(read1.processColumns.approval).toBe(true);
    const approval = approvalOf(read1.trips[0]!, true, policy, 2023);
    expect(approval.state).toBe(state);
    expect(approvalSentence(approval, policy)).toBe(sentence);
  });

  it('bảng tính không có cột duyệt nào: không cần duyệt, như trước đây', () => {
    const plain = read([[A, '3.2', '01/08/2023', '10/08/2023', 'Đăng ký']], ['Họ và tên', 'Nội dung', 'Từ ngày', 'Đến ngày', 'Trạng thái']);
    expect(plain.processColumns.approval).toBe(false);
    expect(approvalOf(plain.trips[0]!, false, policy, 2023)).toMatchObject({ state: 'khong-can' });
  });

  it('06-HD §IV.2: ban gửi (duyệt) đợt 2 sau hạn 20/6 thì không được xem xét phê duyệt: lưu ý ở ô ngày duyệt', () => {
    const late = read([trip(['thuy.tb@tinhdoan.vn', '25/06/2023'])]);
    expect(late.issues.map((i) => [i.code, i.column, i.level])).toEqual([['approval-late', 'Ban duyệt (ngày)', 'warning']]);
    expect(late.issues[0]!.message).toContain('sau hạn gửi đăng ký 20/06/2023');
  });

  it('06-HD §IV.1: nhiệm vụ đột xuất có văn bản của Ban Thường vụ thì không xét hạn gửi', () => {
    const urgent = read([trip(['thuy.tb@tinhdoan.vn', '25/06/2023', '', '', '', 'QĐ 31-QĐ/TĐTN'])]);
    expect(urgent.issues).toEqual([]);
  });
});
