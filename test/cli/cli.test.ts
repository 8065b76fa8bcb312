import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/core/issues';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { ROOT } from '../support/bundle';
import { loadForContent } from '../support/xlsx-content';

const SAMPLE = path.join(ROOT, 'samples/tinh-doan-mau.xlsx');
const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
let dir: string;

function dicoso(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The --json contract, written independently of the code that produces it.
const JsonReport = z
  .object({
    year: z.number().int(),
    preset: z.enum(['kien-giang-2023', 'tay-ninh-2023', 'ha-nam-2022']),
    period: z.object({ start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    cadres: z.array(
      z
        .object({
          name: z.string().min(1),
          ban: z.string().min(1),
          group: z.enum(['thuong-truc', 'lanh-dao-ban', 'chuyen-vien']),
          exempt: z.string().nullable(),
          requiredDays: z.number().int().min(0),
          daysDone: z.number().int().min(0),
          daysProjected: z.number().int().min(0),
          roundsDone: z.number().int().min(0),
          roundsRequired: z.number().int().min(0),
          status: z.enum(['ok', 'short-days', 'short-rounds', 'short-both', 'short-place', 'exempt']),
          rating: z.enum(['dat', 'khong-dat', 'xuat-sac', 'hoan-thanh', 'chua-hoan-thanh']).nullable(),
          verdict: z.enum([
            'ok',
            'ok-planned',
            'short-days',
            'short-rounds',
            'short-both',
            'short-place',
            'exempt',
            'dat',
            'khong-dat',
            'xuat-sac',
            'hoan-thanh',
            'chua-hoan-thanh',
          ]),
          verdictLabel: z.string().min(1),
          reasons: z.array(z.string()),
        })
        .strict(),
    ),
    trips: z.array(
      z
        .object({
          tab: z.string(),
          row: z.number().int().min(1),
          cadre: z.string().min(1),
          ban: z.string().min(1),
          status: z.enum(['registered', 'approved', 'done', 'cancelled']),
          approval: z
            .object({
              state: z.enum(['cho-ban-duyet', 'cho-tong-hop', 'da-phe-duyet', 'tra-lai', 'khong-can']),
              by: z.string().nullable(),
              date: z.string().nullable(),
              noticeNumber: z.string().nullable(),
              noticeDate: z.string().nullable(),
              reason: z.string().nullable(),
            })
            .strict(),
        })
        .strict(),
    ),
    issues: z.array(
      z
        .object({
          tab: z.string(),
          row: z.number().int().min(1),
          column: z.string(),
          level: z.enum(['error', 'warning']),
          code: z.enum(ISSUE_CODES),
          message: z.string().min(1),
        })
        .strict(),
    ),
    notices: z.array(z.string().min(1)),
  })
  .strict();

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-cli-'));
  copyFileSync(SAMPLE, path.join(dir, 'mau.xlsx'));
});

describe('dicoso check', () => {
  it('--json in ra đúng một tài liệu JSON theo hợp đồng', () => {
    const { code, stdout, stderr } = dicoso(['check', 'mau.xlsx', '--today', '2023-11-15', '--json', '--out', 'ket-qua.xlsx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JsonReport.parse(JSON.parse(stdout));
    expect(report.year).toBe(2023);
    expect(report.cadres.length).toBeGreaterThanOrEqual(25);
    // One entry per trip row read; the sample keeps no approval column, so none needs approval (as before).
    expect(report.trips.length).toBeGreaterThan(250);
    expect(report.trips.every((t) => t.approval.state === 'khong-can')).toBe(true);
    expect(report.cadres.filter((c) => c.exempt !== null).every((c) => c.status === 'exempt' && c.rating === null)).toBe(true);
    expect(report.issues.some((i) => i.code === 'unknown-cadre')).toBe(true);
  });

  it('--preset và --year thắng tab Cài đặt; --ban và --quarter chọn mẫu', async () => {
    const { code, stdout } = dicoso([
      'check',
      'mau.xlsx',
      '--today',
      '2023-11-15',
      '--preset',
      'tay-ninh-2023',
      '--ban',
      'ban tuyen giao',
      '--quarter',
      '2',
      '--out',
      'tn.xlsx',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JsonReport.parse(JSON.parse(stdout));
    expect(report.preset).toBe('tay-ninh-2023');
    expect(report.period).toEqual({ start: '2023-01-01', end: '2023-10-25' });
    const written = await XlsxWorkbook.load(path.join(dir, 'tn.xlsx'));
    expect(written.tabNames()).toEqual(expect.arrayContaining(['Tổng hợp 1+2', 'Mẫu 2 - Tuyên giáo', 'Mẫu 3 Quý II-2023 - Tuyên giáo']));
    const mau2 = (await loadForContent(path.join(dir, 'tn.xlsx'))).getWorksheet('Mẫu 2 - Tuyên giáo')!;
    expect(mau2.getCell('A5').font?.name).toBe('Times New Roman');
    expect(mau2.getCell('A5').font?.bold).toBe(true);
  });

  it('--mau1 tạo bản đăng ký của một cán bộ hoặc cả ban; tên không có thì báo lỗi mã 2', async () => {
    const { code, stdout } = dicoso(['check', 'mau.xlsx', '--today', '2023-11-15', '--mau1', 'ban tuyen giao', '--out', 'm1.xlsx']);
    expect(code).toBe(0);
    expect(stdout).toContain('Mẫu 1 - Tuyên giáo');
    const written = await XlsxWorkbook.load(path.join(dir, 'm1.xlsx'));
    const values = written.readTab('Mẫu 1 - Tuyên giáo')!.values.flat();
    expect(values.filter((v) => v === 'BẢN ĐĂNG KÝ').length).toBeGreaterThan(1);
    // The signature's title, room to sign and name share one cell: no printed page parts them.
    expect(values.some((v) => typeof v === 'string' && v.startsWith('Người đăng ký\n'))).toBe(true);
    const missing = dicoso(['check', 'mau.xlsx', '--mau1', 'Không Có Ai', '--out', 'm1b.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--mau1 “Không Có Ai”');
  });

  it('bảng tóm tắt theo ban, không màu khi NO_COLOR', () => {
    const { code, stdout } = dicoso(['check', 'mau.xlsx', '--today', '2023-11-15', '--out', 'tt.xlsx']);
    expect(code).toBe(0);
    expect(stdout).toContain('Ban/Văn phòng');
    expect(stdout).toContain('Toàn tỉnh');
    expect(stdout).toContain('Cán bộ chưa đủ yêu cầu');
    expect(stdout).not.toContain('\u001b[');
  });

  it('có màu khi FORCE_COLOR và không có NO_COLOR', () => {
    const result = spawnSync(process.execPath, [CLI, 'check', 'mau.xlsx', '--today', '2023-11-15', '--out', 'c.xlsx'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' },
    });
    expect(result.stdout).toContain('\u001b[1m');
  });

  it.each([
    ['thiếu tên tệp', ['check'], 'Thiếu tên tệp cho lệnh check.'],
    ['lệnh lạ', ['kiemtra', 'a.xlsx'], 'Không có lệnh “kiemtra”.'],
    ['quý sai', ['check', 'mau.xlsx', '--quarter', '5'], '--quarter “5” không hợp lệ: chọn 1, 2, 3 hoặc 4.'],
    ['ngày sai', ['check', 'mau.xlsx', '--today', '15/11/2023'], '--today “15/11/2023” không hợp lệ'],
    ['bộ quy định lạ', ['check', 'mau.xlsx', '--preset', 'hue'], '--preset “hue” không có.'],
    ['tùy chọn lạ', ['check', 'mau.xlsx', '--fast'], 'Tùy chọn không hợp lệ: --fast.'],
    ['tùy chọn thiếu giá trị', ['check', 'mau.xlsx', '--out'], 'Lỗi: --out cần tên tệp kết quả, ví dụ --out ket-qua.xlsx'],
    ['ngày không có', ['check', 'mau.xlsx', '--today', '2023-02-30'], 'ngày này không có, tháng 2 năm 2023 chỉ có 28 ngày'],
    ['tệp không có', ['check', 'khong-co.xlsx'], "Không tìm thấy tệp 'khong-co.xlsx'."],
    ['ban không có', ['check', 'mau.xlsx', '--ban', 'Ban Ma', '--out', 'x.xlsx'], 'Không có Ban “Ban Ma”'],
  ])('lỗi cách dùng → mã 2 và lời nhắn tiếng Việt: %s', (_name, args, message) => {
    const { code, stderr, stdout } = dicoso(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it.each([
    ['tệp CSV', 'bang.csv', 'Họ và tên,Ban\nNguyễn Văn A,Ban Tuyên giáo\n', 'đây không phải tệp Excel (.xlsx)'],
    ['tệp hỏng', 'hong.xlsx', 'PK\u0003\u0004 không phải zip thật', "Không đọc được tệp 'hong.xlsx'"],
  ])('tệp không đọc được → mã 2: %s', (_name, file, content, message) => {
    writeFileSync(path.join(dir, file), content);
    const { code, stderr } = dicoso(['check', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('bảng tính không có tab cán bộ → mã 2', async () => {
    const wb = XlsxWorkbook.createEmpty();
    wb.writeGeneratedTab({
      name: 'Đi cơ sở',
      values: [['Họ và tên', 'Nội dung', 'Từ ngày', 'Đến ngày']],
      merges: [],
      styles: [],
      columnWidths: [],
      frozenRows: 0,
      landscape: false,
    });
    await wb.save(path.join(dir, 'khong-can-bo.xlsx'));
    const { code, stderr } = dicoso(['check', 'khong-can-bo.xlsx']);
    expect(code).toBe(2);
    expect(stderr).toContain('Không tìm thấy tab danh sách cán bộ');
  });
});

describe('dicoso init', () => {
  it('tạo bảng tính mới có ba tab; kiểm tra ngay được', async () => {
    const { code, stdout } = dicoso(['init', 'moi.xlsx', '--year', '2024', '--preset', 'tay-ninh-2023']);
    expect(code).toBe(0);
    expect(stdout).toContain('Đã tạo moi.xlsx');
    const wb = await XlsxWorkbook.load(path.join(dir, 'moi.xlsx'));
    expect(wb.tabNames().filter((t) => t !== 'DanhMuc')).toEqual(['Cán bộ', 'Đi cơ sở', 'Cài đặt']);
    const trips = wb.readTab('Đi cơ sở')!.values;
    expect(trips[0]).toContain('Trạng thái');
    expect(trips[1]![6]).toBeInstanceOf(Date);
    const sheet = (await loadForContent(path.join(dir, 'moi.xlsx'))).getWorksheet('Đi cơ sở')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list' });
    const check = dicoso(['check', 'moi.xlsx', '--today', '2024-06-01', '--json', '--out', 'moi-kq.xlsx']);
    expect(check.code).toBe(0);
    expect(JsonReport.parse(JSON.parse(check.stdout)).issues).toEqual([]);
  });

  it('06-HD §V.2 trên bảng tính của dicoso init: đủ 62 ngày, 2 đợt, chi đoàn, hai cấp mà để trống các cột quy trình là Đạt, nói rõ điều chưa kiểm tra được', async () => {
    // The template's own columns (Ngày đăng ký, Xác nhận cơ sở, Đã báo cáo, Điểm, Minh chứng) left blank on the
    // cadre's rows, the example row (STT VD) left in place as people leave it: a step the sheet does not keep is never
    // a reason for Không đạt (DOMAIN "Rating").
    expect(dicoso(['init', 'kg.xlsx', '--year', '2023']).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'kg.xlsx'));
    const fill = (tab: string, rows: Record<string, unknown>[]) => {
      const ws = wb.getWorksheet(tab)!;
      const header = (ws.getRow(1).values as unknown[]).map(String);
      rows.forEach((row, i) => {
        for (const [caption, value] of Object.entries(row)) ws.getCell(3 + i, header.indexOf(caption)).value = value as string | number | Date;
      });
    };
    const day = (d: number, m: number) => new Date(Date.UTC(2023, m - 1, d));
    fill('Cán bộ', [{ STT: 1, 'Họ và tên': 'Trần Thị Hoa', 'Chức vụ': 'Chuyên viên', 'Ban/Văn phòng': 'Ban Phong trào' }]);
    const trip = (kind: string, days: number, from: Date, to: Date, place: string, level: string) => ({
      'Họ và tên': 'Trần Thị Hoa',
      'Nội dung': kind,
      'Số ngày': days,
      'Từ ngày': from,
      'Đến ngày': to,
      'Địa điểm': place,
      Cấp: level,
      'Trạng thái': 'Đã thực hiện',
    });
    fill('Đi cơ sở', [
      // 01/02–21/03: 28 + 21 = 49 days; two 6-day chuyên đề rounds months apart; one chi đoàn meeting: 62 days.
      trip('3.2', 49, day(1, 2), day(21, 3), 'Huyện Giồng Riềng', 'Huyện'),
      trip('3.1', 6, day(5, 6), day(10, 6), 'Xã Bình An', 'Cơ sở'),
      trip('3.1', 6, day(4, 9), day(9, 9), 'Xã Mong Thọ', 'Cơ sở'),
      trip('3.4 Sinh hoạt chi đoàn ấp 3', 1, day(15, 11), day(15, 11), 'Ấp 3', 'Chi đoàn'),
    ]);
    await wb.xlsx.writeFile(path.join(dir, 'kg.xlsx'));
    const check = dicoso(['check', 'kg.xlsx', '--today', '2024-01-05', '--json', '--out', 'kg-kq.xlsx']);
    expect(check.code).toBe(0);
    const hoa = JsonReport.parse(JSON.parse(check.stdout)).cadres.find((c) => c.name === 'Trần Thị Hoa')!;
    expect(hoa).toMatchObject({ daysDone: 62, roundsDone: 2, status: 'ok', rating: 'dat', verdictLabel: 'Đạt' });
    expect(hoa.reasons.join(' ')).toMatch(/Chưa kiểm tra được .*xác nhận của cơ sở/);
    expect(dicoso(['check', 'kg.xlsx', '--today', '2024-01-05', '--out', 'kg-kq2.xlsx']).stdout).toContain('Chưa xét được');
  });

  it('không ghi đè tệp đã có', () => {
    const { code, stderr } = dicoso(['init', 'mau.xlsx']);
    expect(code).toBe(2);
    expect(stderr).toContain('đã có');
  });
});

describe('chạy lại trên chính tệp kết quả', () => {
  it('cho cùng một bảng tính (cột kết quả được dùng lại, không thêm cột mới)', async () => {
    expect(dicoso(['check', 'mau.xlsx', '--today', '2023-11-15', '--quarter', '3', '--out', 'lan1.xlsx']).code).toBe(0);
    expect(dicoso(['check', 'lan1.xlsx', '--today', '2023-11-15', '--quarter', '3', '--out', 'lan2.xlsx']).code).toBe(0);
    const first = await XlsxWorkbook.load(path.join(dir, 'lan1.xlsx'));
    const second = await XlsxWorkbook.load(path.join(dir, 'lan2.xlsx'));
    expect(second.tabNames()).toEqual(first.tabNames());
    for (const tab of first.tabNames()) {
      expect(second.readTab(tab, { notes: true }), tab).toEqual(first.readTab(tab, { notes: true }));
    }
  });
});
