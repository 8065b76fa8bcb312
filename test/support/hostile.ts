import ExcelJS from 'exceljs';
import { ROSTER_HEADER, TRIP_HEADER } from './domain';

/**
 * A workbook as a real department keeps one, with everything a careless tool would damage: merges reaching where a
 * tool would put its column, a merged header, columns and tabs captioned like ours, the user's own fills, fonts,
 * borders, number formats, alignment, notes (on empty cells too, and lines that begin with "[1+2] "), rich text,
 * hyperlinks, formulas with cached results, dropdowns, conditional formats, hidden rows and columns, frozen panes,
 * a defined name, a picture, and a value far to the right.
 */

const d = (day: number, month: number) => new Date(Date.UTC(2023, month - 1, day));
const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const blue: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFCFE2F3' } };
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
/** A 1×1 red PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export const HOSTILE = {
  roster: 'Cán bộ',
  trips: 'Đi cơ sở',
  /** Tabs of the user's named like ours. */
  lookalikeTabs: ['Tổng hợp 1+2', 'mẫu 2 - tổng hợp'],
  /** Where our columns must go: past the user's look-alike column and every merge (1-based). */
  rosterStatusColumn: 12,
  tripsStatusColumn: 14,
} as const;

export function hostileWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet(HOSTILE.roster, { views: [{ state: 'frozen', ySplit: 2 }] });
  roster.getCell('A1').value = 'DANH SÁCH CÁN BỘ CƠ QUAN TỈNH ĐOÀN';
  roster.mergeCells('A1:I1');
  roster.getRow(2).values = [...ROSTER_HEADER, 'Kết quả 1+2'];
  const people: (string | number | Date)[][] = [
    [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', '', 'thuy@tinhdoan.vn', '', '', '', 'Đạt 2022'],
    [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', '', '', '', '', '', 'Đạt, xem ghi chú'],
    [3, 'Lê Thị Mai', 'Kế toán', 'Văn phòng', '', '', 'Kế toán', '', '', ''],
    [4, 'Phạm Văn Long', 'Chuyên viên', 'Văn phòng', '', '', '', '', d(1, 7), 'Chưa xét'],
  ];
  people.forEach((row, i) => (roster.getRow(3 + i).values = row));
  // Last year's self-assessment spills into K: the merge J4:K4 must be read and left whole.
  roster.mergeCells('J4:K4');
  for (let c = 1; c <= 10; c++) {
    const header = roster.getCell(2, c);
    header.font = { name: 'Times New Roman', size: 12, bold: true };
    header.fill = blue;
    header.border = { top: thin, left: thin, bottom: thin, right: thin };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  roster.getCell('B4').fill = yellow;
  roster.getCell('B4').font = { bold: true, color: { argb: 'FFCC0000' } };
  roster.getCell('I6').numFmt = 'dd/mm/yyyy';
  roster.getCell('C8').note = 'Ô trống nhưng có ghi chú của tôi';
  roster.getCell('B3').note = '[1+2] ghi chú tôi tự viết, không phải của tiện ích';
  roster.getColumn(6).hidden = true;
  roster.getCell('XFD1').value = 'ô rất xa';
  const image = wb.addImage({ buffer: PIXEL as unknown as ExcelJS.Buffer, extension: 'png' });
  roster.addImage(image, 'F10:G12');

  const trips = wb.addWorksheet(HOSTILE.trips, { views: [{ state: 'frozen', ySplit: 1 }] });
  trips.getRow(1).values = [...TRIP_HEADER, '', 'KẾT QUẢ KIỂM TRA'];
  // A merged header K1:L1 "Trạng thái", and a status merged K2:L2.
  trips.mergeCells('K1:L1');
  const rows: unknown[][] = [
    [1, 'Nguyễn Thị Thủy', 'Ban Tuyên giáo', '3.2', '', 30, d(1, 3), d(30, 3), 'Xã A', 'Xã/Phường', 'Đã thực hiện', '', 'Đạt (tự đánh giá)'],
    [2, 'Nguyễn Thị Thủy', 'Ban Tuyên giáo', '3.1', '', 5, d(5, 6), d(9, 6), 'Xã B', 'Chi đoàn', 'Đã thực hiện', '', ''],
    [3, 'Trần Văn Hòa', 'Ban Tuyên giáo', '3.1', '', null, d(10, 7), d(14, 7), 'Xã C', '', 'Đăng ký', '', 'xem lại'],
    [4, 'Trần Văn Hoan', 'Ban Tuyên giáo', '3.3', '', 3, d(2, 8), d(4, 8), 'Xã D', '', 'Đã thực hiện', '', ''],
    [5, 'Phạm Văn Long', 'Văn phòng', '3.4', '', 99, d(1, 9), d(3, 9), 'Xã E', '', 'Đã thực hiện', '', ''],
    [6, 'Phạm Văn Long', 'Văn phòng', '3.5', '', 10, d(1, 10), d(10, 10), 'Xã F', '', '', '', ''],
  ];
  rows.forEach((row, i) => (trips.getRow(2 + i).values = row as ExcelJS.CellValue[]));
  trips.mergeCells('K2:L2');
  trips.getCell('E2').value = { richText: [{ text: 'Tháng ' }, { font: { bold: true }, text: 'Thanh niên' }] };
  trips.getCell('I3').value = { text: 'Xã B (bản đồ)', hyperlink: 'https://maps.example.vn/xa-b' };
  trips.getCell('F4').value = { formula: 'H4-G4+1', result: 5 };
  trips.getCell('D5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"3.1,3.2,3.3,3.4,3.5"'] };
  trips.addConditionalFormatting({
    ref: 'F2:F100',
    rules: [{ type: 'expression', priority: 1, formulae: ['F2>7'], style: { font: { color: { argb: 'FFCC0000' }, bold: true } } }],
  });
  for (let c = 1; c <= 13; c++) trips.getCell(1, c).fill = yellow;
  trips.getCell('B5').fill = blue;
  trips.getCell('G2').numFmt = 'dd/mm/yyyy';
  trips.getCell('H2').numFmt = 'dd/mm/yyyy';
  trips.getCell('F6').border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
  trips.getCell('B5').note = 'Hỏi lại tên';
  trips.getCell('P3').note = 'Ghi chú trên ô trống';
  trips.getRow(7).hidden = true;
  trips.getCell('ZZ400').value = 'ghi chú rất xa';
  wb.definedNames.add(`'${HOSTILE.trips}'!$D$2:$D$7`, 'NoiDungDangKy');

  wb.addWorksheet('Tổng hợp 1+2').getCell('A1').value = 'Bảng tổng hợp của tôi, đừng ghi đè';
  wb.addWorksheet('mẫu 2 - tổng hợp').getCell('A1').value = 'Mẫu 2 tôi tự làm';
  const settings = wb.addWorksheet('Cài đặt');
  settings.addRow(['Cài đặt', 'Giá trị']);
  settings.addRow(['Năm', 2023]);
  settings.addRow(['Email BTC-KT', 'btckt@tinhdoan.vn, sai@']);
  return wb;
}
