import type { UnreadableKind } from './input-file';

/**
 * What the .xlsx adapter says to the person running the command, in one place (the system's refusals to read or
 * write a file: os-errors.ts).
 */

const corrupt = (file: string) =>
  `Không đọc được tệp '${file}': tệp Excel bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở và lưu lại tệp bằng Excel rồi thử lại.`;
const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng "Excel Workbook (.xlsx)", rồi chạy lại với tệp .xlsx.';

/** Why a file cannot be opened, by what it really is. */
export const unreadable = {
  empty: (file: string) => `Không đọc được tệp '${file}': tệp rỗng (0 byte).`,
  xls: (file: string) => `Không đọc được tệp '${file}': đây là tệp Excel cũ (.xls, Excel 97–2003). ${SAVE_AS_XLSX}`,
  encrypted: (file: string) =>
    `Không đọc được tệp '${file}': tệp được đặt mật khẩu (mã hóa) nên không đọc được nội dung. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ Sổ làm việc → Mã hóa bằng Mật khẩu, xóa mật khẩu rồi bấm OK), lưu lại rồi chạy lại.`,
  'ole-other': (file: string) =>
    `Không đọc được tệp '${file}': đây là tệp Office kiểu cũ nhưng không phải bảng tính Excel (có thể là tài liệu Word .doc hay PowerPoint .ppt). Hãy kiểm tra lại tên tệp.`,
  'ole-damaged': (file: string) => `Không đọc được tệp '${file}': tệp có dạng tệp Office kiểu cũ (như tệp Excel cũ (.xls)) nhưng bị hỏng. ${SAVE_AS_XLSX}`,
  ods: (file: string) =>
    `Không đọc được tệp '${file}': đây là bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice, không phải tệp Excel (.xlsx). Hãy mở tệp bằng LibreOffice Calc, lưu lại dưới dạng "Excel 2007-365 (.xlsx)", rồi chạy lại với tệp .xlsx.`,
  xlsb: (file: string) => `Không đọc được tệp '${file}': đây là sổ làm việc nhị phân của Excel (.xlsb). ${SAVE_AS_XLSX}`,
  'zip-other': (file: string) =>
    `Không đọc được tệp '${file}': đây là tệp nén (zip) nhưng không phải bảng tính Excel (.xlsx); có thể là tài liệu Word (.docx) hay một tệp nén thường. Hãy kiểm tra lại tên tệp.`,
  'zip-damaged': corrupt,
  csv: (file: string) =>
    `Không đọc được tệp '${file}': đây không phải tệp Excel (.xlsx) mà là tệp văn bản (CSV). Tệp CSV chỉ chứa một bảng, không có các tab Cán bộ và Đi cơ sở: hãy tạo bảng tính mới bằng "dicoso init <tên-tệp>.xlsx", dán dữ liệu vào đúng tab, rồi kiểm tra tệp .xlsx đó.`,
  html: (file: string) =>
    `Không đọc được tệp '${file}': đây là một trang web (HTML) mang tên tệp Excel; nhiều phần mềm xuất "Excel" theo cách này. ${SAVE_AS_XLSX}`,
  'xml-spreadsheet': (file: string) => `Không đọc được tệp '${file}': đây là bảng tính dạng XML của Excel 2003. ${SAVE_AS_XLSX}`,
  other: (file: string) => `Không đọc được tệp '${file}': đây không phải tệp Excel (.xlsx).`,
} satisfies Record<UnreadableKind, (file: string) => string>;

export const xlsxTexts = {
  corrupt,
  noSheets: (file: string) => `Không đọc được tệp '${file}': tệp không có trang tính nào.`,
  /** A part the command must change cannot be read, found only when writing. */
  corruptPart: (file: string, part: string) =>
    `Không ghi được tệp kết quả vì một phần của tệp '${file}' bị hỏng (${part}). Hãy mở và lưu lại tệp bằng Excel rồi thử lại.`,
  /** No column left for ours: the table reaches Excel's last column. */
  noColumnLeft: (tab: string, cell: string, value: string) =>
    `Tab “${tab}”: không còn cột trống bên phải bảng để ghi cột kết quả, vì ô ${cell} (cột cuối cùng Excel cho phép) có giá trị “${value}”. Hãy chuyển hoặc xóa nội dung ô ${cell} rồi chạy lại.`,
  /** No row left for rows to append: the tab reaches Excel's last row. */
  noRowLeft: (tab: string, cell: string, rows: number) =>
    `Tab “${tab}”: không thêm được ${rows} dòng vì bảng đã dùng tới dòng cuối cùng Excel cho phép (ô ${cell}). Hãy xóa các dòng trống thừa ở cuối tab rồi thử lại.`,
  /** Another run is writing the same result file now. */
  busy: (file: string) =>
    `Tệp '${file}' đang được một lần chạy dicoso khác ghi. Hãy đợi lần chạy đó xong rồi thử lại (nếu chắc không có lần chạy nào khác, hãy xóa tệp khóa '${file}.lock').`,
};
