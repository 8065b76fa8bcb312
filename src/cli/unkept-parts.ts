import { zipEntryContent, type ZipEntry } from './zip-entries';

/**
 * What an .xlsx file holds that the .xlsx writer (exceljs 4) drops when it writes the result: exceljs rebuilds the
 * file from the cells, styles, notes, tables and pictures it understands, and leaves out every other part of the
 * package. Each row names, in the words of Excel's own menus, what the person would miss in the result file.
 * Pictures (xl/media with their drawing anchors), tables, notes, data validation and themes are kept
 * (test/cli/unkept-parts.test.ts opens a LibreOffice-made file before and after to hold these claims).
 */
const UNKEPT: readonly { label: string; entry: RegExp }[] = [
  { label: 'biểu đồ', entry: /^xl\/charts\/chart[^/]*\.xml$/ },
  { label: 'trang biểu đồ (chart sheet)', entry: /^xl\/chartsheets\// },
  { label: 'bảng tổng hợp (PivotTable)', entry: /^xl\/pivot(?:Tables|Cache)\// },
  { label: 'bộ lọc slicer', entry: /^xl\/slicer(?:s|Caches)\// },
  { label: 'bộ lọc dòng thời gian (timeline)', entry: /^xl\/timeline(?:s|Caches)\// },
  { label: 'macro (VBA)', entry: /^xl\/vbaProject\.bin$/ },
  { label: 'nút bấm và điều khiển biểu mẫu (form control, ActiveX)', entry: /^xl\/(?:ctrlProps|activeX)\// },
  { label: 'sơ đồ SmartArt', entry: /^xl\/diagrams\// },
  { label: 'đối tượng nhúng (tệp Word, PDF… đặt trong bảng tính)', entry: /^xl\/embeddings\// },
  { label: 'liên kết tới bảng tính khác', entry: /^xl\/externalLinks\// },
  { label: 'bình luận dạng hội thoại (threaded comment; ghi chú thường vẫn giữ)', entry: /^xl\/threadedComments\// },
  { label: 'kết nối dữ liệu và truy vấn (Power Query)', entry: /^xl\/(?:connections\.xml$|queryTables\/)/ },
  { label: 'mô hình dữ liệu (Power Pivot)', entry: /^xl\/model\// },
  { label: 'ảnh đặt trong ô và kiểu dữ liệu liên kết', entry: /^xl\/richData\// },
  { label: 'công thức mảng động (FILTER, UNIQUE… trả về nhiều ô)', entry: /^xl\/metadata\.xml$/ },
];

const SHAPES = 'hình vẽ và hộp văn bản (shape)';
const SPARKLINES = 'biểu đồ thu nhỏ trong ô (sparkline)';
/** A drawing's shapes, connectors and groups; pictures (`pic`) and chart frames are told apart from them. */
const SHAPE_ELEMENT = /<(?:[\w-]+:)?(?:sp|cxnSp|grpSp)[\s>/]/;
/** Searched as bytes: a worksheet of 100,000 rows is tens of megabytes of XML. */
const SPARKLINE_ELEMENT = Buffer.from('sparklineGroups');

/** The Vietnamese names of what the result file will not have, in the order of the table above. */
export function unkeptParts(bytes: Uint8Array, entries: readonly ZipEntry[]): string[] {
  const found = UNKEPT.filter((rule) => entries.some((e) => rule.entry.test(e.name))).map((rule) => rule.label);
  const holds = (name: RegExp, test: (content: Buffer) => boolean) =>
    entries.some((e) => {
      if (!name.test(e.name)) return false;
      const content = zipEntryContent(bytes, e);
      return content !== null && test(content);
    });
  if (holds(/^xl\/drawings\/[^/]+\.xml$/, (xml) => SHAPE_ELEMENT.test(xml.toString('utf8')))) found.push(SHAPES);
  if (holds(/^xl\/worksheets\/[^/]+\.xml$/, (xml) => xml.includes(SPARKLINE_ELEMENT))) found.push(SPARKLINES);
  return found;
}
